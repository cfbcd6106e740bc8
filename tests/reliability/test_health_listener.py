"""/healthz and /metrics on an internal listener of their own, and a flood of probes there."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from sqlalchemy import event

from bot.content import Library
from bot.observability.http import HEALTH_FRESH_SECONDS
from bot.storage import Database
from tests.fakebotapi import FakeBotApi
from tests.reliability.observed import ObservedHarness, observed_coach
from tests.telegram.harness import logged_sets, workout_by_buttons

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

PROBES = 2000
PROBES_AT_ONCE = 50  # connections the flood keeps open; within the listener's cap
USERS = 8


def statements_like(database: Database, sql: str) -> Callable[[], int]:
    """How many statements `sql` the database has been sent from now on."""
    seen = [0]

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.strip() == sql:
            seen[0] += 1

    event.listen(database.engine.sync_engine, "before_cursor_execute", count)
    return lambda: seen[0]


async def _status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        await response.read()
        return response.status


async def test_health_and_metrics_answer_on_the_internal_listener_only(
    observed: ObservedHarness,
) -> None:
    public, internal = observed.settings.webhook_listen, observed.settings.health_listen
    async with aiohttp.ClientSession() as session:
        for path in ("/healthz", "/metrics"):
            assert await _status(session, f"http://{internal}{path}") == 200
            assert await _status(session, f"http://{public}{path}") == 404
    await observed.chat().command("start")  # the webhook's route is still there


@pytest.fixture
async def observed_any(
    api: FakeBotApi, empty_database_url: str, library: Library
) -> AsyncIterator[ObservedHarness]:
    """The observed coach on SQLite, and on PostgreSQL (whose pool a flood once took)."""
    async with observed_coach(api, empty_database_url, library) as harness:
        yield harness


async def test_a_flood_of_probes_shares_database_checks_and_every_update_goes_through(
    observed_any: ObservedHarness,
) -> None:
    observed = observed_any
    calm = observed.chat(1)
    await workout_by_buttons(calm)
    expected = (len(calm.messages), await logged_sets(observed, calm.id))
    checks = statements_like(observed.services.database, "SELECT 1")
    url = f"http://{observed.settings.health_listen}/healthz"
    users = [observed.chat(100 + n) for n in range(USERS)]

    started = time.monotonic()
    connector = aiohttp.TCPConnector(limit=PROBES_AT_ONCE)
    async with aiohttp.ClientSession(connector=connector) as session:
        flood = asyncio.gather(*(_status(session, url) for _ in range(PROBES)))
        await asyncio.gather(*(workout_by_buttons(chat) for chat in users))  # each 200 or fails
        statuses = await flood
    elapsed = time.monotonic() - started

    assert Counter(statuses) == {200: PROBES}  # the pool was never short for a probe
    for chat in users:  # every update applied and answered, as for the calm user
        assert (len(chat.messages), await logged_sets(observed, chat.id)) == expected
    # One check per HEALTH_FRESH_SECONDS at most, however many probes came meanwhile.
    assert 1 <= checks() <= elapsed / HEALTH_FRESH_SECONDS + 1, (checks(), elapsed)
