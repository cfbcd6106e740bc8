"""Units of work: one transaction each, serialised per user, rolled back on error; cascades."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import delete, func, select

from bot.coach.ports import Side, WorkoutStatus
from bot.storage import Database
from bot.storage.models import SetLogRow, UserRow, WorkoutRow
from tests.storage.factories import SLUG, at, entry, plan


class Boom(Exception):
    pass


async def test_an_error_rolls_back_everything_the_unit_did(database: Database) -> None:
    with pytest.raises(Boom):
        async with database.unit() as store:
            user = await store.load_user("u")
            workout_id = await store.start_workout(user.id, SLUG, plan(), at(0))
            await store.log_set(entry(workout_id, 1, Side.LEFT, 10, 1))
            user.state = {"step": "rest"}
            await store.save_user(user)
            raise Boom
    async with database.unit() as store:
        assert await store.user_by_key("u") is None
        counts = [
            await store.session.scalar(select(func.count()).select_from(table))
            for table in (UserRow, WorkoutRow, SetLogRow)
        ]
    assert counts == [0, 0, 0]


@pytest.mark.parametrize("for_event", [False, True], ids=["read", "kept"])
async def test_a_failed_event_leaves_the_previous_state(
    database: Database, for_event: bool
) -> None:
    """kept: the failing unit starts from the kept user and runs no statement before its save,
    which on PostgreSQL waits for the commit: a failure before the commit writes nothing."""
    async with database.unit(for_event=for_event) as store:
        user = await store.load_user("u")
        user.state = {"step": "set 1"}
        await store.save_user(user)
    with pytest.raises(Boom):
        async with database.unit(for_event=for_event) as store:
            user = await store.load_user("u")
            user.state = {"step": "set 2"}
            await store.save_user(user)
            raise Boom
    async with database.unit() as store:
        user = await store.load_user("u")
    assert (user.state, user.version) == ({"step": "set 1"}, 1)


async def test_two_units_of_one_user_run_one_after_the_other(
    database: Database, empty_database_url: str
) -> None:
    """Like two replicas: a second engine on the same database waits for the first unit."""
    async with database.unit() as store:
        await store.load_user("u")  # exists already: only the lock can make the second wait
    first_loaded = asyncio.Event()
    release_first = asyncio.Event()

    async def first() -> None:
        async with database.unit() as store:
            user = await store.load_user("u")
            first_loaded.set()
            await release_first.wait()
            user.state = {"step": "logged by the first"}
            await store.save_user(user)

    async def second(replica: Database) -> dict[str, object]:
        await first_loaded.wait()
        async with replica.unit() as store:
            user = await store.load_user("u")
            seen = dict(user.state)
            user.state = {"step": "logged by the second"}
            await store.save_user(user)  # no StaleStateError: it read the committed version
            return seen

    async with Database(empty_database_url) as replica:
        first_task = asyncio.create_task(first())
        second_task = asyncio.create_task(second(replica))
        await first_loaded.wait()
        await asyncio.sleep(0.3)
        waited = not second_task.done()
        release_first.set()
        await first_task
        seen_by_second = await second_task
    assert waited, "the second unit loaded the user while the first still held it"
    assert seen_by_second == {"step": "logged by the first"}
    async with database.unit() as store:
        final = await store.load_user("u")
    assert (final.state, final.version) == ({"step": "logged by the second"}, 2)


async def test_concurrent_events_of_one_user_lose_no_update(database: Database) -> None:
    async def count_one() -> None:
        async with database.unit() as store:
            user = await store.load_user("u")
            await asyncio.sleep(0.01)  # let the other events interleave if they could
            user.state = {"count": user.state.get("count", 0) + 1}
            await store.save_user(user)

    await asyncio.gather(*(count_one() for _ in range(12)))
    async with database.unit() as store:
        user = await store.load_user("u")
    assert (user.state, user.version) == ({"count": 12}, 12)


async def test_deleting_a_user_deletes_their_workouts_and_sets(
    database: Database, empty_database_url: str
) -> None:
    async with database.unit() as store:
        gone = await store.load_user("gone")
        kept = await store.load_user("kept")
        for user_id in (gone.id, kept.id):
            workout_id = await store.start_workout(user_id, SLUG, plan(), at(0))
            await store.log_set(entry(workout_id, 1, Side.LEFT, 10, 1))
            await store.end_workout(workout_id, at(5), WorkoutStatus.FINISHED)
    # A fresh engine, so the foreign-key setting is the one every new connection gets.
    async with Database(empty_database_url) as fresh, fresh.unit() as store:
        await store.session.execute(delete(UserRow).where(UserRow.id == gone.id))
    async with database.unit() as store:
        rows = {
            table.__tablename__: (
                await store.session.execute(select(table.user_id).select_from(table))
            )
            .scalars()
            .all()
            for table in (WorkoutRow, SetLogRow)
        }
        assert await store.user_by_key("gone") is None
        assert len(await store.workouts(kept.id)) == 1
    assert rows == {"workouts": [kept.id], "set_logs": [kept.id]}


async def test_what_a_unit_reads_after_its_save_includes_the_save(database: Database) -> None:
    async with database.unit(for_event=True) as store:
        await store.load_user("u")
    async with database.unit(for_event=True) as store:
        user = await store.load_user("u")
        user.state = {"step": "rest"}
        await store.save_user(user)
        read_back = await store.user_by_key("u")
        user.state = {"step": "set 2"}
        await store.save_user(user)  # a second save checks against the first
    assert read_back is not None and (read_back.state, read_back.version) == ({"step": "rest"}, 1)
    async with database.unit() as store:
        stored = await store.load_user("u")
    assert (stored.state, stored.version) == ({"step": "set 2"}, 2)
