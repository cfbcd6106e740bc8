"""Sets -> a Strong CSV (its Android layout, the one with a unit on every row), so a user can
take the coach's log to Strong or to Hevy's Strong import. The side goes in the note."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.coach.ports import Side, Unit
from bot.imports.imported_sets import SetKind

HEADER = (
    "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE",
    "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes", "Workout Duration",
)  # fmt: skip
_TAGS = {SetKind.WARMUP: "W", SetKind.DROP: "D", SetKind.FAILURE: "F"}
_UNIT = {Unit.KG: "kg", Unit.LB: "lbs"}
_SIDE_NOTE = {Side.LEFT: "Left", Side.RIGHT: "Right"}
# Strong's own names for the coach's exercises, where Strong has one.
STRONG_NAMES = {
    "hip-thrust": "Hip Thrust (Barbell)",
    "glute-bridge": "Glute Bridge",
    "glute-ham-raise": "Glute Ham Raise",
    "single-leg-hip-thrust": "Single Leg Hip Thrust",
    "banded-single-leg-hip-thrust": "Single Leg Hip Thrust (Band)",
    "two-up-one-down-hip-thrust": "Two Up One Down Hip Thrust",
}


@dataclass(frozen=True)
class ExportSet:
    """One set as the coach stored it; times are the user's wall-clock (a zone is ignored)."""

    workout_start: datetime
    workout_title: str
    exercise_name: str  # what Strong shows: STRONG_NAMES[slug], or the coach's name
    kind: SetKind
    side: Side
    reps: int
    load: float | None  # None is bodyweight
    unit: Unit
    rpe: float | None = None
    note: str | None = None
    workout_end: datetime | None = None
    workout_note: str | None = None


def _quoted(text: str | None) -> str:
    return '"' + (text or "").replace('"', '""') + '"'


def _number(value: float) -> str:
    return f"{value:g}"


def _duration(start: datetime, end: datetime | None) -> str:
    """Strong's "1h 5m" / "53m"; "0m" when the workout has no end (Hevy's import wants one)."""
    minutes = max(0, round((end - start).total_seconds() / 60)) if end else 0
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def _note(s: ExportSet) -> str:
    side = _SIDE_NOTE.get(s.side)
    if side and s.note:
        return f"{side}: {s.note}"
    return side or s.note or ""


def strong_csv(sets: Iterable[ExportSet]) -> str:
    """The CSV text, oldest workout first, sets in the order given within each workout.
    Untagged sets are numbered 1, 2, 3 per exercise per workout, as Strong numbers them."""
    ordered = sorted(enumerate(sets), key=lambda pair: (pair[1].workout_start, pair[0]))
    lines = [";".join(HEADER)]
    numbers: dict[tuple[datetime, str], int] = {}
    for _, s in ordered:
        tag = _TAGS.get(s.kind)
        if tag is None:
            ident = (s.workout_start, s.exercise_name)
            numbers[ident] = numbers.get(ident, 0) + 1
            tag = str(numbers[ident])
        cells = (
            s.workout_start.strftime("%Y-%m-%d %H:%M:%S"),
            _quoted(s.workout_title),
            _quoted(s.exercise_name),
            tag,
            _number(s.load) if s.load is not None else "0",
            _UNIT[s.unit],
            str(s.reps),
            _number(s.rpe) if s.rpe is not None else "",
            "",
            "",
            "0",
            _quoted(_note(s)),
            _quoted(s.workout_note),
            _duration(s.workout_start, s.workout_end),
        )
        lines.append(";".join(cells))
    return "\n".join(lines) + "\n"
