"""request counters shared by every server process, one-time password reset tokens (only their hash is
stored), and when a parcel's public page was last looked at (unwatched anonymous numbers expire)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row per (key, window): every process adds to the same count with one atomic upsert.
    op.create_table(
        "request_counts",
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("period", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key", "period", name="pk_request_counts"),
    )
    op.create_index("ix_request_counts_expires", "request_counts", ["expires"])
    op.create_table(
        "password_resets",
        sa.Column("id", sa.String(64), nullable=False),  # SHA-256 of the token in the e-mailed link
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_password_resets"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_password_resets_user_id_users",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_password_resets_user_id", "password_resets", ["user_id"])
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("viewed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.drop_column("viewed_at")
    op.drop_index("ix_password_resets_user_id", table_name="password_resets")
    op.drop_table("password_resets")
    op.drop_index("ix_request_counts_expires", table_name="request_counts")
    op.drop_table("request_counts")
