"""Small builders for storage tests: a plan, a logged set, a moment in time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.coach.ports import Plan, SetEntry, Side, Unit

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SLUG = "single-leg-hip-thrust"


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def plan(sets: int = 3, reps: int = 10, load: float | None = None) -> Plan:
    return Plan(sets=sets, reps=reps, load=load, unit=Unit.KG, first_side=Side.LEFT)


def entry(
    workout_id: int, set_number: int, side: Side, reps: int | None, minutes: float, **extra: Any
) -> SetEntry:
    logged = SetEntry(workout_id, SLUG, set_number, side, reps, None, Unit.KG, at(minutes))
    return replace(logged, **extra)
