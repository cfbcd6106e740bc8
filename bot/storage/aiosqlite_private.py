"""The one door to aiosqlite's internals, which bot/storage/sqlite.py's one-trip design needs.

aiosqlite runs each call on its connection's own thread through a queue; sqlite.py runs whole
statements in one trip there, and on the event loop's thread once a unit holds the write lock
(bot/storage/README.md and bench/README.md say why). That needs three things aiosqlite keeps
private, reached here and nowhere else; tests/storage/test_aiosqlite_private.py fails loudly
when the pinned version (pyproject.toml) stops having them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

import aiosqlite

T = TypeVar("T")

PINNED = "0.22.1"  # the version these were checked against


def raw(connection: aiosqlite.Connection) -> sqlite3.Connection:
    """The sqlite3 connection aiosqlite wraps (opened on its thread; check_same_thread off)."""
    return connection._conn


def on_its_thread(
    connection: aiosqlite.Connection, function: Callable[..., T], *args: Any
) -> Awaitable[T]:
    """function(*args) on the connection's thread, in line with its other calls."""
    queue = cast(Callable[..., Awaitable[T]], connection._execute)
    return queue(function, *args)


def daemonise(connection: aiosqlite.Connection) -> None:
    """As SQLAlchemy does for its own: a connection never closed must not keep the process
    alive at exit (set before the connection starts its thread)."""
    connection._thread.daemon = True
