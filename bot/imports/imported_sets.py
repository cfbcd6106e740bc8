"""The neutral shape every export becomes: one ImportedSet per set, whatever app wrote it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bot.coach.ports import Side, Unit


class SourceApp(StrEnum):
    STRONG = "strong"
    HEVY = "hevy"
    FITNOTES = "fitnotes"


APP_NAMES = {SourceApp.STRONG: "Strong", SourceApp.HEVY: "Hevy", SourceApp.FITNOTES: "FitNotes"}


class SetKind(StrEnum):
    NORMAL = "normal"
    WARMUP = "warmup"
    DROP = "drop"
    FAILURE = "failure"


class SideFrom(StrEnum):
    """Where a side came from, so a preview or a support question can say why."""

    NAME = "name"  # "Single Leg Hip Thrust (Left)"
    NOTE = "note"  # the set's comment: "L", "right leg"
    ALTERNATION = "alternation"  # an exercise note: "left first, alternate"
    BILATERAL = "bilateral"  # a two-leg exercise: both, always
    NONE = "none"  # a single-leg set with no mark: side unknown


class LeftOut(StrEnum):
    """Why a row of the file is not imported as a set."""

    NOT_COACHED = "not_coached"  # an exercise outside the content library
    WARMUP = "warmup"
    NO_REPS = "no_reps"  # timed or distance rows (planks, cardio) and empty placeholders
    REPEATED = "repeated"  # the same set twice in one file (same stable key)


@dataclass(frozen=True)
class BadRow:
    """A row that could not be read; line is the file's physical line where the row starts."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class ImportedSet:
    """One set as the file has it, mapped to the coach's exercises and sides.

    Times are naive wall-clock times, exactly as the apps write them (none of the three records
    a zone): the storage layer attaches the user's zone. FitNotes records only a day, so its
    workout_start is None and workout_date carries the day.
    """

    source: SourceApp
    source_key: str  # stable across re-exports: same set, same key (see keys.py)
    line: int  # the file line the set's row starts on
    workout_date: date
    workout_start: datetime | None
    workout_end: datetime | None  # Hevy's end_time, or Strong's start plus its duration
    workout_title: str | None  # FitNotes has none
    workout_note: str | None
    exercise_name: str  # the app's name, verbatim
    exercise: str | None  # the content slug it maps to, or None (left out as not coached)
    set_order: int  # 1-based position within this exercise in this workout, warm-ups included
    kind: SetKind
    side: Side
    side_from: SideFrom
    reps: int | None  # None for timed/distance rows, which are left out
    load: float | None  # None is bodyweight (the file's 0 or empty weight)
    unit: Unit  # as the file states it; the user's unit when the file states none
    unit_assumed: bool  # True when the file has no unit and the user's unit stood in
    rpe: float | None
    note: str | None  # the set's own comment (Hevy: the exercise note, repeated per row)
    left_out: LeftOut | None  # None: this set is imported

    @property
    def imported(self) -> bool:
        return self.left_out is None
