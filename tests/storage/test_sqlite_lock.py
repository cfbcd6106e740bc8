"""SQLite: the write lock taken on the event loop when free, waited for on aiosqlite's thread when
another connection (another process, the terminal chat next to the bot) holds it; the write-ahead
log checkpointed on aiosqlite's thread, not in a COMMIT on the loop."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import bot.storage.sqlite as sqlite_module
from bot.storage import Database


@pytest.fixture
async def sqlite_database(tmp_path: Path) -> AsyncIterator[tuple[Database, Path]]:
    path = tmp_path / "coach.db"
    async with Database(f"sqlite+aiosqlite:///{path}") as database:
        await database.upgrade()
        yield database, path


@contextmanager
def another_writer(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection of another process's, holding the write lock until its block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield other
        other.execute("COMMIT")
    finally:
        other.close()


async def save_step(database: Database, step: str) -> None:
    async with database.unit(for_event=True) as store:
        user = await store.load_user("u")
        user.state = {"step": step}
        await store.save_user(user)


async def stored_step(database: Database) -> object:
    async with database.unit() as store:
        return (await store.load_user("u")).state.get("step")


async def ticks_while(task: asyncio.Task[None], seconds: float) -> int:
    """How many 10 ms sleeps the loop completes in `seconds` while `task` runs."""
    ticks = 0
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.01)
        ticks += 1
    assert not task.done(), "the unit finished while another connection held the write lock"
    return ticks


async def test_a_unit_waits_for_another_writer_without_blocking_the_loop(
    sqlite_database: tuple[Database, Path],
) -> None:
    database, path = sqlite_database
    await save_step(database, "set 1")
    with another_writer(path):
        waiting = asyncio.create_task(save_step(database, "set 2"))
        ticks = await ticks_while(waiting, 0.3)
    await waiting
    # Blocked, the loop would have run no tick at all; 30 is the unloaded figure.
    assert ticks >= 10
    assert await stored_step(database) == "set 2"


async def test_a_unit_cancelled_while_waiting_leaves_the_database_usable(
    sqlite_database: tuple[Database, Path],
) -> None:
    """The cancelled unit's BEGIN still runs on aiosqlite's thread once the lock frees up: its
    connection must not carry that transaction (and the lock) into the next unit."""
    database, path = sqlite_database
    await save_step(database, "set 1")
    with another_writer(path):
        waiting = asyncio.create_task(save_step(database, "never saved"))
        await ticks_while(waiting, 0.1)
        waiting.cancel()
        await asyncio.sleep(0)  # the cancellation lands while the lock is still held
    with pytest.raises(asyncio.CancelledError):
        await waiting
    await save_step(database, "set 2")
    assert await stored_step(database) == "set 2"
    with another_writer(path) as other:  # the lock is free again for everyone else
        (state,) = other.execute("SELECT state FROM users").fetchone()
    assert "set 2" in state


async def test_the_write_ahead_log_is_checkpointed_and_stays_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own checkpoints are off (they would run in a COMMIT, on the event loop); the
    coach's own keep the log from growing without bound. 1 500 saves write 6 MB or more of log
    unchecked, and SQLite's default cadence lets it reach ~4 MB before it starts over."""
    monkeypatch.setattr(sqlite_module, "CHECKPOINT_EVERY_COMMITS", 50)
    path = tmp_path / "coach.db"
    async with Database(f"sqlite+aiosqlite:///{path}") as database:
        await database.upgrade()
        for n in range(1500):
            await save_step(database, f"set {n}")
        log_size = path.with_name("coach.db-wal").stat().st_size
        assert await stored_step(database) == "set 1499"
    assert log_size < 1_000_000


async def test_a_failed_checkpoint_does_not_fail_the_unit_it_follows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The checkpoint runs after the COMMIT: the user's event is saved, and says so."""

    def failing(_connection: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite_module, "CHECKPOINT_EVERY_COMMITS", 1)
    monkeypatch.setattr(sqlite_module, "_checkpoint", failing)
    async with Database(f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}") as database:
        await database.upgrade()
        await save_step(database, "set 1")
        assert await stored_step(database) == "set 1"
    assert "checkpoint failed" in caplog.text
