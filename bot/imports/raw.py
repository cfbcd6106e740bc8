"""What each app's reader hands on: rows read and checked, not yet mapped, keyed or sided."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.coach.ports import Unit
from bot.imports.csvfile import Row, Table
from bot.imports.imported_sets import BadRow, SetKind


@dataclass(frozen=True)
class RawSet:
    line: int
    workout_id: str  # the workout's identity in this app: its start time, or FitNotes' day
    workout_date: date
    workout_start: datetime | None
    workout_end: datetime | None
    workout_title: str | None
    workout_note: str | None
    exercise_name: str
    ordinal: int | None  # the app's own set number (Strong 1..n, Hevy set_index); None if tagged
    kind: SetKind
    reps: int | None
    timed: bool  # a time or distance is recorded (a plank, a run): not a counted set
    load: float | None
    unit: Unit
    unit_assumed: bool
    rpe: float | None
    note: str | None
    exercise_note: str | None = None


@dataclass(frozen=True)
class RawNote:
    """Strong's "Note" pseudo-row: a note on an exercise in a workout, not a set."""

    workout_id: str
    exercise_name: str
    text: str


@dataclass
class Read:
    sets: list[RawSet] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    rest_rows: int = 0  # Strong's "Rest Timer" rows: timers, not sets, so never counted


class Cells:
    """One row's cells by canonical field name; a missing trailing cell reads as empty."""

    def __init__(self, row: Row, columns: dict[str, int]) -> None:
        self._cells = row.cells
        self._columns = columns

    def __getitem__(self, field_name: str) -> str:
        index = self._columns.get(field_name)
        if index is None or index >= len(self._cells):
            return ""
        return self._cells[index]


def width_problem(row: Row, header_width: int) -> str | None:
    """More cells than the header names means a stray delimiter (an unquoted comma in a note):
    every column after it is shifted, so none of the row can be trusted."""
    if len(row.cells) > header_width:
        return f"has {len(row.cells)} fields but the header has {header_width}"
    return None


def read_all(table: Table, read_row: Callable[[Row, Read], None]) -> Read:
    """Every row through read_row; a row it cannot read becomes a BadRow with its line."""
    out = Read()
    for row in table.rows:
        problem = width_problem(row, len(table.header))
        if problem is None:
            try:
                read_row(row, out)
            except ValueError as exc:  # a CellError, or a date that is not one
                problem = str(exc)
        if problem is not None:
            out.bad.append(BadRow(row.line, problem))
    return out
