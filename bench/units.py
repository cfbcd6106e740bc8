"""The unit of work alone: CPU per coach event on a real database, with no Telegram around it.

The throughput benchmark's users, minus Telegram: each starts `/workout single-leg hip thrust
2x8`, then types or presses the numbers it is offered, presses what moves the workout on, and
asks a question now and then. Every event runs as the bot runs it: one unit of work
(`Database.unit(for_event=True)`, `Coach.handle`, commit). Variants run in alternating rounds in
one process, so a machine that speeds up or slows down affects them alike; the figure is the
median over rounds of the CPU time per event.

    .venv/bin/python bench/units.py [--quick] [--db sqlite|postgres]

Last line: {"db", "events", "unit_ms", "unit_ms_nothing_kept", "statements_per_event", ...}.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event as sa_event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import fresh_database
from bot.answers.answerer import Answerer
from bot.app import build_coach
from bot.coach.engine import Coach
from bot.coach.events import Command, Event, Press, Text
from bot.coach.replies import Outcome
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_library
from bot.storage import Database
from bot.storage.kept import DEFAULT_KEPT_USERS
from tests.fakebotapi.load import START as LOAD_START
from tests.fakebotapi.load import next_step

QUESTION_RATE = 0.05  # as bench/throughput.py's users

START = Command("workout", LOAD_START.removeprefix("/workout ").strip())


class Person:
    """The throughput benchmark's simulated user (tests/fakebotapi/load.py), on engine replies."""

    def __init__(self, key: str, rng: random.Random) -> None:
        self.key, self.rng = key, rng
        self.last: Outcome | None = None
        self.since_start = 0

    def next_event(self) -> Event:
        self.since_start += 1
        shown = self.last.replies[-1:] if self.last else []  # the latest message, as on Telegram
        buttons = {b.label: b.data for reply in shown for row in reply.buttons for b in row}
        labels = None if self.last is None else list(buttons)
        kind, value = next_step(labels, self.since_start, self.rng, QUESTION_RATE)
        if kind == "command":
            self.since_start = 0
            return START
        return Press(buttons[value]) if kind == "press" else Text(value)


async def run_round(
    database: Database, coach: Coach, people: list[Person], events: int, clock: list[datetime]
) -> float:
    """CPU seconds per event over `events` events, the people taking turns."""
    started = time.process_time()
    for n in range(events):
        person = people[n % len(people)]
        clock[0] += timedelta(seconds=3)
        async with database.unit(for_event=True) as store:
            person.last = await coach.handle(store, person.key, person.next_event(), clock[0])
    return (time.process_time() - started) / events


async def measure(kind: str, rounds: int, events: int) -> dict[str, Any]:
    library = load_library(DEFAULT_CONTENT_DIR)
    coach = build_coach(library, Answerer(library))
    with tempfile.TemporaryDirectory() as folder:
        url, drop = await fresh_database(kind, Path(folder), "units")
        variants = {
            "unit_ms": Database(url, kept_users=DEFAULT_KEPT_USERS),
            "unit_ms_nothing_kept": Database(url, kept_users=0),
        }
        statements: Counter[str] = Counter()
        try:
            await variants["unit_ms"].upgrade()
            listen_for_statements(variants["unit_ms"], statements)
            clock = [datetime(2026, 1, 5, 7, 0, tzinfo=UTC)]
            rng = random.Random(4)
            people = {
                name: [Person(f"bench:{name}:{n}", random.Random(rng.random())) for n in range(4)]
                for name in variants
            }
            for name, database in variants.items():  # warm-up: imports, caches, pools
                await run_round(database, coach, people[name], events // 4, clock)
            statements.clear()
            figures: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(rounds):
                for name, database in variants.items():
                    per_event = await run_round(database, coach, people[name], events, clock)
                    figures[name].append(per_event * 1000)
        finally:
            for database in variants.values():
                await database.dispose()
            if drop is not None:
                await drop()
    result: dict[str, Any] = {"db": kind, "events": rounds * events}
    for name, samples in figures.items():
        result[name] = round(statistics.median(samples), 3)
        print(f"{name:22s} " + " ".join(f"{s:.3f}" for s in samples) + " ms per event")
    counted = rounds * events
    for statement, count in statements.most_common():
        print(f"{count / counted:6.2f} per event  {statement}")
    result["statements_per_event"] = round(sum(statements.values()) / counted, 2)
    return result


def listen_for_statements(database: Database, counts: Counter[str]) -> None:
    @sa_event.listens_for(database.engine.sync_engine, "before_cursor_execute")
    def _count(_c: Any, _cur: Any, statement: str, _p: Any, _ctx: Any, _many: bool) -> None:
        words = statement.replace("(", " ").split()
        after = {"SELECT": "FROM", "INSERT": "INTO", "UPDATE": "UPDATE", "DELETE": "FROM"}
        marker = after.get(words[0], "")
        tables = [w for m, w in itertools.pairwise(words) if m == marker and w.islower()]
        counts[f"{words[0]} {tables[0] if tables else ''}".strip()] += 1

    @sa_event.listens_for(database.engine.sync_engine, "commit")
    def _commit(_c: Any) -> None:
        counts["COMMIT"] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the same figures in < 40 s")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    rounds, events = (5, 400) if args.quick else (9, 1500)
    result = asyncio.run(measure(args.db, rounds, events))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
