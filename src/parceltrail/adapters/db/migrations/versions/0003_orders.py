"""marketplace: users (roles, argon2 password hashes), S10 number ranges, orders, items and packages

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(column: str, table: str, target: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), _fk("account_id", "users", "accounts", "CASCADE"),
                  nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("password_hash", sa.String(256), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("address", sa.JSON()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("email", name="uq_users_email"),
        sa.UniqueConstraint("account_id", name="uq_users_account_id"),
        sa.CheckConstraint("role IN ('buyer', 'seller', 'admin')", name="ck_users_role"),
    )
    op.create_table(
        "number_ranges",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seller_id", sa.Integer(), _fk("seller_id", "number_ranges", "users", "CASCADE"),
                  nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("service_indicator", sa.String(2), nullable=False),
        sa.Column("first_serial", sa.Integer(), nullable=False),
        sa.Column("last_serial", sa.Integer(), nullable=False),
        sa.Column("next_serial", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("first_serial >= 0 AND last_serial <= 99999999 AND first_serial <= last_serial",
                           name="ck_number_ranges_bounds"),
        sa.CheckConstraint("next_serial >= first_serial AND next_serial <= last_serial + 1",
                           name="ck_number_ranges_next_serial"),
    )
    op.create_index("ix_number_ranges_seller_id", "number_ranges", ["seller_id"])
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("seller_id", sa.Integer(), _fk("seller_id", "orders", "users", "RESTRICT"), nullable=False),
        sa.Column("buyer_id", sa.Integer(), _fk("buyer_id", "orders", "users", "RESTRICT"), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("shipping_minor", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("protection_days", sa.Integer(), nullable=False),
        sa.Column("ship_to", sa.JSON(), nullable=False),
        sa.Column("ship_from", sa.JSON(), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("paid_at", sa.DateTime()),
        sa.Column("shipped_at", sa.DateTime()),
        sa.Column("delivered_at", sa.DateTime()),
        sa.Column("received_at", sa.DateTime()),
        sa.Column("completed_at", sa.DateTime()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("reference", name="uq_orders_reference"),
        sa.CheckConstraint("shipping_minor >= 0", name="ck_orders_shipping_minor"),
    )
    op.create_index("ix_orders_seller_id", "orders", ["seller_id", "id"])
    op.create_index("ix_orders_buyer_id", "orders", ["buyer_id", "id"])
    op.create_table(
        "order_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), _fk("order_id", "order_items", "orders", "CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("sku", sa.String(64)),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_minor", sa.Integer(), nullable=False),
        sa.Column("weight_grams", sa.Integer()),
        sa.Column("hs_code", sa.String(12)),
        sa.Column("origin_country", sa.String(2)),
        sa.CheckConstraint("quantity > 0 AND unit_price_minor >= 0", name="ck_order_items_amounts"),
    )
    op.create_index("ix_order_items_order_id", "order_items", ["order_id"])
    op.create_table(
        "order_packages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), _fk("order_id", "order_packages", "orders", "CASCADE"),
                  nullable=False),
        sa.Column("shipment_id", sa.Integer(), _fk("shipment_id", "order_packages", "shipments", "RESTRICT"),
                  nullable=False),
        sa.Column("tracking_number", sa.String(64), nullable=False),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("service", sa.String(100)),
        sa.Column("issued", sa.Boolean(), nullable=False),
        sa.Column("weight_grams", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("tracking_number", "carrier", name="uq_order_packages_number_carrier"),
    )
    op.create_index("ix_order_packages_order_id", "order_packages", ["order_id"])
    op.create_index("ix_order_packages_shipment_id", "order_packages", ["shipment_id"])


def downgrade() -> None:
    op.drop_table("order_packages")
    op.drop_table("order_items")
    op.drop_table("orders")
    op.drop_table("number_ranges")
    op.drop_table("users")
