"""Reminder fan-out through the fake Bot API under Telegram's limits; start-up with 100k stored.

Part 1: N users whose reminders fall due in the same minute; the scheduler claims and sends them
through the fake Bot API (its own process, enforcing the global and per-chat limits by sliding
one-second windows, answering 429 past them). Reports the achieved send rate as a share of the
configured global rate, the 429s, and deliveries per chat (all exactly once?).
Part 2: 100 000 stored reminders; a fresh process opens the database and starts the scheduler on
APScheduler; reports launch-to-armed seconds and the process's peak resident memory.

    .venv/bin/python bench/reminders.py [--quick] [--db sqlite|postgres] [--users N] [--rate R]

Last line: {"sent", "duplicates", "rate_share", "http_429", "startup_s_100k", "rss_mb_100k"}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
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

ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC+05:45", "UTC")
STORED = 100_000


# --- child: the fake Bot API with Telegram's limits ------------------------------------------


async def serve_fake(rate: float, chats: int) -> None:
    from tests.fakebotapi import FakeBotApi, FloodLimits

    api = FakeBotApi(limits=FloodLimits(per_chat_per_second=1.0, global_per_second=rate))
    for chat_id in range(1, chats + 1):
        api.records.chats[chat_id] = []  # each user has talked to the bot before
    await api.start()
    print(json.dumps({"api": api.base_url, "token": api.token}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    sends = [c for c in api.records.calls if c.method == "sendMessage"]
    ok = sorted(c.at for c in sends if c.status == 200)
    per_chat = [sum(1 for m in msgs if m.from_bot) for msgs in api.records.chats.values()]
    stats = {
        "delivered": sum(1 for n in per_chat if n >= 1),
        "duplicates": sum(n - 1 for n in per_chat if n > 1),
        "http_429": sum(1 for c in sends if c.status == 429),
        "server_rate": (len(ok) - 1) / (ok[-1] - ok[0]) if len(ok) > 1 else 0.0,
    }
    print(json.dumps(stats), flush=True)
    await api.stop()


# --- child: start-up with the stored reminders -----------------------------------------------


async def startup_probe(url: str) -> None:
    import resource

    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.content import load_library
    from bot.reminders.model import Delivery, SendResult
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


# --- the parent ------------------------------------------------------------------------------


async def seed(url: str, count: int, due_at: datetime | None) -> None:
    """count users, one reminder each; all due at due_at, or spread over the coming days."""
    from sqlalchemy import insert, select

    from bot.reminders.parsing import EVERY_DAY, WEEKDAYS
    from bot.reminders.schedule import Rule, next_occurrence
    from bot.reminders.zones import zone
    from bot.storage import Database
    from bot.storage.models import UserRow
    from bot.storage.reminders import ReminderRow

    rng = random.Random(5)
    now = datetime.now(UTC)
    async with Database(url) as database:
        await database.upgrade()
        for start in range(0, count, 5000):
            chunk = range(start + 1, min(count, start + 5000) + 1)
            users = [
                {
                    "key": f"tg:{n}", "created_at": now, "unit": "kg", "rest_seconds": 60,
                    "switch_seconds": 10, "first_side": "left", "timezone": ZONES[n % 6],
                    "state": {}, "version": 0,
                }
                for n in chunk
            ]  # fmt: skip
            rows = []
            async with database.unit() as store:
                await store.session.execute(insert(UserRow), users)
                keys = [str(u["key"]) for u in users]
                found = await store.session.execute(
                    select(UserRow.key, UserRow.id).where(UserRow.key.in_(keys))
                )
                ids = {key: user_id for key, user_id in found}
                for n in chunk:
                    name = ZONES[n % 6]
                    if due_at is not None:  # the same minute for everyone, in their own zone
                        local = due_at.astimezone(zone(name))
                        rule = Rule(local.time().replace(second=0, microsecond=0), EVERY_DAY, name)
                        next_due = due_at
                    else:
                        at = datetime.min.replace(hour=rng.randrange(24), minute=rng.randrange(60))
                        rule = Rule(at.time(), rng.choice((EVERY_DAY, WEEKDAYS)), name)
                        next_due = next_occurrence(rule, now + timedelta(hours=1)).due_at
                    rows.append(
                        {
                            "user_id": ids[f"tg:{n}"], "local_time": rule.at, "days": rule.days,
                            "zone": name, "exercise": "glute-bridge", "paused": False,
                            "created_at": now, "next_due_at": next_due,
                        }
                    )  # fmt: skip
                await store.session.execute(insert(ReminderRow), rows)


async def fan_out(url: str, users: int, rate: float) -> dict[str, Any]:
    import aiohttp

    from bot.content import load_library
    from bot.reminders.model import Delivery, SendResult
    from bot.reminders.service import ReminderService
    from bot.storage import Database
    from bot.storage.reminder_claims import claims_unit

    minute = datetime.now(UTC).replace(second=0, microsecond=0)
    await seed(url, users, minute)
    fake = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--serve-fake", "--rate", str(rate), "--users", str(users),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    assert fake.stdout is not None and fake.stdin is not None
    endpoint = json.loads(await fake.stdout.readline())
    send_url = f"{endpoint['api']}{endpoint['token']}/sendMessage"
    async with aiohttp.ClientSession() as http, Database(url) as database:

        async def send(delivery: Delivery) -> SendResult:
            keyboard = [[{"text": b.label, "callback_data": b.data} for b in row]
                        for row in delivery.reply.buttons]  # fmt: skip
            body = {
                "chat_id": int(delivery.user_key.removeprefix("tg:")),
                "text": delivery.reply.text,
                "reply_markup": {"inline_keyboard": keyboard},
            }
            async with http.post(send_url, json=body) as response:
                answer = await response.json()
            if response.status == 200:
                return SendResult.ok()
            if response.status == 403:
                return SendResult.blocked()
            return SendResult.retry(float(answer.get("parameters", {}).get("retry_after", 1)))

        library = load_library(ROOT / "content")
        service = ReminderService(
            lambda: claims_unit(database), send, library, worker="bench", rate_per_second=rate
        )
        began = time.perf_counter()
        report = await service.run_due()
        took = time.perf_counter() - began
    fake.stdin.close()
    stats = json.loads(await fake.stdout.readline())
    await asyncio.wait_for(fake.wait(), 30)
    print(
        f"fan-out: {users} users due in one minute at {rate:g}/s:"
        f" {report.sent} sent in {took:.1f} s"
        f" ({report.retried} retried, {report.missed} missed); the fake saw"
        f" {stats['server_rate']:.2f}/s, {stats['http_429']} 429s, {stats['delivered']} chats"
        f" reached, {stats['duplicates']} duplicates"
    )
    return {**stats, "sent": report.sent}


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


async def main(args: argparse.Namespace) -> None:
    users = args.users or (2_000 if args.quick else 10_000)
    rate = args.rate or (250.0 if args.quick else 30.0)
    with tempfile.TemporaryDirectory() as folder:
        url, drop = await fresh_database(args.db, Path(folder), "reminders_fanout")
        try:
            sent = await fan_out(url, users, rate)
        finally:
            if drop:
                await drop()
        url, drop = await fresh_database(args.db, Path(folder), "reminders_stored")
        try:
            seeded = time.perf_counter()
            await seed(url, STORED, None)
            print(f"seeded {STORED} reminders in {time.perf_counter() - seeded:.1f} s")
            boot = startup(url)
        finally:
            if drop:
                await drop()
    result = {
        "sent": sent["delivered"],
        "duplicates": sent["duplicates"],
        "rate_share": round(sent["server_rate"] / rate, 3),
        "http_429": sent["http_429"],
        "startup_s_100k": round(boot["startup_s"], 2),
        "rss_mb_100k": round(boot["rss_mb"], 1),
        "users": users,
        "rate": rate,
        "db": args.db,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer users, a higher rate (<40 s)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--users", type=int, default=0)
    parser.add_argument("--rate", type=float, default=0.0, help="the global limit, messages/s")
    parser.add_argument("--serve-fake", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--startup-probe", default=None, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve_fake:
        asyncio.run(serve_fake(options.rate, options.users))
    elif options.startup_probe:
        asyncio.run(startup_probe(options.startup_probe))
    else:
        asyncio.run(main(options))
