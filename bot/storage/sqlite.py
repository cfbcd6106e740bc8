"""aiosqlite connections whose statements make one trip to aiosqlite's thread instead of four."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.engine import URL

# aiosqlite's default: rows per trip when a cursor is iterated (not used by SQLAlchemy).
ITER_CHUNK_SIZE = 64

Outcome = tuple[Any, int, int | None, list[Any]]


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

    async def connect() -> aiosqlite.Connection:
        connection = OneTripConnection(partial(sqlite3.connect, *args, **kwargs), ITER_CHUNK_SIZE)
        # As SQLAlchemy does for its own: a connection never garbage collected must not keep
        # the process alive at exit.
        connection._thread.daemon = True
        return await connection

    return connect


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors run each statement in one trip."""

    # Set by begin_immediate(): the next statement's trip opens the transaction first.
    begin_pending = False
    # The unit's BEGIN IMMEDIATE went through: this connection holds SQLite's write lock, and in
    # WAL mode nothing it does until COMMIT waits for another connection.
    holds_lock = False

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
            self._conn.commit()  # see OneTripCursor._trip
            return
        await super().commit()

    async def rollback(self) -> None:
        self.begin_pending = self.holds_lock = False
        await super().rollback()


def _run(
    connection: aiosqlite.Connection, sql: str, parameters: Any, many: bool, begin: bool
) -> Outcome:
    """On aiosqlite's thread: execute, fetch every row, close; what the cursor then reports."""
    cursor = connection._conn.cursor()
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
        if connection.holds_lock:
            # Once the unit holds the write lock, a statement waits for nobody (WAL: readers
            # never block it), so it runs here: a trip to the thread costs more than it does.
            outcome = _run(connection, sql, parameters, many, False)
        else:
            # aiosqlite's queue to its thread (untyped there); SQLAlchemy's adapter uses it too.
            trip = cast(Callable[..., Awaitable[Outcome]], connection._execute)
            # Cleared before the trip: should it fail, the unit's rollback follows either way.
            begin, connection.begin_pending = connection.begin_pending, False
            outcome = await trip(_run, connection, sql, parameters, many, begin)
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
