"""Reminder fixtures: the library, an injectable clock, a fake send (`database`: tests/conftest)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot.content import Library, load_library
from bot.reminders.domain import Delivery, SendResult

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(CONTENT)


@dataclass
class Clock:
    """An injectable clock: tests move time; nobody waits for real minutes."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 27, 12, 0, tzinfo=UTC))  # a Friday, two days before EU DST


class Outbox:
    """A fake send: records every delivery; per-user answers can be scripted."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock
        self.sent: list[tuple[datetime | None, Delivery]] = []
        self.blocked: set[str] = set()
        self.retry_first: dict[str, int] = {}  # user key -> how many 429s before it goes

    async def __call__(self, delivery: Delivery) -> SendResult:
        key = delivery.user_key
        if key in self.blocked:
            return SendResult.blocked()
        if self.retry_first.get(key, 0) > 0:
            self.retry_first[key] -= 1
            return SendResult.retry(0.01)
        self.sent.append((self.clock() if self.clock else None, delivery))
        return SendResult.ok()

    def texts(self, key: str | None = None) -> list[str]:
        return [d.reply.text for _, d in self.sent if key is None or d.user_key == key]


@pytest.fixture
def outbox(clock: Clock) -> Outbox:
    return Outbox(clock)


SKIP_REDIS = "no Redis: set COACH_TEST_REDIS_URL=redis://127.0.0.1:6379/0 (.ci/run does)"


@pytest.fixture
def redis_url() -> str:
    """The test Redis (skips the test when none is configured)."""
    url = os.environ.get("COACH_TEST_REDIS_URL")
    if not url:
        pytest.skip(SKIP_REDIS)
    return url


@pytest.fixture
async def redis_prefix(redis_url: str) -> AsyncIterator[str]:
    """A key prefix of this test's own, so runs sharing one Redis never collide; its keys are
    deleted afterwards."""
    prefix = f"coach-test-{uuid.uuid4().hex[:12]}:"
    yield prefix
    client = Redis.from_url(redis_url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
