"""shipments remember the connector that follows them, why none can, who chose the carrier, and the run of
"not found" answers that drives carrier auto-correction

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("connector", sa.String(64)))
        batch.add_column(sa.Column("unfollowed_reason", sa.Text()))
        batch.add_column(sa.Column("carrier_source", sa.String(16), nullable=False,
                                   server_default="detected"))
        batch.add_column(sa.Column("not_found_count", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("not_found_since", sa.DateTime()))


def downgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        for column in ("not_found_since", "not_found_count", "carrier_source", "unfollowed_reason",
                       "connector"):
            batch.drop_column(column)
