"""A user's next event starts from what this process committed last; never from anything else.

Two Database objects on one database are two replicas: each keeps its own copy, and every test
here is about a copy that must not be trusted (changed elsewhere, rolled back, deleted).
"""

from __future__ import annotations

import pytest

from bot.coach.ports import Side, StaleStateError, WorkoutStatus
from bot.storage import Database
from tests.storage.factories import SLUG, at, entry, plan


class Boom(Exception):
    pass


async def _event(database: Database, key: str, step: str) -> dict[str, object]:
    """One coach event as the bot runs it: load, move the state on, save; retried once when
    the copy it started from was stale (what Services.handle and the terminal chat do)."""
    for attempt in (1, 2):
        try:
            async with database.unit(for_event=True) as store:
                user = await store.load_user(key)
                seen = dict(user.state)
                user.state = {"step": step}
                await store.save_user(user)
                return seen
        except StaleStateError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def test_the_next_event_sees_what_the_last_one_saved(database: Database) -> None:
    await _event(database, "u", "set 1")
    assert await _event(database, "u", "set 2") == {"step": "set 1"}
    assert len(database.kept) == 1


async def test_an_event_on_another_replica_is_seen_not_overwritten(
    database: Database, empty_database_url: str
) -> None:
    await _event(database, "u", "set 1 left")  # kept here
    async with Database(empty_database_url) as replica:
        assert await _event(replica, "u", "set 1 right") == {"step": "set 1 left"}
    # The copy kept here is stale: the save finds out, and the retry reads the replica's state.
    assert await _event(database, "u", "rest") == {"step": "set 1 right"}
    async with database.unit() as store:
        user = await store.load_user("u")
    assert (user.state, user.version) == ({"step": "rest"}, 3)


async def test_a_stale_copy_is_refused_even_when_the_event_saves_nothing(
    database: Database, empty_database_url: str
) -> None:
    await _event(database, "u", "set 1")
    async with Database(empty_database_url) as replica:
        await _event(replica, "u", "set 2")
    with pytest.raises(StaleStateError):
        async with database.unit(for_event=True) as store:
            await store.load_user("u")  # the kept copy: version 1 where the row has 2
    assert await _event(database, "u", "set 3") == {"step": "set 2"}


async def test_a_failed_event_leaves_nothing_kept(database: Database) -> None:
    await _event(database, "u", "set 1")
    with pytest.raises(Boom):
        async with database.unit(for_event=True) as store:
            user = await store.load_user("u")
            workout_id = await store.start_workout(user.id, SLUG, plan(), at(0))
            await store.log_set(entry(workout_id, 1, Side.LEFT, 10, 1))
            user.state = {"step": "set 2", "workout": workout_id}
            await store.save_user(user)
            raise Boom
    assert len(database.kept) == 0
    assert await _event(database, "u", "set 2") == {"step": "set 1"}


async def test_the_kept_workout_has_every_set_logged_since(database: Database) -> None:
    async with database.unit(for_event=True) as store:
        user = await store.load_user("u")
        workout_id = await store.start_workout(user.id, SLUG, plan(), at(0))
        assert await store.workout(workout_id) is not None  # read, so kept with the user
        await store.log_set(entry(workout_id, 1, Side.LEFT, 10, 1))
        await store.save_user(user)
    async with database.unit(for_event=True) as store:
        user = await store.load_user("u")
        await store.log_set(entry(workout_id, 1, Side.RIGHT, 9, 2))
        await store.save_user(user)
    async with database.unit(for_event=True) as store:
        await store.load_user("u")
        kept = await store.workout(workout_id)
    async with database.unit() as store:
        stored = await store.workout(workout_id)
    assert kept is not None and stored is not None
    assert [(s.side, s.reps) for s in kept.sets] == [(Side.LEFT, 10), (Side.RIGHT, 9)]
    assert kept.sets == stored.sets


