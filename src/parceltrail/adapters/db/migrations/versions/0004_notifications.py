"""notifications: subscriptions, the transactional outbox and per-subscriber delivery state

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _fk(column: str, table: str, target: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), _fk("account_id", "subscriptions", "accounts", "CASCADE")),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("tracking_id", sa.String(32), _fk("tracking_id", "subscriptions", "trackings", "CASCADE")),
        sa.Column("shipment_id", sa.Integer(), _fk("shipment_id", "subscriptions", "shipments", "CASCADE")),
        sa.Column("order_id", sa.String(256)),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("secret", sa.String(128), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("quiet_start", sa.String(5)),
        sa.Column("quiet_end", sa.String(5)),
        sa.Column("digest", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("digest_hour", sa.Integer(), nullable=False, server_default="8"),
        sa.Column("eta_days", sa.Float()),
        sa.Column("stale_days", sa.Float()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_subscriptions_account_id", "subscriptions", ["account_id"])
    op.create_index("ix_subscriptions_tracking_id", "subscriptions", ["tracking_id"])
    op.create_index("ix_subscriptions_shipment_id", "subscriptions", ["shipment_id"])
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("subscription_id", sa.Integer(),
                  _fk("subscription_id", "notifications", "subscriptions", "CASCADE"), nullable=False),
        sa.Column("shipment_id", sa.Integer(), _fk("shipment_id", "notifications", "shipments", "SET NULL")),
        sa.Column("stream", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_until", sa.DateTime()),
        sa.Column("delivered_at", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.UniqueConstraint("event_id", name="uq_notifications_event_id"),
    )
    op.create_index("ix_notifications_status_next", "notifications", ["status", "next_attempt_at"])
    op.create_index("ix_notifications_stream", "notifications", ["stream", "id"])
    op.create_table(
        "notification_state",
        sa.Column("subscription_id", sa.Integer(),
                  _fk("subscription_id", "notification_state", "subscriptions", "CASCADE"), primary_key=True),
        sa.Column("shipment_id", sa.Integer(),
                  _fk("shipment_id", "notification_state", "shipments", "CASCADE"), primary_key=True),
        sa.Column("tag", sa.String(32)),
        sa.Column("subtag", sa.String(40)),
        sa.Column("tags_seen", sa.JSON(), nullable=False),
        sa.Column("eta", sa.String(10)),
        sa.Column("stale_since", sa.DateTime()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("notification_state")
    op.drop_table("notifications")
    op.drop_table("subscriptions")
