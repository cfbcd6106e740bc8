"""The coach's tables as typed SQLAlchemy models: users (settings, state, timer), workouts, sets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.storage.types import UTCDateTime

# Named constraints, so later migrations (SQLite batch mode included) can find them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KEY_MAX = 200
SOURCE_MAX = 16  # "strong", "hevy", "fitnotes"
SOURCE_KEY_MAX = 64  # the importers' keys: "fitnotes:" + 32 hex digits

# JSONB on PostgreSQL (indexable, compact), plain JSON text elsewhere.
JSONDocument = JSON().with_variant(JSONB(), "postgresql")

# SQLite would otherwise reuse the id of a deleted last row; ids stay unique forever as on Postgres.
NO_ID_REUSE = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Bounded (the store checks it) because a unique index cannot hold arbitrarily long text.
    key: Mapped[str] = mapped_column(String(KEY_MAX), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Settings (bot.coach.ports.UserSettings), one column each so they can be queried.
    unit: Mapped[str] = mapped_column(String(8))
    rest_seconds: Mapped[int] = mapped_column(Integer)
    switch_seconds: Mapped[int] = mapped_column(Integer)
    first_side: Mapped[str] = mapped_column(String(8))
    timezone: Mapped[str | None] = mapped_column(String())
    # The conversation state; its shape belongs to bot/coach.
    state: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    # Bumped by every save: the optimistic check against a concurrent writer.
    version: Mapped[int] = mapped_column(Integer)
    # The one pending timer; all three set or all three NULL.
    timer_kind: Mapped[str | None] = mapped_column(String())
    timer_token: Mapped[int | None] = mapped_column(Integer)
    timer_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Telegram update ids recently applied with when, newest last (bot/storage/deliveries.py).
    recent_updates: Mapped[list[Any] | None] = mapped_column(JSONDocument)


class WorkoutRow(Base):
    __tablename__ = "workouts"
    __table_args__ = (
        # previous_workout / workouts(exercise=...): newest of one exercise first.
        Index("ix_workouts_user_exercise_started", "user_id", "exercise", "started_at"),
        # workouts() over every exercise, newest first.
        Index("ix_workouts_user_started", "user_id", "started_at"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    exercise: Mapped[str] = mapped_column(String())
    plan_sets: Mapped[int] = mapped_column(Integer)
    plan_reps: Mapped[int] = mapped_column(Integer)
    plan_load: Mapped[float | None] = mapped_column(Float)  # NULL is bodyweight
    plan_unit: Mapped[str] = mapped_column(String(8))
    plan_first_side: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String())
    effort: Mapped[str | None] = mapped_column(String())
    # An imported session (bot/imports): the app it came from; NULL for one logged here.
    source: Mapped[str | None] = mapped_column(String(SOURCE_MAX))
    imported: Mapped[bool] = mapped_column(Boolean, server_default=false())


class SetLogRow(Base):
    __tablename__ = "set_logs"
    __table_args__ = (
        # A workout's sets in logging order.
        Index("ix_set_logs_workout_id", "workout_id", "id"),
        # Export: every set of one user by time.
        Index("ix_set_logs_user_logged", "user_id", "logged_at"),
        # An imported set's key is stored once per user: a file imported twice adds nothing.
        # NULLs (sets logged here) never collide, on SQLite and PostgreSQL alike.
        Index("ix_set_logs_user_source_key", "user_id", "source_key", unique=True),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workout_id: Mapped[int] = mapped_column(ForeignKey("workouts.id", ondelete="CASCADE"))
    # Redundant with the workout's, so a user's sets are found (and deleted) without a join.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    exercise: Mapped[str] = mapped_column(String())
    set_number: Mapped[int] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(8))
    reps: Mapped[int | None] = mapped_column(Integer)
    load: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(8))
    effort: Mapped[str | None] = mapped_column(String())
    # The effort as numbers, when the lifter gave them ("rpe 8.5", "2 in the tank").
    rpe: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    pain: Mapped[bool] = mapped_column(Boolean)
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # An imported set: its app and its stable key in that app's exports (bot/imports/keys).
    source: Mapped[str | None] = mapped_column(String(SOURCE_MAX))
    source_key: Mapped[str | None] = mapped_column(String(SOURCE_KEY_MAX))


class ForgottenUpdateRow(Base):
    """Updates applied to users who have since deleted everything (/deleteme), so a late copy
    of one (a re-delivery, a replica that got it too) is recognised and creates no one.

    Only the update id: Telegram numbers updates across the whole bot, so the id alone names
    the update, and the table holds nothing derived from the person (no key, no hash of one
    that a guess could confirm). Rows go after FORGOTTEN_UPDATES_KEPT (bot/storage/store.py).
    """

    __tablename__ = "forgotten_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    forgotten_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
