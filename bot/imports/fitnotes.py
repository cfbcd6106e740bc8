"""FitNotes' export (unit per row, unit in the header, or FitNotes 2's two weight columns)."""

from __future__ import annotations

from bot.coach.ports import Unit
from bot.imports import cells
from bot.imports.csvfile import Row, Table
from bot.imports.detect import Layout, unit_word
from bot.imports.export_dates import fitnotes_date
from bot.imports.imported_sets import SetKind
from bot.imports.raw import Cells, RawSet, Read, read_all


def _weight(row: Row, c: Cells, layout: Layout, default: Unit) -> tuple[float | None, Unit, bool]:
    """The load, its unit, and whether the unit was assumed (only ever for bodyweight rows)."""
    if layout.split_weight is not None:
        kg_index, lb_index = layout.split_weight
        kg = row.cells[kg_index] if kg_index < len(row.cells) else ""
        lb = row.cells[lb_index] if lb_index < len(row.cells) else ""
        if kg.strip():
            return cells.load(kg), Unit.KG, False
        if lb.strip():
            return cells.load(lb), Unit.LB, False
        return None, default, True
    load = cells.load(c["weight"])
    if layout.header_unit is not None:
        return load, layout.header_unit, False
    written = c["weight_unit"].strip()
    unit = unit_word(written)
    if unit is not None:
        return load, unit, False
    if written:
        raise cells.CellError(f"Weight Unit {written!r} is neither kgs nor lbs")
    if load is not None:
        raise cells.CellError(f"weight {c['weight'].strip()} has no unit")
    return None, default, True


def _read_row(row: Row, layout: Layout, default: Unit, out: Read) -> None:
    c = Cells(row, layout.columns)
    day = fitnotes_date(c["date"])
    exercise = c["exercise"].strip()
    if not exercise:
        raise cells.CellError("Exercise is empty")
    load, unit, assumed = _weight(row, c, layout, default)
    out.sets.append(
        RawSet(
            line=row.line,
            workout_id=day.isoformat(),
            workout_date=day,
            workout_start=None,
            workout_end=None,
            workout_title=None,
            workout_note=None,
            exercise_name=exercise,
            ordinal=None,
            kind=SetKind.NORMAL,  # FitNotes exports no warm-up or drop-set flag
            reps=cells.reps(c["reps"]),
            timed=cells.positive(c["time"], "Time") or cells.positive(c["distance"], "Distance"),
            load=load,
            unit=unit,
            unit_assumed=assumed,
            rpe=None,  # FitNotes has no RPE column
            note=cells.text(c["comment"]),
        )
    )


def read(table: Table, layout: Layout, default_unit: Unit) -> Read:
    return read_all(table, lambda row, out: _read_row(row, layout, default_unit, out))
