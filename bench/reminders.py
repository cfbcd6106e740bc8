"""Reminder fan-out by `coach run` replicas under one bot's limits; faults; start-up with 100k.

Part 1 (fan-out): N users whose reminders fall due at the same instant, sent by `--replicas`
`coach run` processes (webhook mode; one database; one Redis holding the flood budget when
there are several, or with --redis) through one fake Bot API in this process, which enforces
Telegram's limits per bot (sliding one-second windows, global and per chat; 429 past them).
The replicas are up before the fan-out's planned start (half its spread ahead of the due
instant). Reports the achieved rate over the configured one (all replicas together), 429s,
deliveries per chat, and lateness (delivery minus due time; negative is early).
Part 2 (faults, at least two replicas): reminders due now; replica 1 gets SIGTERM a quarter in
(`stop_s`: signal to exit) and is started again; replica 2 gets SIGKILL half-way; 30 s later
`stranded` counts the claims it still holds; then everything must have arrived once.
Part 3: 100 000 stored reminders; a fresh process opens the database and starts the scheduler
on APScheduler; launch-to-armed seconds and peak resident memory.

    .venv/bin/python bench/reminders.py [--quick] [--db sqlite|postgres] [--replicas N]
        [--users N] [--rate R] [--redis URL] [--no-faults]

Last line: {"sent", "duplicates", "http_429", "rate_share", "lateness_p50_s", "lateness_p95_s",
"early_max_s", "stop_s", "stranded", "fault_duplicates", "startup_s_100k", "rss_mb_100k", ...}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import fresh_database  # noqa: E402
from bench.reminder_fleet import Reached, stranded, tally, wait_for  # noqa: E402
from tests.fakebotapi import FakeBotApi, FloodLimits  # noqa: E402
from tests.reliability.fleet import Replica, seed  # noqa: E402

STORED = 100_000
HEADROOM = 0.96
STARTUP_MARGIN = 5.0  # seconds for the replicas to start before the fan-out's planned start
STRANDED_AFTER = 30.0


def fake_api(rate: float, chats: range) -> FakeBotApi:
    api = FakeBotApi(limits=FloodLimits(per_chat_per_second=1.0, global_per_second=rate))
    for chat_id in chats:
        api.records.chats[chat_id] = []  # each user has talked to the bot before
    return api


async def fan_out(
    url: str, users: int, rate: float, replicas: int, redis: str | None, work: Path
) -> dict[str, Any]:
    chats = range(1, users + 1)
    lead = users / (2 * rate * HEADROOM)
    due = (datetime.now(UTC) + timedelta(seconds=STARTUP_MARGIN + lead)).replace(microsecond=0)
    await seed(url, users, due)
    async with fake_api(rate, chats) as api:
        fleet = [Replica(api, url, work, f"r{n}", rate, redis) for n in range(replicas)]
        reached = Reached(api)
        try:
            since = time.monotonic()
            await asyncio.gather(*(replica.start() for replica in fleet))
            began = time.perf_counter()
            await wait_for(lambda: len(reached) >= users, lead * 2 + 600)
            took = time.perf_counter() - began
            await asyncio.gather(*(replica.stop() for replica in fleet))
        finally:
            for replica in fleet:
                await replica.close()
        seen = tally(api, chats, due, since)
    print(
        f"fan-out: {users} users due at one instant, {replicas} replica(s) sharing {rate:g}/s:"
        f" {seen.delivered} chats reached in {took:.1f} s after start-up, the fake saw"
        f" {seen.server_rate:.2f}/s, {seen.http_429} 429s, {seen.duplicates} duplicates;"
        f" lateness {seen.figures()}"
    )
    return {"tally": seen, "figures": seen.figures()}


async def faults(
    url: str, users: int, rate: float, redis: str | None, work: Path
) -> dict[str, Any]:
    """SIGTERM one replica a quarter in (restarted), SIGKILL another half-way."""
    chats = range(1, users + 1)
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=STARTUP_MARGIN)
    await seed(url, users, due)
    async with fake_api(rate, chats) as api:
        first, second = (Replica(api, url, work, f"f{n}", rate, redis) for n in range(2))
        restarted = Replica(api, url, work, "f0-again", rate, redis)
        reached = Reached(api)
        try:
            await asyncio.gather(first.start(), second.start())
            await wait_for(lambda: len(reached) >= users // 4, 120, 0.01)
            stop_s = await first.terminate()
            await restarted.start()
            await wait_for(lambda: len(reached) >= users // 2, 120, 0.01)
            worker = second.worker
            await second.kill()
            killed_at = time.monotonic()
            await asyncio.sleep(STRANDED_AFTER)
            left = await stranded(url, worker)
            arrived = await wait_for(lambda: len(reached) >= users, 120)
            in_order = time.monotonic() - killed_at
            await restarted.stop()
        finally:
            for replica in (first, second, restarted):
                await replica.close()
        seen = tally(api, chats, due, 0.0)
    print(
        f"faults: {users} due at {rate:g}/s over two replicas: SIGTERM to exit {stop_s:.2f} s;"
        f" {left} claims of the SIGKILLed replica left after {STRANDED_AFTER:g} s; all"
        f" {'arrived' if arrived else 'NOT arrived'} {in_order:.0f} s after the kill,"
        f" {seen.delivered} chats reached, {seen.duplicates} duplicates"
    )
    return {"stop_s": stop_s, "stranded": left, "delivered": seen.delivered,
            "duplicates": seen.duplicates}  # fmt: skip


async def startup_probe(url: str) -> None:
    import resource

    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.content import load_library
    from bot.reminders.domain import Delivery, SendResult
    from bot.reminders.service import ReminderService
    from bot.storage import Database
    from bot.storage.reminder_claims import claims_unit

    began = time.perf_counter()
    database = Database(url)
    await database.upgrade()

    async def send(delivery: Delivery) -> SendResult:
        return SendResult.ok()

    library = load_library(ROOT / "content")
    service = ReminderService(lambda: claims_unit(database), send, library, worker="probe")
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.start()
    report = await service.run_due()  # the first scan for due work (start() runs it in the back)
    await service.start(scheduler)
    armed = time.perf_counter() - began
    jobs = len(scheduler.get_jobs())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"armed_s": armed, "rss_mb": rss_mb, "jobs": jobs, "sent": report.sent}))
    await service.stop()
    scheduler.shutdown(wait=False)
    await database.dispose()


def startup(url: str) -> dict[str, float]:
    launched = time.perf_counter()
    probe = subprocess.run(
        [sys.executable, __file__, "--startup-probe", url],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    total = time.perf_counter() - launched
    figures: dict[str, float] = json.loads(probe.stdout.strip().splitlines()[-1])
    print(
        f"start-up with {STORED} stored reminders: {total:.2f} s from launch to armed"
        f" ({figures['armed_s']:.2f} s of it opening the database and arming"
        f" {figures['jobs']:g} jobs), peak RSS {figures['rss_mb']:.0f} MB"
    )
    return {"startup_s": total, "rss_mb": figures["rss_mb"]}


async def stored_part(db: str) -> dict[str, float]:
    """Part 3 in a process of its own: seed 100 000 reminders, then time a fresh start-up."""
    child = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--stored", db, stdout=subprocess.PIPE, cwd=ROOT
    )
    out, _ = await child.communicate()
    lines = out.decode().strip().splitlines()
    print("\n".join(lines[:-1]))
    figures: dict[str, float] = json.loads(lines[-1])
    return figures


async def stored(db: str) -> None:
    with tempfile.TemporaryDirectory() as folder:

        async def measure(url: str) -> dict[str, float]:
            seeded = time.perf_counter()
            await seed(url, STORED, None)
            print(f"seeded {STORED} reminders in {time.perf_counter() - seeded:.1f} s")
            return startup(url)

        print(json.dumps(await in_database(db, Path(folder), "reminders_stored", measure)))


async def in_database(kind: str, folder: Path, name: str, work: Any) -> Any:
    url, drop = await fresh_database(kind, folder, name)
    try:
        return await work(url)
    finally:
        if drop:
            await drop()


async def main(args: argparse.Namespace) -> None:
    users = args.users or (2_000 if args.quick else 10_000)
    rate = args.rate or (250.0 if args.quick else 30.0)
    db = "postgres" if args.replicas > 1 else args.db
    redis = args.redis or (os.environ.get("COACH_TEST_REDIS_URL") or "redis://127.0.0.1:6379/0")
    shared = redis if (args.replicas > 1 or args.redis) else None
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)

        def sending(url: str) -> Any:
            return fan_out(url, users, rate, args.replicas, shared, work)

        sent = await in_database(db, work, "reminders_fanout", sending)
        broken: dict[str, Any] = {"stop_s": None, "stranded": None, "duplicates": None}
        # The 100k start-up runs in processes of its own; with --quick it overlaps part 2's
        # 30 s wait (the fake and the replicas are idle-ish by then), to stay under a minute.
        stored = asyncio.create_task(stored_part(db)) if args.quick else None
        if not args.no_faults:
            count = 480 if args.quick else 1_500

            def breaking(url: str) -> Any:
                return faults(url, count, 60.0, redis, work)

            broken = await in_database("postgres", work, "reminders_faults", breaking)
        boot = await (stored or stored_part(db))
    seen = sent["tally"]
    result = {
        "sent": seen.delivered,
        "duplicates": seen.duplicates,
        "http_429": seen.http_429,
        "rate_share": round(seen.server_rate / rate, 3),
        **sent["figures"],
        "stop_s": None if broken["stop_s"] is None else round(broken["stop_s"], 2),
        "stranded": broken["stranded"],
        "fault_duplicates": broken["duplicates"],
        "startup_s_100k": round(boot["startup_s"], 2),
        "rss_mb_100k": round(boot["rss_mb"], 1),
        "users": users,
        "rate": rate,
        "replicas": args.replicas,
        "db": db,
        "shared_budget": shared is not None,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer users, a higher rate (<60 s)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--replicas", type=int, default=1, help="coach run processes (>1: PG)")
    parser.add_argument("--users", type=int, default=0)
    parser.add_argument("--rate", type=float, default=0.0, help="the bot's limit, messages/s")
    parser.add_argument("--redis", default=None, help="share the budget through this Redis")
    parser.add_argument("--no-faults", action="store_true", help="skip part 2")
    parser.add_argument("--startup-probe", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--stored", default=None, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.startup_probe:
        asyncio.run(startup_probe(options.startup_probe))
    elif options.stored:
        asyncio.run(stored(options.stored))
    else:
        asyncio.run(main(options))
