"""Reminder fixtures: a migrated database (SQLite, and PostgreSQL when configured), a clock."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.content import Library, load_library
from bot.reminders.model import Delivery, SendResult
from bot.storage import Database

POSTGRES_URL = os.environ.get("COACH_TEST_POSTGRES_URL")
CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(CONTENT)


async def _admin(url: str) -> asyncpg.Connection:
    parsed = make_url(url)
    return await asyncpg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, password=parsed.password,
        database=parsed.database,
    )  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def reminder_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, empty database of each kind; PostgreSQL gets a database of its own per test."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests run when COACH_TEST_POSTGRES_URL is set")
    name = f"reminders_{uuid.uuid4().hex[:12]}"
    admin = await _admin(POSTGRES_URL)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture
async def rdb(reminder_db_url: str) -> AsyncIterator[Database]:
    """The migrated database the reminder tests use (one per test)."""
    database = Database(reminder_db_url)
    await database.upgrade()
    try:
        yield database
    finally:
        await database.dispose()


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