async def _kept_with_a_workout(database: Database, key: str) -> int:
    """A user with a workout whose one set is logged, kept by this replica with the workout."""
    async with database.unit(for_event=True) as store:
        user = await store.load_user(key)
        workout_id = await store.start_workout(user.id, SLUG, plan(), at(0))
        await store.log_set(entry(workout_id, 1, Side.LEFT, 10, 1))
        assert await store.workout(workout_id) is not None
        await store.save_user(user)
    return workout_id


async def _sets(database: Database, workout_id: int) -> list[tuple[Side, int | None]]:
    async with database.unit() as store:
        workout = await store.workout(workout_id)
    assert workout is not None
    return [(s.side, s.reps) for s in workout.sets]


async def test_a_set_logged_from_a_stale_copy_is_refused_and_nothing_is_written(
    database: Database, empty_database_url: str
) -> None:
    workout_id = await _kept_with_a_workout(database, "u")
    async with Database(empty_database_url) as replica:
        await _event(replica, "u", "stopped there")  # the copy kept here is now stale
    with pytest.raises(StaleStateError):
        async with database.unit(for_event=True) as store:
            await store.load_user("u")
            await store.log_set(entry(workout_id, 1, Side.RIGHT, 9, 2))
    assert await _sets(database, workout_id) == [(Side.LEFT, 10)]
    # Run again, as the runner does: from what the database holds, the set goes in.
    async with database.unit(for_event=True) as store:
        user = await store.load_user("u")
        assert user.state == {"step": "stopped there"}
        await store.log_set(entry(workout_id, 1, Side.RIGHT, 9, 2))
        await store.save_user(user)
    assert await _sets(database, workout_id) == [(Side.LEFT, 10), (Side.RIGHT, 9)]


async def test_a_workout_ended_from_a_stale_copy_is_refused_and_stays_open(
    database: Database, empty_database_url: str
) -> None:
    workout_id = await _kept_with_a_workout(database, "u")
    async with Database(empty_database_url) as replica:
        await _event(replica, "u", "set 2")
    with pytest.raises(StaleStateError):
        async with database.unit(for_event=True) as store:
            await store.load_user("u")
            await store.end_workout(workout_id, at(5), WorkoutStatus.FINISHED)
    async with database.unit() as store:
        workout = await store.workout(workout_id)
    assert workout is not None and workout.status is WorkoutStatus.ACTIVE


async def test_a_first_write_for_a_missing_workout_is_told_apart_from_a_stale_copy(
    database: Database,
) -> None:
    await _kept_with_a_workout(database, "u")
    async with database.unit(for_event=True) as store:
        await store.load_user("u")  # the kept copy, current
        with pytest.raises(LookupError):
            await store.log_set(entry(999_999, 1, Side.RIGHT, 9, 2))
        with pytest.raises(LookupError):
            await store.end_workout(999_999, at(5), WorkoutStatus.FINISHED)


async def test_a_deleted_user_is_not_brought_back_from_the_copy(database: Database) -> None:
    await _event(database, "u", "set 1")
    async with database.unit(for_event=True) as store:
        user = await store.load_user("u")
        await store.forget_user(user.id)
    assert await _event(database, "u", "start") == {}  # a new user, with a fresh state


async def test_a_user_deleted_by_another_replica_starts_afresh(
    database: Database, empty_database_url: str
) -> None:
    await _event(database, "u", "set 1")
    async with Database(empty_database_url) as replica, replica.unit() as store:
        user = await store.load_user("u")
        await store.forget_user(user.id)
    assert await _event(database, "u", "start") == {}


async def test_kept_users_are_bounded(empty_database_url: str) -> None:
    async with Database(empty_database_url, kept_users=2) as database:
        await database.upgrade()
        for key in ("a", "b", "c"):
            await _event(database, key, "set 1")
        assert len(database.kept) == 2
        assert await _event(database, "a", "set 2") == {"step": "set 1"}  # read again: right
