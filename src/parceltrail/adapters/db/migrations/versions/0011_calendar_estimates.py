"""calendar feeds per user (only a hash of the secret token is stored), the estimate each parcel was given
(for late and moved-estimate notices, the calendar and on-time rates), and what each subscriber was told
about the estimate window

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("timezone", sa.String(64)),
        sa.Column("language", sa.String(16)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime()),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_calendar_feeds_user_id_users",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_calendar_feeds"),
        sa.UniqueConstraint("token_hash", name="uq_calendar_feeds_token_hash"),
    )
    op.create_index("ix_calendar_feeds_user_id", "calendar_feeds", ["user_id"])
    op.create_table(
        "shipment_estimates",
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("first_estimated_at", sa.DateTime(), nullable=False),
        sa.Column("first_due_by", sa.DateTime(), nullable=False),
        sa.Column("first_last_day", sa.String(10), nullable=False),
        sa.Column("estimated_at", sa.DateTime(), nullable=False),
        sa.Column("expected", sa.DateTime(), nullable=False),
        sa.Column("earliest", sa.DateTime(), nullable=False),
        sa.Column("latest", sa.DateTime(), nullable=False),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("expected_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"],
                                name="fk_shipment_estimates_shipment_id_shipments", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("shipment_id", name="pk_shipment_estimates"),
    )
    with op.batch_alter_table("notification_state") as batch:
        batch.add_column(sa.Column("eta_last_day", sa.String(10)))
        batch.add_column(sa.Column("late_for", sa.String(10)))
    if op.get_bind().dialect.name == "postgresql":
        # Carrier performance selects parcels by when they started; without statistics on that expression
        # PostgreSQL guesses 0.5 % of the rows and plans a million index lookups instead of hash joins.
        op.execute("CREATE STATISTICS st_shipments_started ON (COALESCE(first_event_at, created_at)) "
                   "FROM shipments")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP STATISTICS IF EXISTS st_shipments_started")
    with op.batch_alter_table("notification_state") as batch:
        batch.drop_column("late_for")
        batch.drop_column("eta_last_day")
    op.drop_table("shipment_estimates")
    op.drop_index("ix_calendar_feeds_user_id", table_name="calendar_feeds")
    op.drop_table("calendar_feeds")
