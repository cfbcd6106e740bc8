"""A unit the database rolls back to settle a conflict is a Retryable, and the runner retries it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from bot.coach import ports
from bot.coach.events import Command
from bot.coach.replies import Outcome
from bot.coach.runner import Runner
from bot.storage import Database
from bot.storage.errors import is_conflict, is_unavailable


# Two units locking two users' rows in opposite orders: PostgreSQL's row locks only.
@pytest.mark.postgres
@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_a_deadlock_is_a_retryable_conflict(database: Database) -> None:
    for key in ("x", "y"):
        async with database.unit() as store:
            await store.load_user(key)
    both_hold_one = asyncio.Barrier(2)

    async def lock(first: str, second: str) -> None:
        async with database.unit() as store:
            await store.load_user(first)
            await both_hold_one.wait()
            await store.load_user(second)

    results = await asyncio.gather(lock("x", "y"), lock("y", "x"), return_exceptions=True)

    errors = [result for result in results if isinstance(result, BaseException)]
    assert len(errors) == 1, results  # PostgreSQL rolled one back; the other went through
    assert isinstance(errors[0], ports.ConflictError)
    assert isinstance(errors[0], ports.Retryable)
    assert "Deadlock" in str(errors[0])


def test_sqlite_busy_is_a_conflict_and_a_lost_connection_is_unavailability() -> None:
    busy = OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
    missing = OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: users"))
    assert is_conflict(busy) and not is_unavailable(busy)
    assert not is_conflict(missing) and not is_unavailable(missing)  # a bug, not a passing fault
    assert is_unavailable(ConnectionRefusedError()) and not is_conflict(ConnectionRefusedError())


class LosesOnce:
    """Units whose first event the database rolls back (a deadlock); the second works."""

    def __init__(self, database: Database) -> None:
        self.database, self.lost = database, 0

    @asynccontextmanager
    async def unit(self, *, for_event: bool = False) -> AsyncIterator[Any]:
        async with self.database.unit(for_event=for_event) as store:
            yield store
            if not self.lost:
                self.lost += 1
                raise ports.ConflictError("deadlock detected")


class SavesTheUser:
    """The coach reduced to what a unit of work sees of it: load the user, save them."""

    async def handle(self, store: Any, key: str, event: Any, now: datetime) -> Outcome:
        user = await store.load_user(key)
        user.state = {"seen": type(event).__name__}
        await store.save_user(user)
        return Outcome()


async def test_the_runner_runs_an_event_rolled_back_by_a_conflict_again(
    database: Database,
) -> None:
    retried: list[int] = []
    units = LosesOnce(database)
    runner = Runner(SavesTheUser(), units, retries=lambda: retried.append(1))  # type: ignore[arg-type]

    await runner.run("racer", Command("start"), 1)

    assert (units.lost, retried) == (1, [1])
    async with database.unit() as store:
        user = await store.user_by_key("racer")
    assert user is not None and user.version == 1  # applied once, by the second attempt
