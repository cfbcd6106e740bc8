"""The reminder benchmark's pieces: seeded reminders, `coach run` replicas, the fake's tallies."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from tests.fakebotapi import FakeBotApi
from tests.reliability.process import CoachProcess

ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC+05:45", "UTC")


async def seed(url: str, count: int, due_at: datetime | None, first: int = 1) -> None:
    """count users (tg:first...), one reminder each; all due at due_at (to the second, which the
    schedule keeps though /remind speaks in minutes), or spread over the coming days."""
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
        for start in range(first, first + count, 5000):
            chunk = range(start, min(first + count, start + 5000))
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
                    if due_at is not None:  # the same instant for everyone, in their own zone
                        rule = Rule(due_at.astimezone(zone(name)).time(), EVERY_DAY, name)
                        next_due = due_at
                    else:
                        at = clock_time(rng.randrange(24), rng.randrange(60))
                        rule = Rule(at, rng.choice((EVERY_DAY, WEEKDAYS)), name)
                        next_due = next_occurrence(rule, now + timedelta(hours=1)).due_at
                    rows.append(
                        {
                            "user_id": ids[f"tg:{n}"], "local_time": rule.at, "days": rule.days,
                            "zone": name, "exercise": "glute-bridge", "paused": False,
                            "created_at": now, "next_due_at": next_due,
                        }
                    )  # fmt: skip
                await store.session.execute(insert(ReminderRow), rows)


class Replica(CoachProcess):
    """`coach run` by webhook against the fake, under the bench's flood limits and Redis."""

    def __init__(
        self, api: FakeBotApi, url: str, workdir: Path, name: str, rate: float, redis: str | None
    ) -> None:
        super().__init__(api, url, workdir, name)
        self.rate = rate
        self.redis = redis

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(
            COACH_PER_CHAT_PER_SECOND="1",
            COACH_GLOBAL_PER_SECOND=str(self.rate),
            COACH_LOG_LEVEL="WARNING",
            COACH_REDIS_URL=self.redis or "",
            COACH_REDIS_PREFIX=f"bench-{self.workdir.name}:",
        )
        return env

    @property
    def worker(self) -> str:
        """The name its claims are held under (bot/telegram/reminders.py: worker_name)."""
        import socket

        assert self.process is not None
        return f"{socket.gethostname()}:{self.process.pid}"[-64:]

    async def terminate(self) -> float:
        """SIGTERM; seconds until the process has exited."""
        began = time.perf_counter()
        code = await self.stop()
        assert code == 0, f"{self.name} exited with {code}:\n{self.stderr()[-2000:]}"
        return time.perf_counter() - began


@dataclass
class Tally:
    """What the fake Bot API saw of the reminders: deliveries per chat, 429s, rate, timing."""

    delivered: int
    duplicates: int
    http_429: int
    server_rate: float
    lateness: list[float]  # seconds after the due moment (negative: early), first per chat

    def figures(self) -> dict[str, float]:
        ordered = sorted(self.lateness) or [0.0]
        return {
            "lateness_p50_s": round(statistics.median(ordered), 1),
            "lateness_p95_s": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
            "early_max_s": round(max(0.0, -ordered[0]), 1),
        }


def delivered(api: FakeBotApi, chats: range) -> int:
    return sum(1 for chat in chats if api.records.bot_messages(chat))


def tally(api: FakeBotApi, chats: range, due_at: datetime, since: float) -> Tally:
    """The fake's record for these chats (sends after `since`, time.monotonic)."""
    sends = [
        c
        for c in api.records.calls
        if c.method == "sendMessage" and c.at >= since and c.params.get("chat_id") in chats
    ]
    ok = sorted(c.at for c in sends if c.status == 200)
    to_wall = time.time() - time.monotonic()
    first: dict[int, float] = {}
    for call in sends:
        if call.status == 200:
            first.setdefault(int(call.params["chat_id"]), call.at)
    counts = [len(api.records.bot_messages(chat)) for chat in chats]
    return Tally(
        delivered=sum(1 for n in counts if n),
        duplicates=sum(n - 1 for n in counts if n > 1),
        http_429=sum(1 for c in sends if c.status == 429),
        server_rate=(len(ok) - 1) / (ok[-1] - ok[0]) if len(ok) > 1 else 0.0,
        lateness=[at + to_wall - due_at.timestamp() for at in first.values()],
    )


async def wait_for(predicate: Any, within: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + within
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(step)
    return True


async def stranded(url: str, worker: str) -> int:
    """Claims still held, unsent, by this (killed) worker."""
    from sqlalchemy import func, select

    from bot.storage import Database
    from bot.storage.reminders import OccurrenceRow

    async with Database(url) as database, database.unit() as store:
        count = await store.session.scalar(
            select(func.count()).where(
                OccurrenceRow.status == "claimed", OccurrenceRow.claimed_by == worker
            )
        )
        return int(count or 0)
