"""Corrections keep their history: a version on each record entry and on the person, a withdrawn mark,
and the table of every version of an entry with who changed it, when and why.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
SECTION_TABLES = (
    "measurements",
    "instrument_answers",
    "diet_days",
    "activity",
    "conditions",
    "episodes",
    "symptoms",
    "family_history",
    "spinal_exams",
)


def upgrade() -> None:
    for table in (*SECTION_TABLES, "people"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
            if table != "people":
                batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "entry_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", JSON_TYPE, nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_entry_versions_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_versions")),
        sa.UniqueConstraint("section", "entry_id", "version", name="entry_version"),
    )
    with op.batch_alter_table("entry_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entry_versions_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("entry_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_versions_person_id"))
    op.drop_table("entry_versions")
    for table in (*SECTION_TABLES, "people"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
            if table != "people":
                batch_op.drop_column("withdrawn_at")
