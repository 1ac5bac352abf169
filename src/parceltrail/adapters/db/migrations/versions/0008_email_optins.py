"""e-mail sign-ups without an account, waiting for their confirmation link (double opt-in)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "email_optins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("subscription_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], ondelete="CASCADE",
                                name="fk_email_optins_shipment_id_shipments"),
        sa.ForeignKeyConstraint(["subscription_id"], ["subscriptions.id"], ondelete="SET NULL",
                                name="fk_email_optins_subscription_id_subscriptions"),
        sa.PrimaryKeyConstraint("id", name="pk_email_optins"),
        sa.UniqueConstraint("token_sha256", name="uq_email_optins_token_sha256"),
    )
    op.create_index("ix_email_optins_email_created_at", "email_optins", ["email", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_email_optins_email_created_at", table_name="email_optins")
    op.drop_table("email_optins")
