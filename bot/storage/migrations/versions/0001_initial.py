"""Users (settings, conversation state, pending timer), workouts and set logs."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("rest_seconds", sa.Integer(), nullable=False),
        sa.Column("switch_seconds", sa.Integer(), nullable=False),
        sa.Column("first_side", sa.String(length=8), nullable=False),
        sa.Column("timezone", sa.String(), nullable=True),
        sa.Column(
            "state",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("timer_kind", sa.String(), nullable=True),
        sa.Column("timer_token", sa.Integer(), nullable=True),
        sa.Column("timer_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("key", name=op.f("uq_users_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "workouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(), nullable=False),
        sa.Column("plan_sets", sa.Integer(), nullable=False),
        sa.Column("plan_reps", sa.Integer(), nullable=False),
        sa.Column("plan_load", sa.Float(), nullable=True),
        sa.Column("plan_unit", sa.String(length=8), nullable=False),
        sa.Column("plan_first_side", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("effort", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_workouts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workouts")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_workouts_user_exercise_started",
        "workouts",
        ["user_id", "exercise", "started_at"],
    )
    op.create_index("ix_workouts_user_started", "workouts", ["user_id", "started_at"])
    op.create_table(
        "set_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("load", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("effort", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("pain", sa.Boolean(), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_set_logs_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["workouts.id"],
            name=op.f("fk_set_logs_workout_id_workouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_logs")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_set_logs_workout_id", "set_logs", ["workout_id", "id"])
    op.create_index("ix_set_logs_user_logged", "set_logs", ["user_id", "logged_at"])


def downgrade() -> None:
    op.drop_table("set_logs")  # its indexes go with it
    op.drop_table("workouts")
    op.drop_table("users")
