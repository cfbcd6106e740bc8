"""What a database error means to the coach: a conflict to run again, or the database away."""

from __future__ import annotations

import sqlite3

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

# PostgreSQL rolled the transaction back to settle a conflict with another one: deadlock
# detected, serialization failure, lock not available. Running the unit again is safe.
CONFLICT_STATES = frozenset({"40P01", "40001", "55P03"})
# The server went away or turned the connection down: connection exceptions (class 08),
# operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now),
# too many connections (53300).
UNAVAILABLE_STATES = frozenset({"57P01", "57P02", "57P03", "53300"})
# SQLite's own word for a write lock not granted within the busy timeout.
SQLITE_BUSY = ("database is locked", "database is busy")


def _state(error: DBAPIError) -> str | None:
    state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return state if isinstance(state, str) else None


def is_conflict(error: BaseException) -> bool:
    """The database rolled this unit back because another unit held what it needed."""
    if not isinstance(error, DBAPIError):
        return False
    if _state(error) in CONFLICT_STATES:
        return True
    return isinstance(error.orig, sqlite3.OperationalError) and any(
        words in str(error.orig).lower() for words in SQLITE_BUSY
    )


def is_unavailable(error: BaseException) -> bool:
    """The database could not be reached, or dropped the connection mid-unit: the unit was not
    applied, or (when the connection died during COMMIT) nobody can tell. Either way the same
    update may be delivered again: apply-once keeps it from being applied twice."""
    if isinstance(error, DisconnectionError | PoolTimeoutError | OSError):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    # asyncpg's own, when the server closed the connection under a statement (a terminated
    # backend): "connection is closed", or its protocol left half-way in another operation.
    cause = getattr(error.orig, "__cause__", None)
    if isinstance(cause, asyncpg.InterfaceError | asyncpg.InternalClientError):
        return True
    state = _state(error)
    return state is not None and (state.startswith("08") or state in UNAVAILABLE_STATES)
