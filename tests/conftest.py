"""Shared fixtures: an empty database and a migrated one, on SQLite and (when set up) PostgreSQL."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import pytest
from sqlalchemy.engine import URL, make_url

from bot.storage import Database

# PostgreSQL runs when COACH_TEST_POSTGRES_URL names a server database. Each pytest run works in a
# private database created next to it (so concurrent runs, of engineers or CI jobs, never wipe
# each other's tables), and each test starts from an empty one.
POSTGRES_ENV = "COACH_TEST_POSTGRES_URL"
SKIP_POSTGRES = f"set {POSTGRES_ENV} to run on PostgreSQL"

T = TypeVar("T")

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _dsn(url: URL) -> str:
    """asyncpg's form of a SQLAlchemy URL (no +driver)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _run_aside(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run on a loop of its own in a thread: works whether or not a loop is running here."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


async def _create_private(server: URL, prefix: str) -> str | None:
    """A fresh database for this run (and the leftovers of killed runs dropped), or None when
    the role may not create databases: then the configured database itself is used."""
    connection = await asyncpg.connect(_dsn(server))
    try:
        names = await connection.fetch(
            "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", prefix
        )
        for (name,) in names:
            pid = name.removeprefix(prefix)
            if pid.isdigit() and not _alive(int(pid)):
                await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        private = f"{prefix}{os.getpid()}"
        await connection.execute(f'DROP DATABASE IF EXISTS "{private}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{private}"')
    except asyncpg.InsufficientPrivilegeError:
        return None
    finally:
        await connection.close()
    return private


async def _drop_private(server: URL, name: str) -> None:
    connection = await asyncpg.connect(_dsn(server))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


async def _wipe(url: URL) -> None:
    """Drop every table (alembic_version too) and enum type in the current schema."""
    connection = await asyncpg.connect(_dsn(url))
    try:
        tables = await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        for (table,) in tables:
            await connection.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')
        types = await connection.fetch(
            "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            " WHERE t.typtype = 'e' AND n.nspname = current_schema()"
        )
        for (name,) in types:
            await connection.execute(f'DROP TYPE IF EXISTS "{name}" CASCADE')
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """This run's private PostgreSQL database (skips the test when no server is configured)."""
    configured = os.environ.get(POSTGRES_ENV)
    if not configured:
        pytest.skip(SKIP_POSTGRES)
    server = make_url(configured)
    private = _run_aside(_create_private(server, f"{server.database}_coach_"))
    if private is None:
        yield configured
        return
    yield server.set(database=private).render_as_string(hide_password=False)
    _run_aside(_drop_private(server, private))


@pytest.fixture(params=BACKENDS)
async def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a database with no tables at all, on each backend."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}"
    url: str = request.getfixturevalue("postgres_url")
    await _wipe(make_url(url))
    return url


@pytest.fixture
async def database(empty_database_url: str) -> AsyncIterator[Database]:
    """A migrated database, disposed after the test (no connection left to warn about)."""
    async with Database(empty_database_url) as opened:
        await opened.upgrade()
        yield opened
