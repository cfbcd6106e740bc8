"""aiosqlite connections for the coach's units of work: each unit takes SQLite's write lock and
runs its statements on the event loop's thread when the lock is free (nearly always: the coach's
own units queue for it in-process), and waits for it on aiosqlite's thread, one trip per statement
instead of four, when another connection holds it. The write-ahead log is checkpointed on that
thread too, never inside a COMMIT on the loop."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any, TypeVar

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.engine import URL

from bot.storage.aiosqlite_private import daemonise, on_its_thread, raw

log = logging.getLogger(__name__)

# How long a unit waits for another connection's write lock before giving up.
BUSY_TIMEOUT_MS = 30_000
# SQLite's own checkpoints (wal_autocheckpoint, every ~4 MB of log) run inside whichever COMMIT
# crosses the mark, and commits run on the event loop (OneTripConnection.commit): two fsyncs
# with every user's updates waiting. They are turned off for these connections; instead, every
# this many commits of one engine, a PASSIVE checkpoint runs on aiosqlite's thread.
CHECKPOINT_EVERY_COMMITS = 250
# aiosqlite's default: rows per trip when a cursor is iterated (not used by SQLAlchemy).
ITER_CHUNK_SIZE = 64

Outcome = tuple[Any, int, int | None, list[Any]]
T = TypeVar("T")


def one_trip_creator(url: URL) -> Callable[[], Awaitable[aiosqlite.Connection]]:
    """create_async_engine(async_creator=...) for a SQLite URL: the connection SQLAlchemy's
    aiosqlite dialect would open for it, with OneTripCursor for its cursors.

    Every trip to aiosqlite's thread costs about 30 µs of CPU (a queue, a thread switch, a
    wake-up of the event loop). SQLAlchemy's adapter makes four per statement (open a cursor,
    execute, fetch, close); the coach's units of work are a handful of small statements, so the
    trips were a third of a unit's cost.
    """
    args, kwargs = SQLiteDialect_aiosqlite().create_connect_args(url)
    # Opened on aiosqlite's thread, also used on the event loop's once a unit holds the write
    # lock (OneTripCursor._trip); never by both at once, as each use is awaited.
    kwargs["check_same_thread"] = False
    commits = CommitCount(CHECKPOINT_EVERY_COMMITS)  # shared by the engine's connections

    async def connect() -> aiosqlite.Connection:
        connection = OneTripConnection(partial(sqlite3.connect, *args, **kwargs), ITER_CHUNK_SIZE)
        daemonise(connection)
        connection.commits = commits
        await connection
        await connection.trip(_pragma, raw(connection), "wal_autocheckpoint=0")  # see above
        return connection

    return connect


class CommitCount:
    """Commits of one engine's connections, to checkpoint the write-ahead log every `every`."""

    def __init__(self, every: int) -> None:
        self.every = every
        self.since_checkpoint = 0

    def checkpoint_due(self) -> bool:
        self.since_checkpoint += 1
        if self.since_checkpoint < self.every:
            return False
        self.since_checkpoint = 0
        return True


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors run each statement in one trip."""

    commits: CommitCount  # set by one_trip_creator: one count per engine

    # Set by begin_immediate(): the next statement's trip opens the transaction first.
    begin_pending = False
    # The unit's BEGIN IMMEDIATE went through: this connection holds SQLite's write lock, and in
    # WAL mode nothing it does until COMMIT waits for another connection.
    holds_lock = False
    # A trip was cancelled while queued or running: its function may still run on aiosqlite's
    # thread, so the connection is not used from the loop until a later trip has come back
    # (the thread runs trips in order).
    trip_abandoned = False

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    def begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, sent with the next statement in the same trip (one trip less, and
        none of SQLAlchemy's work for a statement of its own)."""
        self.begin_pending = True

    async def commit(self) -> None:
        if self.begin_pending:  # no statement ran, so no transaction was opened
            self.begin_pending = False
            return
        if self.holds_lock:
            self.holds_lock = False
            raw(self).commit()  # see OneTripCursor._trip
        else:
            await self.on_thread(super().commit())
        if self.commits.checkpoint_due():
            # Awaited, so the loop never uses this connection while its thread does; PASSIVE
            # waits for no reader or writer.
            try:
                await self.on_thread(self.trip(_checkpoint, raw(self)))
            except sqlite3.Error:  # committed already: the unit succeeded; the next one retries
                log.warning("SQLite checkpoint failed; trying again later", exc_info=True)
                self.commits.since_checkpoint = self.commits.every

    async def rollback(self) -> None:
        self.begin_pending = self.holds_lock = False
        if self.trip_abandoned:  # in line behind it on the thread: the transaction it may open
            await self.on_thread(super().rollback())
        else:
            # The pool rolls back every connection it gets back, after a commit too: here, where
            # it costs a few µs (nothing to undo, or a transaction that holds the write lock and
            # so waits for nobody), not a trip to the thread.
            raw(self).rollback()

    def trip(self, function: Callable[..., T], *args: Any) -> Awaitable[T]:
        """function(*args) on aiosqlite's thread, through its queue (untyped there)."""
        return on_its_thread(self, function, *args)

    async def on_thread(self, trip: Awaitable[T]) -> T:
        """Await a trip to aiosqlite's thread, noting whether it was abandoned (see above)."""
        try:
            outcome = await trip
        except asyncio.CancelledError:
            self.trip_abandoned = True
            raise
        self.trip_abandoned = False
        return outcome

    def try_begin_here(self) -> bool:
        """BEGIN IMMEDIATE on the loop's thread if the write lock is free right now.

        The lock is nearly always free (the coach's own units queue for it in-process), and
        taking it costs ~5 µs, against a trip to aiosqlite's thread whose hand-overs of the GIL
        kept the unit, and every unit queued behind it, waiting. When another connection holds
        it, waiting for it here would block the loop: False, and the caller waits on the thread.
        """
        if self.trip_abandoned:
            return False
        connection = raw(self)
        connection.execute("PRAGMA busy_timeout=0")
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:  # any SQLITE_BUSY_* too
                raise
            return False
        finally:
            connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return True


