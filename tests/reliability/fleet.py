"""Reminder replicas for the reliability suite and the benchmark: seeded reminders, `coach run`
replicas under the bot's flood limits, and a connection to the Bot API that can be cut."""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from tests.fakebotapi import FakeBotApi
from tests.reliability.process import CoachProcess
from tests.telegram.harness import free_port

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
    from bot.storage.reminder_store import ReminderRow

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
        self,
        api: FakeBotApi,
        url: str,
        workdir: Path,
        name: str,
        rate: float,
        redis: str | None,
        *,
        prefix: str | None = None,
        bot_api_url: str | None = None,
    ) -> None:
        super().__init__(api, url, workdir, name)
        self.rate = rate
        self.redis = redis
        self.prefix = prefix or f"bench-{workdir.name}:"
        self.bot_api_url = bot_api_url or api.base_url

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(
            COACH_PER_CHAT_PER_SECOND="1",
            COACH_GLOBAL_PER_SECOND=str(self.rate),
            COACH_LOG_LEVEL="WARNING",
            COACH_REDIS_URL=self.redis or "",
            COACH_REDIS_PREFIX=self.prefix,
            COACH_BOT_API_URL=self.bot_api_url,
        )
        return env

    @property
    def worker(self) -> str:
        """The name its claims are held under (bot/telegram/reminder_sender.py: worker_name)."""
        assert self.process is not None
        return f"{socket.gethostname()}:{self.process.pid}"[-64:]

    async def terminate(self) -> float:
        """SIGTERM; seconds until the process has exited."""
        began = time.perf_counter()
        code = await self.stop()
        assert code == 0, f"{self.name} exited with {code}:\n{self.stderr()[-2000:]}"
        return time.perf_counter() - began


class CuttableLink:
    """A TCP relay to the fake Bot API for one replica: cut() drops it like a dead network."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.port = free_port()
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream = await asyncio.open_connection("127.0.0.1", self.api.port)
        self._open.update((writer, upstream))

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while chunk := await source.read(65536):
                    sink.write(chunk)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, upstream), pipe(upstream_reader, writer))
        self._open.difference_update((writer, upstream))

    async def cut(self) -> None:
        """No new connection is accepted, and every open one is dropped."""
        if self._server is not None:
            self._server.close()
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()
