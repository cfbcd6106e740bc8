"""Two replicas on one database, each with its own runner and kept users, racing one user."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.app import build_coach
from bot.coach.events import Command, Event, Press, Text, TimerDue
from bot.coach.replies import Outcome
from bot.coach.runner import Runner
from bot.content import Library
from bot.storage import Database
from bot.storage.migrate import target_metadata
from tests.reliability.scripted import PLAN

pytestmark = [pytest.mark.reliability]

CHAT = 7770001234  # no update id below contains these digits
KEY = f"tg:{CHAT}"


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2026, 11, 24, 18, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Replica:
    """One replica's storage and runner: its own engine, pool and kept users."""

    database: Database
    runner: Runner
    last: Outcome = field(default_factory=Outcome)

    async def send(self, event: Event, update_id: int | None = None) -> Outcome:
        self.last = await self.runner.run(KEY, event, update_id)
        return self.last

    async def tap(self, label: str, update_id: int | None = None) -> Outcome:
        """Press the button with this label on the latest reply that has buttons."""
        return await self.send(Press(button(self.last, label)), update_id)


def button(outcome: Outcome, label: str) -> str:
    for reply in reversed(outcome.replies):
        for row in reply.buttons:
            for offered in row:
                if offered.label == label:
                    return offered.data
    raise AssertionError(f"no {label!r} button in {[r.text for r in outcome.replies]}")


@asynccontextmanager
async def two_replicas(
    url: str, library: Library, clock: Clock
) -> AsyncIterator[tuple[Replica, Replica]]:
    first = Database(url)
    await first.upgrade()
    made: list[Replica] = []
    for database in (first, Database(url)):
        gate = asyncio.Lock() if database.dialect == "sqlite" else None
        replica = Replica(database, Runner(build_coach(library), database, clock=clock, gate=gate))
        made.append(replica)
    try:
        yield made[0], made[1]
    finally:
        for replica in made:
            await replica.database.dispose()


async def every_row(database: Database) -> list[tuple[str, tuple[Any, ...]]]:
    """Every row of every table of the coach's schema, as (table, values)."""
    rows: list[tuple[str, tuple[Any, ...]]] = []
    async with database.engine.connect() as connection:
        for table in target_metadata().sorted_tables:
            for row in (await connection.execute(select(table))).all():
                rows.append((table.name, tuple(row)))
    return rows


def user_rows(rows: list[tuple[str, tuple[Any, ...]]]) -> list[tuple[str, tuple[Any, ...]]]:
    return [row for row in rows if row[0] == "users"]


async def test_deleteme_at_one_replica_is_not_undone_by_the_others_timer(
    empty_database_url: str, library: Library
) -> None:
    clock = Clock()
    async with two_replicas(empty_database_url, library, clock) as (a, b):
        await a.send(Command("workout", PLAN), 1)
        switching = await a.tap("8", 2)  # A now holds the switch timer, and the user, kept
        assert switching.timer is not None
        due = TimerDue(switching.timer.kind, switching.timer.token)

        await b.send(Command("deleteme"), 3)
        done = await b.tap("Yes, delete everything", 4)
        assert "Nothing of yours is left here" in done.replies[-1].text

        clock.tick(13)
        fired = await a.send(due)  # A's timer comes due after the deletion

        assert fired.replies == [] and fired.timer is None
        rows = await every_row(a.database)
        assert user_rows(rows) == []
        assert str(CHAT) not in repr(rows), "something still holds the Telegram id"


async def test_deleteme_re_delivered_or_an_older_update_re_delivered_creates_no_one(
    empty_database_url: str, library: Library
) -> None:
    clock = Clock()
    async with two_replicas(empty_database_url, library, clock) as (a, b):
        await a.send(Command("workout", PLAN), 11)
        await a.tap("8", 12)
        asked = await a.send(Command("deleteme"), 13)
        yes = Press(button(asked, "Yes, delete everything"))
        await a.send(yes, 14)
        assert user_rows(await every_row(a.database)) == []

        # The same "Yes, delete" again, at the other replica at once and later at both (its
        # answer lost); then older updates of theirs, re-sent too.
        assert (await b.send(yes, 14)).replies == []
        clock.tick(30)
        for replica, event, update_id in (
            (a, yes, 14),
            (b, yes, 14),
            (b, Command("deleteme"), 13),
            (a, Text("8"), 12),
        ):
            await replica.send(event, update_id)

        rows = await every_row(b.database)
        assert user_rows(rows) == []
        assert str(CHAT) not in repr(rows), "something still holds the Telegram id"
        # A new message (an update never seen) is someone starting afresh: that is allowed.
        fresh = await b.send(Command("start"), 15)
        assert "single-leg coach" in fresh.replies[-1].text


