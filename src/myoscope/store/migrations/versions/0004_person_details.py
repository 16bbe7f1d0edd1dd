"""Person details kept apart from the record (name, other identifiers) and the patient list's red-flag marker.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_details",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_person_details_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_details")),
    )
    with op.batch_alter_table("person_details", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_details_name_key"), ["name_key"], unique=False)

    op.create_table(
        "person_identifiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("system", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_person_identifiers_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_identifiers")),
        sa.UniqueConstraint("person_id", "system", name="person_system"),
    )
    with op.batch_alter_table("person_identifiers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_identifiers_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_identifiers_value"), ["value"], unique=False)

    op.create_table(
        "patient_flags",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("computed_on", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("codes", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_patient_flags_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_patient_flags")),
    )


def downgrade() -> None:
    op.drop_table("patient_flags")
    with op.batch_alter_table("person_identifiers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_identifiers_value"))
        batch_op.drop_index(batch_op.f("ix_person_identifiers_person_id"))
    op.drop_table("person_identifiers")
    with op.batch_alter_table("person_details", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_details_name_key"))
    op.drop_table("person_details")
