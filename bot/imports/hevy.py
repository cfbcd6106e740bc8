"""Hevy's workout export (metric or imperial) read into RawSets."""

from __future__ import annotations

from bot.imports import cells
from bot.imports.csvfile import Row, Table
from bot.imports.detect import Layout
from bot.imports.export_dates import hevy_datetime
from bot.imports.imported_sets import SetKind
from bot.imports.raw import Cells, RawSet, Read, read_all

_SET_TYPES = {
    "": SetKind.NORMAL, "normal": SetKind.NORMAL, "warmup": SetKind.WARMUP,
    "warm-up": SetKind.WARMUP, "dropset": SetKind.DROP, "drop": SetKind.DROP,
    "failure": SetKind.FAILURE,
}  # fmt: skip


def _set_index(cell: str) -> int:
    value = cells.number(cell, "set_index")
    if value is None or value < 0 or value != int(value):
        raise cells.CellError(f"set_index {cell.strip()!r} is not a set number from 0")
    return int(value)


def _read_row(row: Row, layout: Layout, out: Read) -> None:
    c = Cells(row, layout.columns)
    assert layout.header_unit is not None  # Hevy's weight column always names its unit
    start = hevy_datetime(c["start"])
    try:
        end = hevy_datetime(c["end"]) if c["end"].strip() else None
    except ValueError:
        end = None  # the end time only dates the workout's length; the sets stand without it
    exercise = c["exercise"].strip()
    if not exercise:
        raise cells.CellError("exercise_title is empty")
    kind = _SET_TYPES.get(c["set_type"].strip().lower())
    if kind is None:
        raise cells.CellError(
            f"set_type {c['set_type'].strip()!r} is not normal, warmup, dropset or failure"
        )
    note = cells.text(c["exercise_notes"])
    out.sets.append(
        RawSet(
            line=row.line,
            workout_id=start.isoformat(),
            workout_date=start.date(),
            workout_start=start,
            workout_end=end,
            workout_title=cells.text(c["title"]),
            workout_note=cells.text(c["description"]),
            exercise_name=exercise,
            ordinal=_set_index(c["set_index"]),
            kind=kind,
            reps=cells.reps(c["reps"]),
            timed=cells.positive(c["seconds"], "duration_seconds")
            or cells.positive(c["distance"], "distance"),
            load=cells.load(c["weight"]),
            unit=layout.header_unit,
            unit_assumed=False,
            rpe=cells.rpe(c["rpe"]),
            note=note,
            exercise_note=note,
        )
    )


def read(table: Table, layout: Layout) -> Read:
    return read_all(table, lambda row, out: _read_row(row, layout, out))
