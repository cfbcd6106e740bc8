"""Users remember the Telegram update ids recently applied, so a re-sent update applies once."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    column = sa.Column(
        "recent_updates", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True
    )
    op.add_column("users", column)


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("recent_updates")
