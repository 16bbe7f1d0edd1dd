"""Sections recorded as empty ("asked: none"): one entry per patient and section, with version and history.

At most one answer in force per patient and section: a partial unique index over the entries not
withdrawn (SQLite and PostgreSQL both have partial indexes).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "asked_none",
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", JSON_TYPE, nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_asked_none_person_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_asked_none_visit_id_visits"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asked_none")),
    )
    with op.batch_alter_table("asked_none", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_asked_none_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_asked_none_visit_id"), ["visit_id"], unique=False)
    op.create_index(
        "uq_asked_none_active",
        "asked_none",
        ["person_id", "section"],
        unique=True,
        sqlite_where=sa.text("withdrawn_at IS NULL"),
        postgresql_where=sa.text("withdrawn_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_asked_none_active", table_name="asked_none")
    with op.batch_alter_table("asked_none", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_asked_none_visit_id"))
        batch_op.drop_index(batch_op.f("ix_asked_none_person_id"))
    op.drop_table("asked_none")
