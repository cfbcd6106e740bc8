"""The ids of updates applied to users who deleted everything, so a late copy creates no one."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forgotten_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("forgotten_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_forgotten_updates")),
    )
    op.create_index(
        op.f("ix_forgotten_updates_forgotten_at"), "forgotten_updates", ["forgotten_at"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_forgotten_updates_forgotten_at"), table_name="forgotten_updates")
    op.drop_table("forgotten_updates")
