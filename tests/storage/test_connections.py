"""Pooled PostgreSQL connections: one whose server process died is replaced before use."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest
from sqlalchemy import text

from bot.storage import Database, db

pytestmark = pytest.mark.postgres


@pytest.fixture
async def postgres(postgres_url: str) -> Database:
    async with Database(postgres_url, pool_size=1, max_overflow=0) as opened:
        await opened.upgrade()
        yield opened


async def _backend(database: Database) -> int:
    async with database.unit() as store:
        await store.load_user("tg:1")
        pid: int = await store.session.scalar(text("SELECT pg_backend_pid()"))
        return pid


async def _kill(postgres_url: str, pid: int) -> None:
    admin = await asyncpg.connect(postgres_url.replace("+asyncpg", ""))
    try:
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
    finally:
        await admin.close()


async def test_a_connection_the_server_closed_is_replaced(
    postgres: Database, postgres_url: str
) -> None:
    before = await _backend(postgres)
    await _kill(postgres_url, before)
    await asyncio.sleep(0.2)  # the server's goodbye reaches the idle pooled connection
    assert await _backend(postgres) != before  # and the unit after it simply works


async def test_an_idle_connection_is_pinged_and_replaced_when_dead(
    postgres: Database, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)  # every checkout pings
    before = await _backend(postgres)
    assert await _backend(postgres) == before  # a live connection passes its ping and is kept
    await _kill(postgres_url, before)
    assert await _backend(postgres) != before
