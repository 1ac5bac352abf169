"""mail intake: mail-in addresses, orders and parcels read from mail, intake log, handled messages,
IMAP mailboxes, household shares

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mailin_addresses",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(32), nullable=False),
        sa.Column("allowed_senders", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("rotated_at", sa.DateTime()),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], ondelete="CASCADE", name="fk_mailin_addresses_user_id_users"
        ),
        sa.PrimaryKeyConstraint("user_id", name="pk_mailin_addresses"),
        sa.UniqueConstraint("token", name="uq_mailin_addresses_token"),
    )
    op.create_table(
        "mail_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("shop", sa.String(64), nullable=False),
        sa.Column("order_number", sa.String(64), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("total_minor", sa.BigInteger()),
        sa.Column("currency", sa.String(3)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], ondelete="CASCADE", name="fk_mail_orders_user_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mail_orders"),
        sa.UniqueConstraint("user_id", "shop", "order_number", name="uq_mail_orders_user_shop_number"),
    )
    op.create_table(
        "intake_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("mailbox_id", sa.Integer()),
        sa.Column("message_id", sa.String(255)),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("sender", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(64)),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], ondelete="CASCADE", name="fk_intake_log_user_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_intake_log"),
    )
    op.create_index("ix_intake_log_user_received", "intake_log", ["user_id", "received_at"])
    op.create_table(
        "mail_parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("mail_order_id", sa.Integer()),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("tracking_id", sa.String(32)),
        sa.Column("tracking_number", sa.String(64), nullable=False),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("intake_id", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime()),
        sa.Column("removed_reason", sa.String(32)),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], ondelete="CASCADE", name="fk_mail_parcels_user_id_users"
        ),
        sa.ForeignKeyConstraint(
            ["mail_order_id"],
            ["mail_orders.id"],
            ondelete="SET NULL",
            name="fk_mail_parcels_mail_order_id_mail_orders",
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            ondelete="CASCADE",
            name="fk_mail_parcels_shipment_id_shipments",
        ),
        sa.ForeignKeyConstraint(
            ["tracking_id"],
            ["trackings.id"],
            ondelete="SET NULL",
            name="fk_mail_parcels_tracking_id_trackings",
        ),
        sa.ForeignKeyConstraint(
            ["intake_id"], ["intake_log.id"], ondelete="SET NULL", name="fk_mail_parcels_intake_id_intake_log"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mail_parcels"),
    )
    op.create_index("ix_mail_parcels_user", "mail_parcels", ["user_id"])
    op.create_index("ix_mail_parcels_order", "mail_parcels", ["mail_order_id"])
    op.create_table(
        "mail_seen",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("message_key", sa.String(255), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], ondelete="CASCADE", name="fk_mail_seen_user_id_users"
        ),
        sa.UniqueConstraint("user_id", "message_key", name="uq_mail_seen_user_key"),
    )
    op.create_table(
        "imap_mailboxes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(253), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(16), nullable=False),
        sa.Column("username", sa.String(254), nullable=False),
        sa.Column("auth", sa.String(16), nullable=False),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("folder", sa.String(255), nullable=False),
        sa.Column("allowed_senders", sa.JSON(), nullable=False),
        sa.Column("mark_seen", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("uidvalidity", sa.BigInteger()),
        sa.Column("last_uid", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("last_polled_at", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], ondelete="CASCADE", name="fk_imap_mailboxes_user_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_imap_mailboxes"),
    )
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("mail_order_id", sa.Integer()),
        sa.Column("mail_parcel_id", sa.Integer()),
        sa.Column("permission", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], ondelete="CASCADE", name="fk_shares_owner_id_users"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["users.id"], ondelete="CASCADE", name="fk_shares_member_id_users"
        ),
        sa.ForeignKeyConstraint(
            ["mail_order_id"],
            ["mail_orders.id"],
            ondelete="CASCADE",
            name="fk_shares_mail_order_id_mail_orders",
        ),
        sa.ForeignKeyConstraint(
            ["mail_parcel_id"],
            ["mail_parcels.id"],
            ondelete="CASCADE",
            name="fk_shares_mail_parcel_id_mail_parcels",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shares"),
    )
    op.create_index("ix_shares_member", "shares", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_shares_member", table_name="shares")
    op.drop_table("shares")
    op.drop_table("imap_mailboxes")
    op.drop_table("mail_seen")
    op.drop_index("ix_mail_parcels_order", table_name="mail_parcels")
    op.drop_index("ix_mail_parcels_user", table_name="mail_parcels")
    op.drop_table("mail_parcels")
    op.drop_index("ix_intake_log_user_received", table_name="intake_log")
    op.drop_table("intake_log")
    op.drop_table("mail_orders")
    op.drop_table("mailin_addresses")
