"""A user's logged data as rows, CSV or JSON: one row per side per set, every logged value kept."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TextIO

from bot.coach.ports import UserRecord, WorkoutRecord
from bot.progress.local_dates import user_zone

# The first ten are what `coach export` always had; the rest make the file complete: the set's
# own effort and pain, the exact time, and the workout (plan, start, end, status, how it felt);
# then the set's effort as numbers (RPE, reps in reserve); last, whether the session was
# imported and from which app (side "unknown": an imported single-leg set with no side marked).
COLUMNS = (
    "date", "exercise", "workout", "set_number", "side", "reps", "load", "unit", "effort", "note",
    "pain", "logged_at", "workout_started_at", "workout_ended_at", "workout_status",
    "workout_effort", "plan_sets", "plan_reps", "plan_load", "plan_unit", "plan_first_side",
    "rpe", "rir", "imported", "source",
)  # fmt: skip
FORMATS = ("csv", "json")
# A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(...), +cmd|...);
# a leading apostrophe makes it text. Tab and CR are on OWASP's list too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_note(note: str | None) -> str | None:
    """A note without control characters: line breaks and tabs become spaces, others go."""
    if note is None:
        return None
    spaced = "".join(
        " " if c in "\t\r\n\v\f" else c
        for c in note
        # The zero-width joiner holds emoji together (👨‍👩‍👧); other format characters go.
        if c in "\t\r\n\v\f\u200d" or unicodedata.category(c) not in ("Cc", "Cf")
    )
    return " ".join(spaced.split()) or None


def safe_cell(value: str) -> str:
    """A text cell a spreadsheet shows as text, never runs."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def rows(user: UserRecord, workouts: Sequence[WorkoutRecord]) -> list[dict[str, Any]]:
    """Oldest workout first, its sets in logging order; a workout with no set gets one row."""
    zone = user_zone(user.settings.timezone)
    table: list[dict[str, Any]] = []
    for workout in sorted(workouts, key=lambda w: (w.started_at, w.id)):
        plan = workout.plan
        common = {
            "exercise": workout.exercise,
            "workout": workout.id,
            "workout_started_at": _time(workout.started_at),
            "workout_ended_at": _time(workout.ended_at),
            "workout_status": workout.status.value,
            "workout_effort": workout.effort,
            "plan_sets": plan.sets,
            "plan_reps": plan.reps,
            "plan_load": plan.load,
            "plan_unit": plan.unit.value,
            "plan_first_side": plan.first_side.value,
            "imported": workout.imported,
            "source": workout.source,
        }
        if not workout.sets:
            day = workout.started_at.astimezone(zone).date().isoformat()
            table.append({key: None for key in COLUMNS} | common | {"date": day})
        for entry in workout.sets:
            table.append(
                {
                    "date": entry.logged_at.astimezone(zone).date().isoformat(),
                    **common,
                    "set_number": entry.set_number,
                    "side": entry.side.value,
                    "reps": entry.reps,
                    "load": entry.load,
                    "unit": entry.unit.value,
                    "effort": entry.effort,
                    "note": clean_note(entry.note),
                    "pain": entry.pain,
                    "rpe": entry.rpe,
                    "rir": entry.rir,
                    "logged_at": _time(entry.logged_at),
                }
            )
    return [{key: row[key] for key in COLUMNS} for row in table]


def write(table: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """JSON keeps types (null, true); CSV leaves empty cells for none and says true/false."""
    if fmt == "json":
        json.dump(table, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return safe_cell(value)
    return value


def document(
    user: UserRecord, workouts: Sequence[WorkoutRecord], fmt: str, now: datetime
) -> tuple[str, bytes]:
    """(file name, UTF-8 bytes) for the chat."""
    out = io.StringIO()
    write(rows(user, workouts), fmt, out)
    day = now.astimezone(user_zone(user.settings.timezone)).date().isoformat()
    return f"coach-export-{day}.{fmt}", out.getvalue().encode()