class Paused:
    """Wraps a unit's store: calls before_end (if any) before end_workout, then after_end."""

    def __init__(
        self,
        store: Any,
        before_end: Callable[[], None] | None = None,
        after_end: Callable[[], Any] | None = None,
    ) -> None:
        self._store, self._before_end, self._after_end = store, before_end, after_end

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    async def end_workout(self, *args: Any, **kwargs: Any) -> None:
        if self._before_end is not None:
            self._before_end()
        await self._store.end_workout(*args, **kwargs)
        if self._after_end is not None:
            await self._after_end()


def pause_units(database: Database, wrap: Callable[[Any], Paused]) -> None:
    real_unit = database.unit

    @asynccontextmanager
    async def unit(**options: Any) -> AsyncIterator[Any]:
        async with real_unit(**options) as store:
            yield wrap(store)

    database.unit = unit  # type: ignore[method-assign]


# Row locks that cross: only PostgreSQL has them (SQLite's one writer runs units one by one).
@pytest.mark.postgres
@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_stop_at_one_replica_and_the_last_set_at_the_other_both_answer_truly(
    empty_database_url: str, library: Library
) -> None:
    clock = Clock()
    async with two_replicas(empty_database_url, library, clock) as (a, b):
        await a.send(Command("workout", PLAN), 21)
        for number, label in enumerate(("8", "Go now", "9", "Skip rest", "8", "Go now")):
            await a.tap(label, 30 + number)  # A keeps the user: its next unit reads nothing
        b_ends = asyncio.Event()

        async def a_waits_for_b() -> None:
            # A has stopped the workout and not yet saved the user; B, at the last set, gets
            # as far as it can (to its own end of the workout, if nothing holds it before).
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(b_ends.wait(), 3)
            await asyncio.sleep(0.3)

        pause_units(a.database, lambda store: Paused(store, after_end=a_waits_for_b))
        pause_units(b.database, lambda store: Paused(store, before_end=b_ends.set))

        stop = asyncio.create_task(a.tap("Stop", 40))
        await asyncio.sleep(0.2)
        last_set = asyncio.create_task(b.send(Text("7"), 41))
        stopped, typed = await asyncio.gather(stop, last_set)  # neither fails

        async with a.database.unit() as store:
            user = await store.load_user(KEY)
            workouts = await store.workouts(user.id, limit=5)
        logged = [(s.set_number, s.side.value, s.reps) for s in workouts[0].sets]
        said = "\n".join(r.text for r in stopped.replies + typed.replies)
        if (2, "right", 7) in logged:  # the set went in first, then the stop found it done
            assert "Right leg: 7 ✓" in said
        else:  # the stop went in first: the 7 came after, and no one says it was logged
            assert workouts[0].status.value == "stopped"
            assert logged == [(1, "left", 8), (1, "right", 9), (2, "left", 8)]
            assert "7 ✓" not in said
        assert "nothing was changed" not in said.lower()


async def test_a_late_copy_of_an_applied_update_shows_the_step_and_a_concurrent_one_nothing(
    empty_database_url: str, library: Library
) -> None:
    clock = Clock()
    async with two_replicas(empty_database_url, library, clock) as (a, b):
        await a.send(Command("workout", PLAN), 51)
        first = await a.send(Text("8"), 52)
        prompt = first.replies[-1]
        async with a.database.unit() as store:
            before = await store.load_user(KEY)

        assert (await b.send(Text("8"), 52)).replies == []  # at once: its answer is on its way
        clock.tick(5)
        for replica in (b, a):  # read afresh at B; at A, from what it kept, checked against it
            late = await replica.send(Text("8"), 52)
            assert late.timer is None and not late.cancel_timer
            assert [r.text.split("\n")[0] for r in late.replies] == [
                "I have that already. Here's where we are:"
            ]
            step = late.replies[0].text.split("\n")[1]  # the countdown has moved on 5 s
            assert step == prompt.text.split("\n")[1].replace("go in 10 s", "go in 5 s")
            assert late.replies[0].buttons == prompt.buttons

        async with a.database.unit() as store:
            after = await store.load_user(KEY)
            workouts = await store.workouts(after.id)
        assert (after.version, after.state) == (before.version, before.state)  # nothing changed
        assert [(s.set_number, s.side.value, s.reps) for s in workouts[0].sets] == [(1, "left", 8)]
