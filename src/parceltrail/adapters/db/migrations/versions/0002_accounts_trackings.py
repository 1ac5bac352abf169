"""accounts, API keys and trackings (an account's view of a shared shipment)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("name", name="uq_accounts_name"),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(),
                  sa.ForeignKey("accounts.id", ondelete="CASCADE", name="fk_api_keys_account_id_accounts"),
                  nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime()),
        sa.Column("last_used_at", sa.DateTime()),
        sa.UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )
    op.create_index("ix_api_keys_account_id", "api_keys", ["account_id"])
    op.create_table(
        "trackings",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("account_id", sa.Integer(),
                  sa.ForeignKey("accounts.id", ondelete="CASCADE", name="fk_trackings_account_id_accounts"),
                  nullable=False),
        sa.Column("shipment_id", sa.Integer(),
                  sa.ForeignKey("shipments.id", ondelete="CASCADE",
                                name="fk_trackings_shipment_id_shipments"),
                  nullable=False),
        sa.Column("title", sa.String(256)),
        sa.Column("order_id", sa.String(256)),
        sa.Column("order_number", sa.String(256)),
        sa.Column("customer_name", sa.String(256)),
        sa.Column("customer_emails", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("custom_fields", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("slug", sa.String(64)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime()),
        sa.Column("completed_reason", sa.String(32)),
        sa.Column("retrack_count", sa.Integer(), nullable=False, server_default="0"),
        sa.UniqueConstraint("account_id", "shipment_id", name="uq_trackings_account_shipment"),
    )
    op.create_index("ix_trackings_account_created", "trackings", ["account_id", "created_at", "id"])
    op.create_index("ix_trackings_shipment_id", "trackings", ["shipment_id"])


def downgrade() -> None:
    op.drop_table("trackings")
    op.drop_table("api_keys")
    op.drop_table("accounts")
