"""/import end to end through the engine on a real database: the preview (read, keys, hold) and
the Import tap (every set written in one unit), for the largest Strong file the limits allow.

Each phase is one unit of work, as on Telegram: on SQLite it holds the database's one writer for
as long as it takes, so these times are how long other users' events may wait behind an import.

    .venv/bin/python bench/import_store.py [--quick] [--postgres URL]

Last line: {"rows", "sets", "preview_s", "import_s", "held_kb", ...}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.imports import _largest, strong_file  # noqa: E402
from bot.answers.answerer import Answerer  # noqa: E402
from bot.app import build_coach  # noqa: E402
from bot.coach.events import Document, Press  # noqa: E402
from bot.coach.runner import Runner  # noqa: E402
from bot.config import DEFAULT_CONTENT_DIR  # noqa: E402
from bot.content import load_library  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.storage.imports import PENDING  # noqa: E402


async def run(url: str, data: bytes) -> dict[str, float | int]:
    library = load_library(DEFAULT_CONTENT_DIR)
    async with Database(url) as database:
        await database.upgrade()
        runner = Runner(build_coach(library, Answerer(library)), database)
        began = time.perf_counter()
        shown = await runner.run("bench", Document("strong.csv", data))
        preview_s = time.perf_counter() - began
        async with database.engine.connect() as connection:
            held = (await connection.execute(PENDING.select())).first()
        go = next(
            b.data for r in shown.replies for row in r.buttons for b in row if b.label == "Import"
        )
        began = time.perf_counter()
        done = await runner.run("bench", Press(go))
        import_s = time.perf_counter() - began
        async with database.unit() as store:
            user = await store.load_user("bench")
            sets = len(await store.all_sets(user.id))
    print(done.replies[0].text.splitlines()[0])
    return {
        "sets": sets,
        "preview_s": round(preview_s, 2),
        "import_s": round(import_s, 2),
        "held_kb": round(len(held.payload) / 1024) if held else 0,
    }


def main(options: argparse.Namespace) -> None:
    data = strong_file(20_000) if options.quick else _largest(strong_file)
    rows = data.count(b"\n") - 1
    with tempfile.TemporaryDirectory() as folder:
        url = options.postgres or f"sqlite+aiosqlite:///{folder}/bench.db"
        result = asyncio.run(run(url, data))
    result = {"rows": rows, "mb": round(len(data) / 2**20, 1), **result,
              "backend": "postgresql" if options.postgres else "sqlite"}  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 000 rows")
    parser.add_argument("--postgres", default="", help="an empty PostgreSQL database's URL")
    main(parser.parse_args())
