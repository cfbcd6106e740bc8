"""The reminder benchmark's tallies: what the fake Bot API saw, and claims a killed replica left."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tests.fakebotapi import FakeBotApi

ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC+05:45", "UTC")


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


class Reached:
    """Chats the bot has sent something to, counted as the fake answers (no scans while the
    fake serves: a busy loop in this process would bunch its arrivals into 429s)."""

    def __init__(self, api: FakeBotApi) -> None:
        self.chats: set[int] = set()
        api.listeners.append(self.chats.add)

    def __len__(self) -> int:
        return len(self.chats)


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
    from bot.storage.reminder_store import OccurrenceRow

    async with Database(url) as database, database.unit() as store:
        count = await store.session.scalar(
            select(func.count()).where(
                OccurrenceRow.status == "claimed", OccurrenceRow.claimed_by == worker
            )
        )
        return int(count or 0)
