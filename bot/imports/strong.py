"""Strong's three layouts (iPhone, Android, newer Android) read into RawSets."""

from __future__ import annotations

from datetime import datetime

from bot.coach.ports import Unit
from bot.imports import cells
from bot.imports.csvfile import Row, Table
from bot.imports.detect import Layout, unit_word
from bot.imports.export_dates import strong_datetime, strong_duration
from bot.imports.imported_sets import SetKind
from bot.imports.raw import Cells, RawNote, RawSet, Read, read_all

# Strong puts a tag in place of the set number: W warm-up, D drop set, F failure.
_TAGS = {
    "w": SetKind.WARMUP, "warmup": SetKind.WARMUP, "warm-up": SetKind.WARMUP,
    "d": SetKind.DROP, "drop": SetKind.DROP, "dropset": SetKind.DROP,
    "f": SetKind.FAILURE, "failure": SetKind.FAILURE,
}  # fmt: skip


def _set_order(cell: str) -> tuple[SetKind, int | None]:
    text = cell.strip()
    if not text:
        raise cells.CellError("Set Order is empty")
    tag = _TAGS.get(text.lower())
    if tag is not None:
        return tag, None
    value = cells.number(text, "Set Order")
    if value is None or value < 1 or value != int(value):
        raise cells.CellError(f"Set Order {text!r} is not a set number or W/D/F")
    return SetKind.NORMAL, int(value)


def _unit(row: Cells, layout: Layout, load: float | None, default: Unit) -> tuple[Unit, bool]:
    if layout.header_unit is not None:
        return layout.header_unit, False
    if not layout.has("weight_unit"):
        return default, True
    written = row["weight_unit"].strip()
    unit = unit_word(written)
    if unit is not None:
        return unit, False
    if written:
        raise cells.CellError(f"Weight Unit {written!r} is neither kg nor lbs")
    if load is not None:
        raise cells.CellError(f"weight {row['weight'].strip()} has no unit")
    return default, True  # bodyweight: no load, so the unit says nothing


def _end(row: Cells, layout: Layout, start: datetime) -> datetime | None:
    in_seconds = layout.has("duration_sec")
    length = strong_duration(row["duration_sec" if in_seconds else "duration"], in_seconds)
    return start + length if length else None


def _read_row(row: Row, layout: Layout, default: Unit, out: Read) -> None:
    c = Cells(row, layout.columns)
    exercise = c["exercise"].strip()
    order = c["set_order"].strip()
    if order.lower() == "rest timer" or exercise.lower() == "rest timer":
        out.rest_rows += 1
        return
    start = strong_datetime(c["date"])
    if not exercise:
        raise cells.CellError("Exercise Name is empty")
    if order.lower() == "note":
        note = cells.text(c["notes"])
        if note:
            out.notes.append(RawNote(start.isoformat(), exercise, note))
        return
    kind, ordinal = _set_order(order)
    load = cells.load(c["weight"])
    unit, assumed = _unit(c, layout, load, default)
    out.sets.append(
        RawSet(
            line=row.line,
            workout_id=start.isoformat(),
            workout_date=start.date(),
            workout_start=start,
            workout_end=_end(c, layout, start),
            workout_title=cells.text(c["workout"]),
            workout_note=cells.text(c["workout_notes"]),
            exercise_name=exercise,
            ordinal=ordinal,
            kind=kind,
            reps=cells.reps(c["reps"]),
            timed=cells.positive(c["seconds"], "Seconds")
            or cells.positive(c["distance"], "Distance"),
            load=load,
            unit=unit,
            unit_assumed=assumed,
            rpe=cells.rpe(c["rpe"]),
            note=cells.text(c["notes"]),
        )
    )


def read(table: Table, layout: Layout, default_unit: Unit) -> Read:
    return read_all(table, lambda row, out: _read_row(row, layout, default_unit, out))
