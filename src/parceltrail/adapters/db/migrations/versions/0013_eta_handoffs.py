"""what the ETA model predicted for each parcel at its start (median and interval, in days after it), so
the interval calibrator learns from parcels delivered since and from those still on their way

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "eta_handoffs",
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("handed_off_at", sa.DateTime(), nullable=False),
        sa.Column("median_days", sa.Float(), nullable=False),
        sa.Column("low_days", sa.Float(), nullable=False),
        sa.Column("high_days", sa.Float(), nullable=False),
        sa.Column("level", sa.Float(), nullable=False),
        sa.Column("basis", sa.String(160), nullable=False),
        sa.Column("served_low_days", sa.Float()),
        sa.Column("served_high_days", sa.Float()),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"],
                                name="fk_eta_handoffs_shipment_id_shipments", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("shipment_id", name="pk_eta_handoffs"),
    )
    op.create_index("ix_eta_handoffs_handed_off_at", "eta_handoffs", ["handed_off_at"])


def downgrade() -> None:
    op.drop_index("ix_eta_handoffs_handed_off_at", table_name="eta_handoffs")
    op.drop_table("eta_handoffs")
