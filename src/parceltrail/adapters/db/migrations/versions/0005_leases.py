"""leases for claiming due shipments across workers; shared per-carrier rate and concurrency limits

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A worker claims due shipments by setting a lease; the ingestion transaction clears it. A lease that
    # is not cleared (the worker died) expires at lease_until and the shipment can be claimed again.
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("lease_owner", sa.String(96)))
        batch.add_column(sa.Column("lease_until", sa.DateTime()))
    # The claim query walks due shipments in (next_check_at, id) order; stopped ones are not indexed.
    op.create_index("ix_shipments_due", "shipments", ["next_check_at", "id"],
                    postgresql_where=sa.text("next_check_at IS NOT NULL"),
                    sqlite_where=sa.text("next_check_at IS NOT NULL"))
    # Token bucket per carrier (rate requests/s, burst), updated atomically by every worker.
    op.create_table(
        "carrier_limits",
        sa.Column("carrier", sa.String(64), primary_key=True),
        sa.Column("rate", sa.Float(), nullable=False),
        sa.Column("burst", sa.Float(), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("refilled_at", sa.Float(), nullable=False),  # epoch seconds
        sa.Column("max_concurrency", sa.Integer()),
    )
    # One row per concurrent-request slot of a carrier, leased like shipments (a dead worker's slot expires).
    op.create_table(
        "carrier_slots",
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(96)),
        sa.Column("lease_until", sa.Float()),  # epoch seconds
        sa.PrimaryKeyConstraint("carrier", "slot", name="pk_carrier_slots"),
    )


def downgrade() -> None:
    op.drop_table("carrier_slots")
    op.drop_table("carrier_limits")
    op.drop_index("ix_shipments_due", table_name="shipments")
    with op.batch_alter_table("shipments") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("lease_owner")
