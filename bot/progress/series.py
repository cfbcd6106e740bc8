"""What a progress chart plots: per session and side, best set and volume; and its reading."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.coach.ports import Side, Unit, WorkoutRecord
from bot.coach.summary import side_stats
from bot.coach.units import convert

# How many sessions at each end are averaged when saying how the gap moved (one is too noisy).
ENDS = 3


@dataclass(frozen=True)
class Point:
    at: datetime  # the session's start, in the user's timezone
    best: dict[Side, int]  # reps of the best set (most reps, then the heavier load)
    volume: dict[Side, float]


@dataclass(frozen=True)
class Series:
    name: str
    unit: Unit
    points: list[Point]
    # (left, right), plus unknown when imported sets had no side; (both,) for a two-leg exercise
    sides: tuple[Side, ...]
    # Volume is reps × load; when no set had a load it is plain reps (see volume()).
    bodyweight_only: bool


def volume(reps: int, load: float | None, source: Unit, unit: Unit, bodyweight_only: bool) -> float:
    """Reps × load in the user's unit. Bodyweight counts as no added load (0), except when the
    whole chart is bodyweight: then volume is the rep count, so the panel is not flat at zero."""
    if bodyweight_only:
        return float(reps)
    return reps * convert(load or 0.0, source, unit)


def build(
    name: str, workouts: Sequence[WorkoutRecord], unit: Unit, zone: tzinfo, unilateral: bool
) -> Series:
    """workouts of one exercise, any order; those with nothing counted are left out."""
    ordered = sorted(workouts, key=lambda w: (w.started_at, w.id))
    bodyweight_only = all(e.load is None for w in ordered for e in w.sets if e.reps is not None)
    points = []
    for workout in ordered:
        stats = side_stats(workout.sets)
        if not stats:
            continue
        best = {s.side: s.best.reps or 0 for s in stats}
        volumes: dict[Side, float] = {}
        for entry in workout.sets:
            if entry.reps is not None:
                add = volume(entry.reps, entry.load, entry.unit, unit, bodyweight_only)
                volumes[entry.side] = volumes.get(entry.side, 0.0) + add
        points.append(Point(workout.started_at.astimezone(zone), best, volumes))
    sides: tuple[Side, ...] = (Side.LEFT, Side.RIGHT) if unilateral else (Side.BOTH,)
    if unilateral and any(Side.UNKNOWN in p.best for p in points):
        sides += (Side.UNKNOWN,)  # imported sets with no side: a line of their own
    return Series(name, unit, points, sides, bodyweight_only)


def _half_up(value: float) -> int:
    """2.5 -> 3 and -2.5 -> -3 (round() would give 2 and -2: banker's rounding)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def _reps(n: int) -> str:
    return f"{n} rep{'' if n == 1 else 's'}"


def _span(first: datetime, last: datetime) -> str:
    days = (last.date() - first.date()).days
    if days >= 14:
        return f"over {round(days / 7)} weeks"
    return f"over {days} day{'' if days == 1 else 's'}" if days else "in one day"


def _gaps(series: Series) -> list[tuple[datetime, int]]:
    """(when, right minus left best-set reps) for sessions that counted both legs."""
    return [
        (p.at, p.best[Side.RIGHT] - p.best[Side.LEFT])
        for p in series.points
        if Side.LEFT in p.best and Side.RIGHT in p.best
    ]


def reading(series: Series) -> str:
    """One line on how the left/right gap of the best set moved across the chart."""
    if series.sides == (Side.BOTH,):
        return _both_legs(series)
    gaps = _gaps(series)
    if not gaps:
        return "No session counted both legs yet, so there's no gap to show."
    if len(gaps) == 1:
        gap = gaps[0][1]
        if gap == 0:
            return "One session so far, both legs level on the best set. More will show a trend."
        side = "left" if gap > 0 else "right"
        return f"One session so far: your {side} leg is {_reps(abs(gap))} behind on the best set."
    ends = min(ENDS, len(gaps) // 2)
    start = _half_up(sum(g for _, g in gaps[:ends]) / ends)
    end = _half_up(sum(g for _, g in gaps[-ends:]) / ends)
    span = _span(gaps[0][0], gaps[-1][0])
    behind_then = "Left" if start > 0 else "Right"
    behind_now = "left" if end > 0 else "right"
    if start == 0 and end == 0:
        return f"Left and right have stayed level on the best set {span}."
    if start * end < 0:
        then, now = _reps(abs(start)), _reps(abs(end))
        passed = f"{behind_then} leg has caught up and passed on the best set"
        return f"{passed}: {then} behind to {now} ahead {span}."
    if abs(end) < abs(start):
        to = f"{abs(end)}" if end else "none"
        closed = f"{behind_then} leg has closed the best-set gap"
        return f"{closed} from {_reps(abs(start))} to {to} {span}."
    if abs(end) > abs(start):
        grown = f"The best-set gap has grown from {abs(start)} to {_reps(abs(end))} {span}"
        return f"{grown}: lead with your {behind_now} leg."
    return f"The best-set gap holds at {_reps(abs(end))} {span}: your {behind_now} leg is behind."


def _both_legs(series: Series) -> str:
    bests = [p.best[Side.BOTH] for p in series.points if Side.BOTH in p.best]
    if len(bests) < 2:
        return "One session so far: the next ones will show a trend."
    span = _span(series.points[0].at, series.points[-1].at)
    return (
        f"A two-leg exercise, so no left/right gap: best set {bests[0]} → {bests[-1]} reps {span}."
    )
