"""The database: one async engine, units of work (one transaction each), migrations to head."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

from bot.coach.ports import ConflictError
from bot.storage.errors import is_conflict
from bot.storage.kept import DEFAULT_KEPT_USERS, KeptUsers
from bot.storage.migrate import UpgradeResult, upgrade_connection
from bot.storage.sqlite import BUSY_TIMEOUT_MS, OneTripConnection, one_trip_creator
from bot.storage.store import SqlStore

# A PostgreSQL connection idle this long is pinged before use (see _check_before_use).
PING_AFTER_IDLE_SECONDS = 10.0
PING_TIMEOUT_SECONDS = 5.0
_IDLE_SINCE = "coach_idle_since"

log = logging.getLogger(__name__)


class Database:
    """One database: `async with database.unit() as store:` per event; dispose() at shutdown."""

    def __init__(
        self, url: str, *, kept_users: int = DEFAULT_KEPT_USERS, **engine_options: Any
    ) -> None:
        self.url = make_url(url)
        self.dialect = self.url.get_backend_name()
        if self.dialect not in ("sqlite", "postgresql"):
            raise ValueError(f"unsupported database {self.dialect!r}: use SQLite or PostgreSQL")
        if self.dialect == "sqlite":
            engine_options.setdefault("async_creator", one_trip_creator(self.url))
        self.engine: AsyncEngine = create_async_engine(self.url, **engine_options)
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine)
        else:
            _check_before_use(self.engine)
        # Each user's state as this process last committed it (bot/storage/kept.py); 0: none.
        self.kept = KeptUsers(kept_users)

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"

    @asynccontextmanager
    async def unit(self, *, for_event: bool = False) -> AsyncIterator[SqlStore]:
        """A store bound to one transaction: committed once on success, rolled back on error.

        A unit the database rolls back to settle a conflict with another (a deadlock, a
        serialization failure, SQLite's lock not granted in time) raises ConflictError, a
        Retryable: nothing of it was applied.

        for_event: the unit runs one coach event, which saves the user it loads; so load_user
        may start from what this process last committed for them (bot/storage/kept.py), and
        the save's version check tells if that was stale (StaleStateError: run it again).
        """
        try:
            async with self.engine.connect() as connection:
                async with connection.begin():
                    store = SqlStore(connection, self.dialect, self.kept, take_kept=for_event)
                    try:
                        yield store
                        await store.before_commit()
                    finally:
                        await store.close()
                store.committed()
        except DBAPIError as error:
            if is_conflict(error):  # rolled back by the database: the runner runs it again
                cause = getattr(error.orig, "__cause__", None) or error.orig  # the driver's
                raise ConflictError(f"{type(cause).__name__}: {cause}") from error
            raise

    async def upgrade(self) -> UpgradeResult:
        """Migrate to the newest schema; one cheap query when already there.

        Safe to call from every replica at start-up: on PostgreSQL an advisory lock makes the
        others wait, then find the schema current; on SQLite the write lock does the same.
        """
        self._prepare_sqlite_file()
        async with self.engine.connect() as connection:
            if self.dialect == "sqlite":
                # A batch migration recreates tables; with foreign keys on, dropping the old
                # users table would cascade-delete every workout. The pragma only takes effect
                # outside a transaction, so it is set on the raw connection before BEGIN.
                await _sqlite_pragma(connection, "foreign_keys=OFF")
            try:
                async with connection.begin():
                    return await connection.run_sync(upgrade_connection)
            finally:
                if self.dialect == "sqlite":
                    await _sqlite_pragma(connection, "foreign_keys=ON")

    def _prepare_sqlite_file(self) -> None:
        """SQLite creates a missing file but not a missing folder; say so plainly.

        SQLite would create the file 0644 (less the umask): readable by every local user. It is
        created here 0600 instead, empty (SQLite's empty database), and SQLite gives its -wal
        and -shm files the database file's mode.
        """
        path = self.url.database
        if self.dialect != "sqlite" or not path or path == ":memory:" or path.startswith("file:"):
            return
        file = Path(path).expanduser()
        folder = file.parent
        if not folder.is_dir():
            raise FileNotFoundError(f"no folder {folder} to keep the SQLite database {path} in")
        try:
            os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            mode = file.stat().st_mode & 0o777
            if mode & 0o077:
                log.warning("%s is readable by other users (mode %o): chmod 600 it", path, mode)

    async def dispose(self) -> None:
        """Close every pooled connection (call once at shutdown)."""
        await self.engine.dispose()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.dispose()


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, decides when transactions begin (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL: readers never block the writer; NORMAL sync is still safe when the process dies.
        # First, so that even switching to WAL waits for a lock instead of failing.
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Take the write lock up front: two units of one user then run one after the other
        # (what SELECT ... FOR UPDATE does on PostgreSQL), and a unit that read the state never
        # fails to upgrade its lock half-way with "database is locked".
        driver = connection.connection.driver_connection
        if isinstance(driver, OneTripConnection):
            driver.begin_immediate()  # sent with the unit's first statement
        else:  # a connection from an async_creator of the caller's
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def _check_before_use(engine: AsyncEngine) -> None:
    """A replica outlives database restarts: a pooled connection is tested before a unit uses it.

    What pool_pre_ping does, for less: it costs three round trips per unit on asyncpg (BEGIN, a
    query, ROLLBACK). A restarted server or a killed backend closes the socket, which asyncpg
    notices by itself, so checking that is free; only a connection that sat idle for a while
    (where a firewall may have dropped it without a word) is pinged, in one round trip. A
    connection that fails either check is replaced before the unit starts, as with pre-ping.
    """

    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        if dbapi_connection.driver_connection.is_closed():
            raise DisconnectionError("the server closed this pooled connection")
        idle = time.monotonic() - record.info.get(_IDLE_SINCE, time.monotonic())
        if idle < PING_AFTER_IDLE_SECONDS:
            return
        try:
            dbapi_connection.run_async(
                lambda raw: raw.execute("SELECT 1", timeout=PING_TIMEOUT_SECONDS)
            )
        except Exception as exc:
            raise DisconnectionError("a pooled connection failed its ping") from exc


async def _sqlite_pragma(connection: AsyncConnection, pragma: str) -> None:
    """Run a pragma on the aiosqlite connection itself, outside SQLAlchemy's transaction."""
    raw = (await connection.get_raw_connection()).driver_connection
    assert raw is not None  # a checked-out connection always has its driver connection
    cursor = await raw.execute(f"PRAGMA {pragma}")
    await cursor.close()
