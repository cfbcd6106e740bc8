"""Fixtures: a fake Bot API and the coach started against it, once per mode."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library
from tests.fakebotapi import FakeBotApi
from tests.telegram.harness import Harness, Mode, coach_settings


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


@pytest.fixture
def database_url(empty_database_url: str) -> str:
    """SQLite always; PostgreSQL too when COACH_TEST_POSTGRES_URL is set (tests/conftest.py)."""
    return empty_database_url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}"


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


@pytest.fixture(params=["polling", "webhook"])
def mode(request: pytest.FixtureRequest) -> Mode:
    mode: Mode = request.param
    return mode


@pytest.fixture
async def harness(
    api: FakeBotApi, database_url: str, library: Library, mode: Mode
) -> AsyncIterator[Harness]:
    running = Harness(api, coach_settings(api, database_url, mode), library)
    await running.start()
    yield running
    await running.stop()
