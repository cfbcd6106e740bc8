"""Rows to the coach's records and back (bot.coach.ports dataclasses <-> table columns)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import Row

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
from bot.storage.models import UserRow, WorkoutRow


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
