"""`coach export`: a user's logged sets, one row per side per set, as CSV or JSON (as /export),
or as a Strong CSV (`--format strong`, as /export strong)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Mapping
from typing import TextIO

from bot.config import Settings
from bot.imports.strong_export import strong_csv
from bot.progress.export import rows, write
from bot.progress.strong_out import export_sets
from bot.storage import Database

# Enough to read every workout of the most devoted user in one query.
ALL = 1_000_000
STRONG = "strong"


async def export(
    settings: Settings, key: str, fmt: str, out: TextIO, names: Mapping[str, str] | None = None
) -> int:
    database = Database(settings.database_url)
    try:
        await database.upgrade()
        async with database.unit() as store:
            user = await store.user_by_key(key)
            if user is None:
                print(f"No one called {key!r} has logged anything here.", file=sys.stderr)
                return 1
            workouts = await store.workouts(user.id, limit=ALL)
    finally:
        await database.dispose()
    if fmt == STRONG:
        out.write(strong_csv(export_sets(workouts, names or {}, user)))
    else:
        write(rows(user, workouts), fmt, out)
    return 0


def run_export(
    settings: Settings, user: str, fmt: str, names: Mapping[str, str] | None = None
) -> int:
    if not user or len(user) > 200:
        print("Give --user a name of 1 to 200 characters.", file=sys.stderr)
        return 2
    return asyncio.run(export(settings, user, fmt, sys.stdout, names))
