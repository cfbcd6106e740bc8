"""History and chart speed for a user with two years of training (3 sessions a week, 3 sets a side).

Seeds one user through the store (312 single-leg hip thrust sessions, 1872 logged sides), then
times whole events through the engine, each in its own unit of work as the adapters run them
(load the user, query, draw, save, commit): /history, /progress (the default 12 weeks) and the
chart over all two years. Goals: chart p95 < 150 ms, history p95 < 20 ms.

    .venv/bin/python bench/progress.py [--quick] [--db sqlite|postgres] [--runs N]

Last line: {"history_p95_ms", "chart_p95_ms", "chart_all_p95_ms", ...}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import fresh_database  # noqa: E402
from bot.answers.answerer import Answerer  # noqa: E402
from bot.app import build_coach  # noqa: E402
from bot.coach.engine import Coach  # noqa: E402
from bot.coach.events import Command, Event, Press  # noqa: E402
from bot.coach.ports import Plan, SetEntry, Side, Unit, WorkoutStatus  # noqa: E402
from bot.config import DEFAULT_CONTENT_DIR  # noqa: E402
from bot.content import load_library  # noqa: E402
from bot.storage import Database  # noqa: E402

KEY = "bench:two-years"
WEEKS, PER_WEEK, SETS = 104, 3, 3
SLHT = "single-leg-hip-thrust"
START = datetime(2024, 3, 4, 18, 0, tzinfo=UTC)


async def seed(database: Database) -> datetime:
    """Two years of sessions: load creeping up, the left leg a rep or two behind, closing."""
    async with database.unit() as store:
        user = await store.load_user(KEY)
        when = START
        for n in range(WEEKS * PER_WEEK):
            when = START + timedelta(days=7 * (n // PER_WEEK) + (0, 2, 4)[n % PER_WEEK])
            load = 10.0 + 2.5 * (n // 24)
            plan = Plan(SETS, 10, load, Unit.KG, Side.LEFT)
            workout = await store.start_workout(user.id, SLHT, plan, when)
            gap = 2 if n < 150 else 1 if n < 250 else 0
            for s in range(1, SETS + 1):
                tired = s == SETS  # the last set is a rep short on both sides
                for side, reps in ((Side.LEFT, 10 - gap - tired), (Side.RIGHT, 10 - tired)):
                    logged = when + timedelta(minutes=3 * s)
                    entry = SetEntry(workout, SLHT, s, side, reps, load, Unit.KG, logged)
                    await store.log_set(entry)
            ended = when + timedelta(minutes=20)
            await store.end_workout(workout, ended, WorkoutStatus.FINISHED, "right")
    return when


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


CPU: dict[str, list[float]] = {}


async def timed(database: Database, coach: Coach, event: Event, now: datetime) -> float:
    """Wall-clock ms of one event; its CPU ms (every thread: the chart draws in a worker) are
    kept in CPU, the figure that does not move when other programs share the machine."""
    began, cpu = time.perf_counter(), time.process_time()
    async with database.unit() as store:
        outcome = await coach.handle(store, KEY, event, now)
    elapsed = (time.perf_counter() - began) * 1000
    CPU.setdefault(type(event).__name__ + getattr(event, "name", ""), []).append(
        (time.process_time() - cpu) * 1000
    )
    assert outcome.replies, event
    return elapsed


async def run(url: str, runs: int) -> dict[str, float]:
    library = load_library(DEFAULT_CONTENT_DIR)
    coach = build_coach(library, Answerer(library))
    async with Database(url) as database:
        await database.upgrade()
        began = time.perf_counter()
        last = await seed(database)
        print(f"seeded {WEEKS * PER_WEEK} sessions in {time.perf_counter() - began:.1f} s")
        now = last + timedelta(days=1)
        cold = await timed(database, coach, Command("progress"), now)  # imports matplotlib
        figures: dict[str, list[float]] = {"history": [], "chart": [], "chart_all": []}
        for _ in range(runs):
            figures["history"].append(await timed(database, coach, Command("history"), now))
            figures["chart"].append(await timed(database, coach, Command("progress"), now))
        # "All time": the button under the chart (its data carries the current token).
        async with database.unit() as store:
            outcome = await coach.handle(store, KEY, Command("progress"), now)
        every = next(b for r in outcome.replies for row in r.buttons for b in row
                     if b.label == "All time")  # fmt: skip
        for _ in range(max(5, runs // 2)):
            figures["chart_all"].append(await timed(database, coach, Press(every.data), now))
    result = {"cold_chart_ms": round(cold, 1)}
    cpu = {"history": CPU["Commandhistory"], "chart": CPU["Commandprogress"][1:],
           "chart_all": CPU["Press"]}  # fmt: skip
    for name, samples in figures.items():
        median, worst = statistics.median(samples), p95(samples)
        spent = statistics.median(cpu[name])
        print(f"{name:10} median {median:6.1f} ms   p95 {worst:6.1f} ms   "
              f"cpu median {spent:6.1f} ms   ({len(samples)} runs)")  # fmt: skip
        result[f"{name}_p95_ms"] = round(p95(samples), 1)
        result[f"{name}_median_ms"] = round(statistics.median(samples), 1)
        result[f"{name}_cpu_median_ms"] = round(statistics.median(cpu[name]), 1)
    return result


async def main(options: argparse.Namespace) -> None:
    runs = options.runs or (20 if options.quick else 100)
    with tempfile.TemporaryDirectory() as folder:
        url, drop = await fresh_database(options.db, Path(folder), "progress")
        try:
            result = await run(url, runs)
        finally:
            if drop is not None:
                await drop()
    goals = {"history_goal_ms": 20, "chart_goal_ms": 150}
    met = result["history_p95_ms"] < 20 and result["chart_p95_ms"] < 150
    print(json.dumps({**result, **goals, "goals_met": met, "sessions": WEEKS * PER_WEEK,
                      "runs": runs, "db": options.db}))  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 runs each (under 40 s)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--runs", type=int, default=0)
    asyncio.run(main(parser.parse_args()))
