"""Fixtures of the reliability suite: the fake Bot API, the content, replicas as subprocesses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library
from tests.fakebotapi import FakeBotApi
from tests.reliability.observed import ObservedHarness, observed_coach
from tests.reliability.process import CoachProcess

ReplicaFactory = Callable[[str, str], CoachProcess]


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}"


@pytest.fixture
async def replicas(api: FakeBotApi, tmp_path: Path) -> AsyncIterator[ReplicaFactory]:
    """make(name, database_url) -> a replica not yet started; all are killed at the end."""
    made: list[CoachProcess] = []

    def make(name: str, database_url: str) -> CoachProcess:
        replica = CoachProcess(api, database_url, tmp_path, name)
        made.append(replica)
        return replica

    yield make
    for replica in made:
        await replica.close()
    # Whatever happened, no replica may have written the token anywhere we read.
    for replica in made:
        assert api.token not in replica.stderr(), f"{replica.name} logged the bot token"


@pytest.fixture
async def observed(
    api: FakeBotApi, sqlite_url: str, library: Library
) -> AsyncIterator[ObservedHarness]:
    """The real Application by webhook on SQLite, its log lines and metrics at hand."""
    async with observed_coach(api, sqlite_url, library) as harness:
        yield harness
