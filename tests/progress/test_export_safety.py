"""Exports are safe to open: no cell runs as a formula, no control character survives in a note."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

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
from bot.progress.export import rows, write

WHEN = datetime(2026, 3, 6, 18, 0, tzinfo=UTC)
USER = UserRecord(1, "tg:1", UserSettings(), {})


def _workout(*notes: str | None, rpe: float | None = None, rir: int | None = None) -> WorkoutRecord:
    plan = Plan(3, 10, 12.5, Unit.KG, Side.LEFT)
    logged = SetEntry(7, "single-leg-hip-thrust", 1, Side.LEFT, 10, 12.5, Unit.KG, WHEN, "hard")
    sets = [
        replace(logged, set_number=n, note=note, rpe=rpe, rir=rir)
        for n, note in enumerate(notes, start=1)
    ]
    status = WorkoutStatus.FINISHED
    return WorkoutRecord(7, 1, "single-leg-hip-thrust", plan, WHEN, status, WHEN, "hard", sets)


def _csv(workout: WorkoutRecord) -> list[dict[str, str]]:
    out = io.StringIO()
    write(rows(USER, [workout]), "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.mark.parametrize(
    "note",
    ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
     "\t=1+1", "\r=1+1"],
)  # fmt: skip
def test_a_note_a_spreadsheet_would_run_is_written_as_text(note: str) -> None:
    [row] = _csv(_workout(note))
    cell = row["note"]
    assert cell.startswith("'")  # shown as text, not computed
    assert cell.lstrip("'").strip() == note.strip()  # the words themselves are kept


def test_ordinary_cells_and_numbers_are_untouched() -> None:
    [row] = _csv(_workout("wobbly, knee fine", rpe=8.5, rir=2))
    assert (row["note"], row["reps"], row["load"], row["effort"]) == (
        "wobbly, knee fine", "10", "12.5", "hard")  # fmt: skip
    assert (row["rpe"], row["rir"]) == ("8.5", "2")


def test_control_characters_are_stripped_from_notes_in_both_formats() -> None:
    workout = _workout("knee\x00 ok\x1b[31m\nnext\u202eline 👨\u200d👩", None)
    [row, empty] = _csv(workout)
    assert row["note"] == "knee ok[31m nextline 👨\u200d👩"
    assert empty["note"] == ""
    out = io.StringIO()
    write(rows(USER, [workout]), "json", out)
    first = json.loads(out.getvalue())[0]
    assert first["note"] == "knee ok[31m nextline 👨\u200d👩"
    assert first["rpe"] is None and first["rir"] is None  # kept as JSON null, not text
