"""Imported history: sessions and sets keep the app they came from, each set its stable key
(unique per user), and an import waiting for its Import tap is held in pending_imports."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("workouts", sa.Column("source", sa.String(length=16), nullable=True))
    op.add_column(
        "workouts",
        sa.Column("imported", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("set_logs", sa.Column("source", sa.String(length=16), nullable=True))
    op.add_column("set_logs", sa.Column("source_key", sa.String(length=64), nullable=True))
    op.create_index(
        "ix_set_logs_user_source_key", "set_logs", ["user_id", "source_key"], unique=True
    )
    op.create_table(
        "pending_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_pending_imports_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_imports")),
        sa.UniqueConstraint("user_id", name=op.f("uq_pending_imports_user_id")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_pending_imports_created_at", "pending_imports", ["created_at"])


def downgrade() -> None:
    # An older coach reads no "unknown" side and cannot tell imported sessions apart: they go
    # (the export files can be imported again); sessions logged here stay as they were.
    op.drop_index("ix_pending_imports_created_at", table_name="pending_imports")
    op.drop_table("pending_imports")
    op.execute("DELETE FROM set_logs WHERE source IS NOT NULL OR side = 'unknown'")
    op.execute("DELETE FROM workouts WHERE imported")
    op.drop_index("ix_set_logs_user_source_key", table_name="set_logs")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch copy: recreating workouts
    # would drop the old table, and with foreign keys on that cascades to every set logged.
    op.drop_column("set_logs", "source_key")
    op.drop_column("set_logs", "source")
    op.drop_column("workouts", "imported")
    op.drop_column("workouts", "source")
