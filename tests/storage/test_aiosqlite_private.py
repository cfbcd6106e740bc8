"""aiosqlite's internals the SQLite store relies on (bot/storage/aiosqlite_private.py) are there."""

from __future__ import annotations

import sqlite3
import threading
from importlib.metadata import version

import aiosqlite

from bot.storage import aiosqlite_private


def test_the_installed_aiosqlite_is_the_version_its_internals_were_checked_against() -> None:
    # A new aiosqlite may move what the door reaches: re-check the three below, then re-pin.
    assert version("aiosqlite") == aiosqlite_private.PINNED


async def test_the_door_reaches_the_wrapped_connection_its_thread_and_its_queue() -> None:
    connection = aiosqlite.connect(":memory:", check_same_thread=False)
    aiosqlite_private.daemonise(connection)
    async with connection:
        raw = aiosqlite_private.raw(connection)
        assert isinstance(raw, sqlite3.Connection)
        assert raw.execute("SELECT 41 + 1").fetchone() == (42,)
        threads = await aiosqlite_private.on_its_thread(connection, threading.get_ident)
        assert threads != threading.get_ident()  # ran on aiosqlite's own thread
        assert connection._thread.daemon
