"""shipments, tracking events and raw payloads

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tracking_number", sa.String(64), nullable=False),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("format", sa.String(64)),
        sa.Column("service_class", sa.String(40)),
        sa.Column("origin_country", sa.String(2)),
        sa.Column("destination_country", sa.String(2)),
        sa.Column("tag", sa.String(32), nullable=False),
        sa.Column("subtag", sa.String(40), nullable=False),
        sa.Column("first_event_at", sa.DateTime()),
        sa.Column("last_event_at", sa.DateTime()),
        sa.Column("next_check_at", sa.DateTime()),
        sa.Column("last_checked_at", sa.DateTime()),
        sa.Column("failure_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text()),
        sa.Column("previous_leg_id", sa.Integer(),
                  sa.ForeignKey("shipments.id", ondelete="SET NULL",
                                name="fk_shipments_previous_leg_id_shipments")),
        sa.Column("next_leg_id", sa.Integer(),
                  sa.ForeignKey("shipments.id", ondelete="SET NULL",
                                name="fk_shipments_next_leg_id_shipments")),
        sa.Column("trackable", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("untrackable_reason", sa.Text()),
        sa.Column("simulated", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("tracking_number", "carrier", name="uq_shipments_number_carrier"),
    )
    op.create_index("ix_shipments_next_check_at", "shipments", ["next_check_at"])
    op.create_table(
        "raw_payloads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("shipment_id", sa.Integer(),
                  sa.ForeignKey("shipments.id", ondelete="CASCADE",
                                name="fk_raw_payloads_shipment_id_shipments"), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("retrieved_at", sa.DateTime(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
    )
    op.create_index("ix_raw_payloads_shipment_id", "raw_payloads", ["shipment_id"])
    op.create_table(
        "tracking_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("shipment_id", sa.Integer(),
                  sa.ForeignKey("shipments.id", ondelete="CASCADE",
                                name="fk_tracking_events_shipment_id_shipments"), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("raw_code", sa.String(64)),
        sa.Column("location", sa.Text()),
        sa.Column("country", sa.String(2)),
        sa.Column("city", sa.String(128)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("lang", sa.String(8)),
        sa.Column("tag", sa.String(32)),
        sa.Column("subtag", sa.String(40)),
        sa.Column("classified", sa.Boolean(), nullable=False),
        sa.Column("classifier_rule", sa.String(128)),
        sa.Column("confidence", sa.Float()),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("raw_payload_id", sa.Integer(),
                  sa.ForeignKey("raw_payloads.id", ondelete="SET NULL",
                                name="fk_tracking_events_raw_payload_id_raw_payloads")),
        sa.Column("retrieved_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("shipment_id", "fingerprint", name="uq_tracking_events_shipment_fingerprint"),
    )
    op.create_index("ix_tracking_events_shipment_occurred", "tracking_events", ["shipment_id", "occurred_at"])


def downgrade() -> None:
    op.drop_table("tracking_events")
    op.drop_table("raw_payloads")
    op.drop_table("shipments")