def _pragma(connection: sqlite3.Connection, pragma: str) -> None:
    connection.execute(f"PRAGMA {pragma}").fetchall()


def _checkpoint(connection: sqlite3.Connection) -> None:
    _pragma(connection, "wal_checkpoint(PASSIVE)")


def _run(
    connection: aiosqlite.Connection, sql: str, parameters: Any, many: bool, begin: bool
) -> Outcome:
    """On aiosqlite's thread: execute, fetch every row, close; what the cursor then reports."""
    cursor = raw(connection).cursor()
    try:
        if begin:
            cursor.execute("BEGIN IMMEDIATE")
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


class OneTripCursor:
    """The part of aiosqlite's Cursor that SQLAlchemy uses, with the rows fetched at execute.

    SQLAlchemy's adapter fetches every row right after execute anyway (no server-side cursors
    here), so fetching them in the same trip changes nothing but the cost.
    """

    arraysize = 1

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self._rows: list[Any] = []
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    async def __aenter__(self) -> OneTripCursor:
        return self  # nothing to open: the sqlite3 cursor lives only inside one trip

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Any = None) -> OneTripCursor:
        return await self._trip(sql, () if parameters is None else parameters, many=False)

    async def executemany(self, sql: str, parameters: Sequence[Any]) -> OneTripCursor:
        return await self._trip(sql, parameters, many=True)

    async def _trip(self, sql: str, parameters: Any, many: bool) -> OneTripCursor:
        connection = self._connection
        if connection.begin_pending and connection.try_begin_here():
            connection.begin_pending = False
            connection.holds_lock = True
        if connection.holds_lock:
            # Once the unit holds the write lock, a statement waits for nobody (WAL: readers
            # never block it), so it runs here: a trip to the thread costs more than it does.
            outcome = _run(connection, sql, parameters, many, False)
        else:
            # Cleared before the trip: should it fail, the unit's rollback follows either way.
            begin, connection.begin_pending = connection.begin_pending, False
            outcome = await connection.on_thread(
                connection.trip(_run, connection, sql, parameters, many, begin)
            )
            connection.holds_lock = begin
        self.description, self.rowcount, self.lastrowid, self._rows = outcome
        return self

    async def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        size = size or self.arraysize
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    async def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    async def close(self) -> None:
        self._rows = []
