"""fitted prediction models (ETA, silence statistics) persisted as JSON, refitted periodically

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row per model name ("eta", "silence"); the body is the model's own `to_dict()` as JSON text,
    # replaced whole on every refit (services/outlook/eta.py).
    op.create_table(
        "models",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("format", sa.String(64), nullable=False),
        sa.Column("fitted_at", sa.DateTime(), nullable=False),
        sa.Column("journeys", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_models"),
    )


def downgrade() -> None:
    op.drop_table("models")
