"""/export: a CSV (or JSON) document holding every logged value, read back equal to the log."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from bot.coach.ports import SetEntry, WorkoutRecord
from tests.progress.conftest import SqlChat

TYPED = ("10 hard wobbly", "9", "11 @ 12.5kg", "8 easy", "my knee hurts")


async def _varied_log(chat: SqlChat) -> None:
    """Efforts, a note, a weight change, pain, bodyweight, pounds, and a workout with no set."""
    await chat.command("workout", "slht 3x10 @ 10kg")
    for typed in TYPED:
        await chat.say(typed)
    await chat.session("glute bridge 2x15", [15, 14], effort="hard")
    await chat.session("slht 1x8 @ 25lb", [8], [7], effort="easy")
    await chat.command("workout", "hip thrust 3x8")
    await chat.command("cancel")


def _expected(workouts: list[WorkoutRecord]) -> list[dict[str, Any]]:
    """What the log holds, as plain values, oldest workout first, sets in logging order."""
    out = []
    for w in sorted(workouts, key=lambda w: (w.started_at, w.id)):
        head = (w.id, w.exercise, w.started_at, w.ended_at, w.status.value, w.effort,
                w.plan.sets, w.plan.reps, w.plan.load, w.plan.unit.value,
                w.plan.first_side.value)  # fmt: skip
        entries: list[SetEntry | None] = list(w.sets) or [None]
        for e in entries:
            out.append({"workout": head, "set": None if e is None else (
                e.set_number, e.side.value, e.reps, e.load, e.unit.value, e.effort, e.note,
                e.pain, e.logged_at)})  # fmt: skip
    return out


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _read_back(row: dict[str, Any], typed: bool) -> dict[str, Any]:
    """A row of the file as the same plain values (CSV cells are text, JSON keeps types)."""

    def num(v: Any, kind: type) -> Any:
        if typed:
            return v
        return kind(v) if v != "" else None

    def text(v: Any) -> Any:
        return v if typed else (v or None)

    head = (num(row["workout"], int), row["exercise"], _time(row["workout_started_at"]),
            _time(row["workout_ended_at"]), row["workout_status"], text(row["workout_effort"]),
            num(row["plan_sets"], int), num(row["plan_reps"], int), num(row["plan_load"], float),
            row["plan_unit"], row["plan_first_side"])  # fmt: skip
    if not row["side"]:
        return {"workout": head, "set": None}
    pain = row["pain"] if typed else {"true": True, "false": False}[row["pain"]]
    entry = (num(row["set_number"], int), row["side"], num(row["reps"], int),
             num(row["load"], float), row["unit"], text(row["effort"]), text(row["note"]), pain,
             _time(row["logged_at"]))  # fmt: skip
    return {"workout": head, "set": entry}


async def test_csv_export_round_trips_every_logged_value(chat: SqlChat) -> None:
    await _varied_log(chat)
    await chat.command("export")
    [reply] = chat.replies
    assert reply.document is not None
    name, content = reply.document
    assert name == "coach-export-2026-03-06.csv"
    assert "4 workouts, 9 sets" in reply.text
    rows = list(csv.DictReader(io.StringIO(content.decode())))
    logged = await chat.workouts()
    assert [_read_back(r, typed=False) for r in rows] == _expected(logged)
    # ... and that log is what was typed: "10 hard wobbly", "11 @ 12.5kg", pain, pounds.
    first = [r for r in rows if r["workout"] == rows[0]["workout"]]
    assert [
        (r["side"], r["reps"], r["load"], r["effort"], r["note"], r["pain"]) for r in first
    ] == [
        ("left", "10", "10.0", "hard", "wobbly", "false"),
        ("right", "9", "10.0", "", "", "false"),
        ("left", "11", "12.5", "", "", "false"),
        ("right", "8", "12.5", "easy", "", "false"),
        ("right", "", "12.5", "", "my knee hurts", "true"),  # the weaker right leads set 3
    ]
    assert {(r["load"], r["unit"]) for r in rows if r["plan_unit"] == "lb"} == {("25.0", "lb")}
    assert rows[-1]["exercise"] == "hip-thrust" and rows[-1]["side"] == ""  # no set logged


async def test_json_export_round_trips_too(chat: SqlChat) -> None:
    await _varied_log(chat)
    await chat.command("export", "JSON")
    [reply] = chat.replies
    assert reply.document is not None and reply.document[0].endswith(".json")
    rows = json.loads(reply.document[1])
    assert [_read_back(r, typed=True) for r in rows] == _expected(await chat.workouts())
    assert rows[0]["reps"] == 10 and rows[0]["pain"] is False and rows[4]["reps"] is None


async def test_nothing_to_export_and_unknown_formats(chat: SqlChat) -> None:
    await chat.command("export")
    assert chat.replies[0].document is None and "Nothing logged yet" in chat.text
    await chat.session("slht 1x10", [10], [10])
    await chat.command("export", "xml")
    assert chat.replies[0].document is None and "CSV or JSON" in chat.text
