"""A set keeps its effort as numbers when the lifter gave them: RPE (half steps) and RIR."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("set_logs", sa.Column("rpe", sa.Float(), nullable=True))
    op.add_column("set_logs", sa.Column("rir", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("set_logs") as batch:
        batch.drop_column("rir")
        batch.drop_column("rpe")
