"""Two `coach run` replicas on PostgreSQL and Redis share a reminder fan-out, and survive faults."""

# Every test: 300 reminders due a few seconds after both replicas are up, sent by both through
# one fake Bot API that enforces the bot's limit (40/s); each replica is configured at 34/s, so
# two budgets of their own would send 68/s and only a budget shared through Redis keeps the fake
# from answering 429. The 15 % below the limit is room for a send held up on a loaded machine
# (at 40/s one held 40 ms puts 41 arrivals in the fake's window). Kills and cuts happen
# during a 429 pause (injected, and shared by both replicas), when nothing is on its way to the
# fake: a kill mid-send is the one case that can send twice (bot/reminders/service.py).

from __future__ import annotations

import asyncio
import json
import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.storage import Database
from bot.storage.reminder_store import OccurrenceRow
from tests.fakebotapi import FakeBotApi, FloodLimits
from tests.reliability.fleet import CuttableLink, Replica, seed

pytestmark = [pytest.mark.reliability, pytest.mark.e2e, pytest.mark.postgres]

USERS = 300
RATE = 40.0
REPLICA_RATE = 34.0
CHATS = range(1, USERS + 1)
# Both replicas start within this; the fan-out is planned to start after it.
START_WITHIN = 15.0
DELIVERED_WITHIN = 90.0


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(
        limits=FloodLimits(per_chat_per_second=1, global_per_second=RATE)
    ) as fake:
        for chat in CHATS:
            fake.records.chats[chat] = []  # every user has talked to the bot
        yield fake


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("COACH_TEST_REDIS_URL")
    if not url:
        pytest.skip("no Redis: set COACH_TEST_REDIS_URL=redis://127.0.0.1:6379/0 (.ci/run does)")
    return url


async def _due_soon(url: str) -> None:
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=START_WITHIN)
    await seed(url, USERS, due)


def _pair(
    api: FakeBotApi, url: str, redis: str, workdir: Path, links: list[CuttableLink] | None = None
) -> list[Replica]:
    prefix = f"coach-test-{uuid.uuid4().hex[:12]}:"
    urls = [link.base_url for link in links] if links else [None, None]
    return [
        Replica(api, url, workdir, name, REPLICA_RATE, redis, prefix=prefix, bot_api_url=link)
        for name, link in zip(("a", "b"), urls, strict=True)
    ]


async def _busier(url: str, pair: list[Replica]) -> int:
    """Which of the two holds more claims now (which replica got more of the fan-out varies)."""
    held = [await _unsent_claims(url, replica.worker) for replica in pair]
    return 0 if held[0] >= held[1] else 1


def _received(api: FakeBotApi) -> dict[int, int]:
    return {chat: len(api.records.bot_messages(chat)) for chat in CHATS}


async def _all_delivered(api: FakeBotApi) -> dict[int, int]:
    await api.wait_until(lambda: all(_received(api).values()), DELIVERED_WITHIN)
    return _received(api)


async def _unsent_claims(url: str, worker: str | None = None) -> int:
    async with Database(url) as database, database.unit() as store:
        query = select(func.count()).where(OccurrenceRow.status == "claimed")
        if worker is not None:
            query = query.where(OccurrenceRow.claimed_by == worker)
        return int(await store.session.scalar(query) or 0)


async def _pause_everyone(api: FakeBotApi, seconds: float) -> None:
    """One 429 (at whichever replica sends next): the shared budget pauses both."""
    api.inject("429", "sendMessage", retry_after=seconds)
    await api.wait_until(lambda: bool(api.faults.served), DELIVERED_WITHIN)
    await asyncio.sleep(0.5)  # what was on its way when the 429 came has arrived


@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_a_replica_cut_from_the_bot_api_hands_back_its_claims_and_turns_unhealthy(
    api: FakeBotApi, empty_database_url: str, redis_url: str, tmp_path: Path
) -> None:
    await _due_soon(empty_database_url)
    links = [CuttableLink(api), CuttableLink(api)]
    for link in links:
        await link.start()
    pair = _pair(api, empty_database_url, redis_url, tmp_path, links)
    try:
        await asyncio.gather(*(replica.start() for replica in pair))
        await _pause_everyone(api, 3.0)
        cut = await _busier(empty_database_url, pair)
        await links[cut].cut()
        received = await _all_delivered(api)
        assert set(received.values()) == {1}  # everyone once: the cut one's claims went over
        status, body = await pair[cut].get("/healthz")
        assert (status, json.loads(body)["reminders"]) == (503, "cannot reach the Bot API")
        assert (await pair[1 - cut].get("/healthz"))[0] == 200
        assert await _unsent_claims(empty_database_url) == 0
        assert api.flood is not None and api.flood.rejected == 0  # one budget for both
        assert await pair[1 - cut].stop() == 0
    finally:
        for link in links:
            await link.cut()
        for replica in pair:
            await replica.close()


@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_sigterm_mid_fan_out_hands_the_unsent_claims_back_at_once(
    api: FakeBotApi, empty_database_url: str, redis_url: str, tmp_path: Path
) -> None:
    await _due_soon(empty_database_url)
    a, b = _pair(api, empty_database_url, redis_url, tmp_path)
    try:
        await asyncio.gather(a.start(), b.start())
        await api.wait_until(lambda: sum(_received(api).values()) >= USERS // 5, DELIVERED_WITHIN)
        pair = [a, b]
        stopped = await _busier(empty_database_url, pair)
        worker = pair[stopped].worker
        held = await _unsent_claims(empty_database_url, worker)
        assert await pair[stopped].stop() == 0
        # Right after the exit, long before a lease could run out: nothing left in its name.
        assert await _unsent_claims(empty_database_url, worker) == 0
        received = await _all_delivered(api)
        assert set(received.values()) == {1}
        assert await _unsent_claims(empty_database_url) == 0
        assert held > 0, "the stopped one held nothing: the test proved nothing"
        assert api.flood is not None and api.flood.rejected == 0
        assert await pair[1 - stopped].stop() == 0
    finally:
        for replica in (a, b):
            await replica.close()


@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_sigkill_mid_fan_out_its_claims_are_taken_over_and_sent_once(
    api: FakeBotApi, empty_database_url: str, redis_url: str, tmp_path: Path
) -> None:
    await _due_soon(empty_database_url)
    a, b = _pair(api, empty_database_url, redis_url, tmp_path)
    try:
        await asyncio.gather(a.start(), b.start())
        await api.wait_until(lambda: sum(_received(api).values()) >= USERS // 5, DELIVERED_WITHIN)
        await _pause_everyone(api, 2.0)
        pair = [a, b]
        killed = await _busier(empty_database_url, pair)
        worker = pair[killed].worker
        await pair[killed].kill()
        held = await _unsent_claims(empty_database_url, worker)
        received = await _all_delivered(api)  # the other takes them over once the lease ends
        assert set(received.values()) == {1}
        assert await _unsent_claims(empty_database_url) == 0
        assert held > 0, "the killed one held nothing: the test proved nothing"
        assert await pair[1 - killed].stop() == 0
    finally:
        for replica in (a, b):
            await replica.close()
