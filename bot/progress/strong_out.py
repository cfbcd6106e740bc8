"""/export strong: the user's sessions as a Strong CSV (bot/imports/strong_export.py), so they
can take their log to Strong or to Hevy's Strong import; the side goes in the note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from bot.coach.ports import UserRecord, WorkoutRecord
from bot.imports.imported_sets import SetKind
from bot.imports.strong_export import STRONG_NAMES, ExportSet, strong_csv
from bot.progress.export import clean_note, safe_cell
from bot.progress.local_dates import user_zone

# One title for every session: the sessions of one imported workout (one per exercise here)
# share a start, and Strong groups them back into one workout by date and title.
WORKOUT_TITLE = "Single-leg coach"


def export_sets(
    workouts: Sequence[WorkoutRecord], names: Mapping[str, str], user: UserRecord
) -> list[ExportSet]:
    """Every counted set, at the user's wall-clock time; a set stopped for pain before any rep
    was counted has nothing Strong could hold, so it is left out."""
    zone = user_zone(user.settings.timezone)
    out: list[ExportSet] = []
    for workout in sorted(workouts, key=lambda w: (w.started_at, w.id)):
        start = workout.started_at.astimezone(zone).replace(tzinfo=None)
        end = workout.ended_at.astimezone(zone).replace(tzinfo=None) if workout.ended_at else None
        name = STRONG_NAMES.get(workout.exercise) or names.get(workout.exercise, workout.exercise)
        for entry in workout.sets:
            if entry.reps is None:
                continue
            note = clean_note(entry.note)
            if entry.pain:
                note = f"pain; {note}" if note else "pain"
            note = safe_cell(note) if note else None
            out.append(
                ExportSet(
                    start,
                    WORKOUT_TITLE,
                    name,
                    SetKind.NORMAL,
                    entry.side,
                    entry.reps,
                    entry.load,
                    entry.unit,
                    entry.rpe,
                    note,
                    end,
                )
            )
    return out


def strong_document(
    user: UserRecord, workouts: Sequence[WorkoutRecord], names: Mapping[str, str], now: datetime
) -> tuple[str, bytes]:
    """(file name, UTF-8 bytes) of the Strong CSV."""
    day = now.astimezone(user_zone(user.settings.timezone)).date().isoformat()
    text = strong_csv(export_sets(workouts, names, user))
    return f"coach-strong-{day}.csv", text.encode()
