"""The coach's tables as typed SQLAlchemy models (users with their settings, state and timer;
workouts; sets), their UTC timestamp type, and their rows to the coach's records and back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Row,
    String,
    Text,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from bot.coach.ports import (
    Plan,
    SetEntry,
    Side,
    Unit,
    UserRecord,
    UserSettings,
    WorkoutRecord,
    WorkoutStatus,
)
from bot.coach.replies import Timer


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out.

    PostgreSQL keeps the offset (timestamptz); SQLite stores text and drops it, so values are
    written as UTC wall time and read back with UTC attached. Naive values are refused: a naive
    time is ambiguous, and guessing would shift a user's rest timer or reminder by hours.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()}: pass an aware datetime (UTC)")
        value = value.astimezone(UTC)
        # SQLite's text format has no offset; UTC wall time keeps its string order chronological.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


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


# Rows to the coach's records and back (bot.coach.ports dataclasses <-> table columns).


def user_record(row: UserRow | Row[Any]) -> UserRecord:
    timer = None
    if row.timer_kind is not None and row.timer_token is not None and row.timer_due_at is not None:
        timer = Timer(row.timer_kind, row.timer_token, row.timer_due_at)
    settings = UserSettings(
        unit=Unit(row.unit),
        rest_seconds=row.rest_seconds,
        switch_seconds=row.switch_seconds,
        first_side=Side(row.first_side),
        timezone=row.timezone,
    )
    return UserRecord(row.id, row.key, settings, dict(row.state), row.version, timer)


def user_values(user: UserRecord) -> dict[str, Any]:
    """What save_user writes: settings, state and timer (never the key or the id)."""
    settings, timer = user.settings, user.timer
    return {
        "unit": Unit(settings.unit).value,
        "rest_seconds": settings.rest_seconds,
        "switch_seconds": settings.switch_seconds,
        "first_side": Side(settings.first_side).value,
        "timezone": settings.timezone,
        "state": user.state,
        "timer_kind": timer.kind if timer else None,
        "timer_token": timer.token if timer else None,
        "timer_due_at": timer.due_at if timer else None,
    }


def plan_values(plan: Plan) -> dict[str, Any]:
    return {
        "plan_sets": plan.sets,
        "plan_reps": plan.reps,
        "plan_load": plan.load,
        "plan_unit": Unit(plan.unit).value,
        "plan_first_side": Side(plan.first_side).value,
    }


def new_workout_record(workout_id: int, values: dict[str, Any]) -> WorkoutRecord:
    """The record of a workout just inserted with these values, as reading it back would give."""
    row = WorkoutRow(id=workout_id, **values)
    row.started_at = row.started_at.astimezone(UTC)  # as UTCDateTime reads it
    if row.plan_load is not None:
        row.plan_load = float(row.plan_load)  # a Float column
    return workout_record(row, [])


def workout_record(row: WorkoutRow | Row[Any], sets: list[SetEntry]) -> WorkoutRecord:
    plan = Plan(
        sets=row.plan_sets,
        reps=row.plan_reps,
        load=row.plan_load,
        unit=Unit(row.plan_unit),
        first_side=Side(row.plan_first_side),
    )
    return WorkoutRecord(
        id=row.id,
        user_id=row.user_id,
        exercise=row.exercise,
        plan=plan,
        started_at=row.started_at,
        status=WorkoutStatus(row.status),
        ended_at=row.ended_at,
        effort=row.effort,
        sets=sets,
        source=row.source,
        imported=bool(row.imported),  # a row just built has no server default applied
    )


def set_entry(row: Row[Any]) -> SetEntry:
    """A set from a row whose set_logs columns are labelled set_* (see workouts.SET_COLUMNS)."""
    return SetEntry(
        workout_id=row.set_workout_id,
        exercise=row.set_exercise,
        set_number=row.set_set_number,
        side=Side(row.set_side),
        reps=row.set_reps,
        load=row.set_load,
        unit=Unit(row.set_unit),
        logged_at=row.set_logged_at,
        effort=row.set_effort,
        note=row.set_note,
        pain=row.set_pain,
        rpe=row.set_rpe,
        rir=row.set_rir,
        id=row.set_id,
        source=row.set_source,
        source_key=row.set_source_key,
    )


def set_values(entry: SetEntry) -> dict[str, Any]:
    """A set's columns but its owner, which log_set takes from the workout."""
    return {
        "workout_id": entry.workout_id,
        "exercise": entry.exercise,
        "set_number": entry.set_number,
        "side": Side(entry.side).value,
        "reps": entry.reps,
        "load": entry.load,
        "unit": Unit(entry.unit).value,
        "effort": entry.effort,
        "rpe": entry.rpe,
        "rir": entry.rir,
        "note": entry.note,
        "pain": entry.pain,
        "logged_at": entry.logged_at,
        "source": entry.source,
        "source_key": entry.source_key,
    }
