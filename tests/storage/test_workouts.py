"""Workouts and sets through the store: logging order, previous sessions, paging, export order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from bot.coach.ports import Plan, Side, Unit, WorkoutStatus
from bot.storage import Database, SqlStore
from tests.storage.factories import SLUG, at, entry, plan


async def _user(store: SqlStore, key: str = "u") -> int:
    return (await store.load_user(key)).id


async def test_a_workout_round_trips_with_its_sets_in_logging_order(database: Database) -> None:
    weighted = Plan(sets=2, reps=10, load=22.5, unit=Unit.LB, first_side=Side.RIGHT)
    async with database.unit() as store:
        user_id = await _user(store)
        workout_id = await store.start_workout(user_id, SLUG, weighted, at(0))
        # Logged out of time order on purpose: logging order is the order of the calls.
        await store.log_set(entry(workout_id, 1, Side.RIGHT, 10, 2, load=22.5, unit=Unit.LB))
        await store.log_set(entry(workout_id, 1, Side.LEFT, 9, 1, load=22.5, unit=Unit.LB))
        await store.log_set(
            entry(workout_id, 2, Side.RIGHT, None, 3, pain=True, note="knee 😬", effort="hard")
        )
        await store.end_workout(workout_id, at(10), WorkoutStatus.PAIN)
    async with database.unit() as store:
        record = await store.workout(workout_id)
    assert record is not None
    assert (record.user_id, record.exercise, record.plan) == (user_id, SLUG, weighted)
    assert (record.started_at, record.ended_at, record.status) == (at(0), at(10), "pain")
    assert [(s.set_number, s.side, s.reps) for s in record.sets] == [
        (1, Side.RIGHT, 10),
        (1, Side.LEFT, 9),
        (2, Side.RIGHT, None),
    ]
    painful = record.sets[2]
    assert (painful.pain, painful.note, painful.effort) == (True, "knee 😬", "hard")
    assert record.sets[0].load == 22.5 and record.sets[0].unit is Unit.LB
    assert record.sets[0].logged_at == at(2)


async def test_a_new_workout_is_active_and_bodyweight_is_none(database: Database) -> None:
    async with database.unit() as store:
        workout_id = await store.start_workout(await _user(store), SLUG, plan(), at(0))
        record = await store.workout(workout_id)
    assert record is not None
    assert (record.status, record.ended_at, record.effort, record.sets) == (
        "active",
        None,
        None,
        [],
    )
    assert record.plan.load is None


async def test_effort_given_after_the_summary_is_kept(database: Database) -> None:
    async with database.unit() as store:
        workout_id = await store.start_workout(await _user(store), SLUG, plan(), at(0))
        await store.end_workout(workout_id, at(9), WorkoutStatus.FINISHED)
        await store.rate_workout(workout_id, "right")
    async with database.unit() as store:
        rated = await store.workout(workout_id)
        await store.end_workout(workout_id, at(10), WorkoutStatus.STOPPED)  # no effort: kept
        kept = await store.workout(workout_id)
    assert rated is not None and kept is not None
    assert (rated.status, rated.effort) == ("finished", "right")
    assert (kept.status, kept.effort, kept.ended_at) == ("stopped", "right", at(10))


async def test_missing_workouts_are_none_or_refused(database: Database) -> None:
    async with database.unit() as store:
        assert await store.workout(999) is None
        with pytest.raises(LookupError):
            await store.log_set(entry(999, 1, Side.LEFT, 10, 0))
        with pytest.raises(LookupError):
            await store.end_workout(999, at(0), WorkoutStatus.FINISHED)
        with pytest.raises(LookupError):
            await store.rate_workout(999, "easy")


async def test_previous_workout_is_the_latest_of_that_exercise(database: Database) -> None:
    async with database.unit() as store:
        user_id = await _user(store)
        other_user = await _user(store, "someone else")
        first = await store.start_workout(user_id, SLUG, plan(reps=8), at(0))
        await store.log_set(entry(first, 1, Side.LEFT, 8, 1))
        await store.start_workout(user_id, "glute-bridge", plan(), at(60))
        second = await store.start_workout(user_id, SLUG, plan(reps=10), at(120))
        await store.start_workout(other_user, SLUG, plan(), at(180))
        current = await store.start_workout(user_id, SLUG, plan(reps=12), at(240))

        latest = await store.previous_workout(user_id, SLUG)
        before_current = await store.previous_workout(user_id, SLUG, before_id=current)
        before_second = await store.previous_workout(user_id, SLUG, before_id=second)
        before_first = await store.previous_workout(user_id, SLUG, before_id=first)
        never = await store.previous_workout(user_id, "glute-ham-raise")
    assert latest is not None and latest.id == current
    assert before_current is not None and before_current.id == second
    assert before_second is not None and before_second.id == first
    assert [(s.side, s.reps) for s in before_second.sets] == [(Side.LEFT, 8)]
    assert before_first is None
    assert never is None


async def test_workouts_are_newest_first_filtered_and_paged(database: Database) -> None:
    async with database.unit() as store:
        user_id = await _user(store)
        ids = []
        for day in range(5):
            exercise = SLUG if day % 2 == 0 else "hip-thrust"
            workout_id = await store.start_workout(user_id, exercise, plan(), at(day * 1440))
            await store.log_set(entry(workout_id, 1, Side.LEFT, 10 + day, day * 1440 + 1))
            ids.append(workout_id)
        everything = await store.workouts(user_id)
        page = await store.workouts(user_id, limit=2, offset=1)
        thrusts = await store.workouts(user_id, exercise=SLUG)
        nothing = await store.workouts(user_id, limit=0)
        past_the_end = await store.workouts(user_id, offset=50)
        negative = await store.workouts(user_id, limit=2, offset=-3)
        strangers = await store.workouts(await _user(store, "stranger"))
    assert [w.id for w in everything] == ids[::-1]
    assert [w.id for w in page] == [ids[3], ids[2]]
    assert [w.id for w in thrusts] == [ids[4], ids[2], ids[0]]
    assert [w.sets[0].reps for w in thrusts] == [14, 12, 10]
    assert nothing == [] and past_the_end == [] and strangers == []
    assert [w.id for w in negative] == [ids[4], ids[3]]


async def test_times_given_in_any_zone_are_ordered_and_returned_in_utc(database: Database) -> None:
    tokyo = timezone(timedelta(hours=9))
    # 17:00 in Tokyo is 08:00 UTC: earlier than 09:00 UTC although its wall clock is later.
    early = datetime(2025, 3, 1, 17, 0, tzinfo=tokyo)
    late = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    async with database.unit() as store:
        user_id = await _user(store)
        late_id = await store.start_workout(user_id, SLUG, plan(), late)
        early_id = await store.start_workout(user_id, SLUG, plan(), early)
        await store.log_set(entry(early_id, 1, Side.LEFT, 10, 0, logged_at=early))
    async with database.unit() as store:
        newest_first = await store.workouts(user_id)
        sets = await store.all_sets(user_id)
    assert [w.id for w in newest_first] == [late_id, early_id]
    assert newest_first[1].started_at == early
    assert newest_first[1].started_at.tzinfo == UTC
    assert newest_first[1].started_at.hour == 8
    assert sets[0].logged_at.tzinfo == UTC


async def test_a_naive_time_is_refused(database: Database) -> None:
    async with database.unit() as store:
        user_id = await _user(store)
        with pytest.raises(StatementError, match="naive datetime"):
            await store.start_workout(user_id, SLUG, plan(), datetime(2025, 3, 1, 9, 0))


async def test_all_sets_are_every_set_of_the_user_in_time_order(database: Database) -> None:
    async with database.unit() as store:
        user_id = await _user(store)
        stranger = await _user(store, "stranger")
        older = await store.start_workout(user_id, SLUG, plan(), at(0))
        newer = await store.start_workout(user_id, "glute-bridge", plan(), at(100))
        theirs = await store.start_workout(stranger, SLUG, plan(), at(50))
        await store.log_set(entry(newer, 1, Side.BOTH, 15, 101, exercise="glute-bridge"))
        await store.log_set(entry(older, 1, Side.LEFT, 10, 1))
        await store.log_set(entry(theirs, 1, Side.LEFT, 99, 51))
        await store.log_set(entry(older, 1, Side.RIGHT, 9, 1))  # same moment: logging order
        exported = await store.all_sets(user_id)
        nobody = await store.all_sets(12345)
    assert [(s.workout_id, s.side, s.reps) for s in exported] == [
        (older, Side.LEFT, 10),
        (older, Side.RIGHT, 9),
        (newer, Side.BOTH, 15),
    ]
    assert exported[2].exercise == "glute-bridge"
    assert nobody == []


@pytest.mark.parametrize("new_start", [20, 10, 5], ids=["newest", "same-minute", "clock-behind"])
async def test_what_a_unit_knows_of_a_workout_it_starts_is_what_the_database_holds(
    database: Database, new_start: int
) -> None:
    """/workout reads the recent sessions once and answers "last time" and "the one before"
    from that read and from what it wrote; a fresh unit reading the database agrees, even when
    the new workout's start is not the latest (a clock set back)."""
    async with database.unit() as store:
        user_id = await _user(store)
        first = await store.start_workout(user_id, SLUG, plan(reps=8), at(0))
        await store.log_set(entry(first, 1, Side.LEFT, 8, 1))
        second = await store.start_workout(user_id, SLUG, plan(reps=10, load=20), at(10))
        await store.log_set(entry(second, 1, Side.LEFT, 10, 11))
        await store.end_workout(second, at(15), WorkoutStatus.FINISHED)
        await store.start_workout(user_id, "glute-bridge", plan(), at(30))

    async def ask(store: SqlStore, new: int) -> list[object]:
        return [
            await store.workout(new),
            await store.previous_workout(user_id, SLUG, before_id=new),
            await store.previous_workout(user_id, SLUG),
        ]

    async with database.unit(for_event=True) as store:
        await _user(store)
        recent = await store.workouts(user_id, SLUG, limit=8)
        latest_before = await store.previous_workout(user_id, SLUG)
        new = await store.start_workout(user_id, SLUG, plan(sets=2, load=22.5), at(new_start))
        await store.log_set(entry(new, 1, Side.LEFT, 9, new_start + 1, load=22.5))
        from_memory = await ask(store, new)
    async with database.unit() as store:
        from_database = await ask(store, new)
    assert latest_before == recent[0] and latest_before is not None
    assert latest_before.id == second
    assert from_memory == from_database
    before_new = from_database[1]
    assert before_new is not None and before_new.id == (second if new_start >= 10 else first)
