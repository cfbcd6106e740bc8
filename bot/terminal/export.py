"""`coach export`: a user's logged sets, one row per side per set, as CSV or JSON."""

from __future__ import annotations

import asyncio
import csv
import json
import sys
from collections.abc import Sequence
from datetime import UTC, tzinfo
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.coach.ports import SetEntry, UserRecord, WorkoutRecord
from bot.config import Settings
from bot.storage import Database

COLUMNS = (
    "date", "exercise", "workout", "set_number", "side", "reps", "load", "unit", "effort", "note",
)  # fmt: skip
# Enough to read every workout of the most devoted user in one query.
ALL = 1_000_000


def _zone(user: UserRecord) -> tzinfo:
    try:
        return ZoneInfo(user.settings.timezone) if user.settings.timezone else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def rows(
    user: UserRecord, sets: Sequence[SetEntry], workouts: Sequence[WorkoutRecord]
) -> list[dict[str, Any]]:
    """One row per logged side of a set, oldest first.

    Effort is the set's own ("10 hard"), else the workout's answer to "how did that feel?".
    """
    rated = {w.id: w.effort for w in workouts}
    zone = _zone(user)
    return [
        {
            "date": entry.logged_at.astimezone(zone).date().isoformat(),
            "exercise": entry.exercise,
            "workout": entry.workout_id,
            "set_number": entry.set_number,
            "side": entry.side.value,
            "reps": entry.reps,
            "load": entry.load,
            "unit": entry.unit.value,
            "effort": entry.effort or rated.get(entry.workout_id),
            "note": entry.note,
        }
        for entry in sorted(sets, key=lambda e: e.logged_at)
    ]


def write(table: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(table, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table:
        # Bodyweight and a painful set with no count are empty cells, not "None".
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


async def export(settings: Settings, key: str, fmt: str, out: TextIO) -> int:
    database = Database(settings.database_url)
    try:
        await database.upgrade()
        async with database.unit() as store:
            user = await store.user_by_key(key)
            if user is None:
                print(f"No one called {key!r} has logged anything here.", file=sys.stderr)
                return 1
            table = rows(
                user, await store.all_sets(user.id), await store.workouts(user.id, limit=ALL)
            )
    finally:
        await database.dispose()
    write(table, fmt, out)
    return 0


def run_export(settings: Settings, user: str, fmt: str) -> int:
    if not user or len(user) > 200:
        print("Give --user a name of 1 to 200 characters.", file=sys.stderr)
        return 2
    return asyncio.run(export(settings, user, fmt, sys.stdout))
