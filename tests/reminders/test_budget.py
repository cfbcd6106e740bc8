"""Flood budgets: per chat in one process, and one schedule for every replica through Redis."""

from __future__ import annotations

import asyncio
import itertools
import time

from bot.reminders.send_budget import LocalBudget
from bot.storage.flood import RedisBudget, redis_budget
from tests.reminders.test_ratelimit import _most_in_one_second


async def test_a_chat_gets_its_own_spacing_while_other_chats_keep_the_global_pace() -> None:
    # Real time, briefly (20 messages a second per chat): spacing is checked, not speed.
    budget = LocalBudget(400.0, 20.0)
    sends: list[tuple[str, float]] = []

    async def send(chat: str) -> None:
        await budget.acquire(chat)
        sends.append((chat, time.monotonic()))

    # Four messages to one chat among forty to others: the chat's come 1/20 s apart or more.
    chats = ["tg:busy"] * 4 + [f"tg:{n}" for n in range(40)]
    await asyncio.gather(*(send(chat) for chat in chats))
    busy = [moment for chat, moment in sends if chat == "tg:busy"]
    assert len(busy) == 4
    assert all(b - a >= 1 / 20 for a, b in itertools.pairwise(busy))
    assert _most_in_one_second(sorted(moment for _, moment in sends)) <= 400


def _replicas(redis_url: str, prefix: str, rate: float, per_chat: float) -> list[RedisBudget]:
    """Two replicas' budgets: separate clients, one prefix."""
    return [redis_budget(redis_url, rate, per_chat, prefix) for _ in range(2)]


async def test_two_replicas_draw_from_one_schedule(redis_url: str, redis_prefix: str) -> None:
    replicas = _replicas(redis_url, redis_prefix, 50.0, 1.0)
    try:
        slots = await asyncio.gather(
            *(replicas[n % 2].reserve(f"tg:{n}") for n in range(100))  # a hundred chats
        )
    finally:
        for budget in replicas:
            await budget.close()
    assert all(slot.reserved for slot in slots)
    times = sorted(slot.at for slot in slots)
    period = round(1_000_000 / (50.0 * 0.96)) / 1_000_000  # whole microseconds, as in Redis
    # One schedule: every slot a full period after the one before, whichever replica took it,
    # so the two together send 48 a second, not 96.
    assert min(b - a for a, b in itertools.pairwise(times)) >= period - 1e-6
    assert times[-1] - times[0] >= 99 * period - 1e-6


async def test_a_chat_busy_at_one_replica_is_busy_at_the_other(
    redis_url: str, redis_prefix: str
) -> None:
    a, b = _replicas(redis_url, redis_prefix, 50.0, 1.0)
    try:
        first = await a.reserve("tg:7")
        second = await b.reserve("tg:7")
        other = await b.reserve("tg:8")
    finally:
        await a.close()
        await b.close()
    assert first.reserved and other.reserved
    assert not second.reserved and second.wait > 0.9  # ~1/0.96 s after the first


async def test_a_429_at_one_replica_pauses_the_other(redis_url: str, redis_prefix: str) -> None:
    a, b = _replicas(redis_url, redis_prefix, 50.0, 1.0)
    try:
        before = await b.reserve()
        await a.pause(3.0)
        after = await b.reserve()
    finally:
        await a.close()
        await b.close()
    assert after.at - before.at >= 3.0 - 0.1  # the pause, less Redis's time between the calls
    assert after.wait >= 2.9


async def test_without_an_answer_from_redis_a_replica_counts_on_its_own(redis_prefix: str) -> None:
    budget = redis_budget("redis://127.0.0.1:1/0", 50.0, 1.0, redis_prefix)  # nothing listens
    try:
        assert budget.shared
        await budget.acquire("tg:1")  # sends anyway, under this replica's count
        await budget.pause(0.01)
        assert not budget.shared
    finally:
        await budget.close()
