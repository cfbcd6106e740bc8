"""Imported history in SQL on both backends: sessions keep their source, a key is stored once per
user, the held import waits in the database, and 0006 migrates both ways."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from bot.coach.ports import Side, WorkoutRecord, WorkoutStatus
from bot.imports.port import HeldImport
from bot.storage import Database
from bot.storage.migrate import alembic_config
from tests.storage.factories import SLUG, at, entry, plan


def _session(user_id: int, keys: list[str], sides: list[Side], minutes: float = 0) -> WorkoutRecord:
    sets = [
        entry(0, n, side, 10, minutes, source="strong", source_key=key)
        for n, (key, side) in enumerate(zip(keys, sides, strict=True), start=1)
    ]
    ended = at(minutes + 30)
    return WorkoutRecord(0, user_id, SLUG, plan(), at(minutes), WorkoutStatus.FINISHED,
                         ended_at=ended, sets=sets, source="strong", imported=True)  # fmt: skip


async def test_imported_sessions_read_back_marked_with_their_sides(database: Database) -> None:
    async with database.unit() as store:
        user_id = (await store.load_user("u")).id
        written = await store.add_imported(
            [_session(user_id, ["strong:a", "strong:b"], [Side.LEFT, Side.UNKNOWN])]
        )
        logged = await store.start_workout(user_id, SLUG, plan(), at(60))
        await store.log_set(entry(logged, 1, Side.LEFT, 9, 61))
    async with database.unit() as store:
        newest_first = await store.workouts(user_id)
        keys = await store.imported_keys(user_id, "strong")
        other_app = await store.imported_keys(user_id, "hevy")
    assert written == 2
    here, imported = newest_first
    assert (here.imported, here.source, [s.source_key for s in here.sets]) == (False, None, [None])
    assert (imported.imported, imported.source, imported.status) == (
        True, "strong", WorkoutStatus.FINISHED,
    )  # fmt: skip
    assert [(s.side, s.source_key) for s in imported.sets] == [
        (Side.LEFT, "strong:a"), (Side.UNKNOWN, "strong:b"),
    ]  # fmt: skip
    assert (keys, other_app) == ({"strong:a", "strong:b"}, set())


async def test_a_key_is_stored_once_per_user_and_a_clash_keeps_nothing(database: Database) -> None:
    async with database.unit() as store:
        ana = (await store.load_user("ana")).id
        ben = (await store.load_user("ben")).id
        await store.add_imported([_session(ana, ["strong:k"], [Side.LEFT])])
        await store.add_imported([_session(ben, ["strong:k"], [Side.LEFT])])  # another user's
    with pytest.raises(IntegrityError):
        async with database.unit() as store:
            await store.add_imported(
                [
                    _session(ana, ["strong:new"], [Side.RIGHT], minutes=100),
                    _session(ana, ["strong:k"], [Side.LEFT], minutes=200),  # stored already
                ]
            )
    async with database.unit() as store:
        kept = await store.workouts(ana)
    assert [[s.source_key for s in w.sets] for w in kept] == [["strong:k"]]


async def test_the_held_import_is_replaced_expires_and_is_the_users_own(
    database: Database,
) -> None:
    held = HeldImport(0, "strong.csv", "strong", 3, b"\x00packed\xff" * 1000, at(0))
    async with database.unit() as store:
        ana = (await store.load_user("ana")).id
        ben = (await store.load_user("ben")).id
        first = await store.hold_import(ana, held, at(-60))
        second = await store.hold_import(ana, replace(held, file_name="newer.csv"), at(-60))
        bens = await store.hold_import(ben, replace(held, created_at=at(1)), at(-60))
    async with database.unit() as store:
        assert await store.held_import(ana, first, at(-60)) is None  # replaced
        found = await store.held_import(ana, second, at(-60))
        assert await store.held_import(ana, bens, at(-60)) is None  # not hers
        assert await store.held_import(ana, second, at(1)) is None  # older than allowed
    assert found is not None
    assert (found.file_name, found.payload, found.sets, found.token) == (
        "newer.csv", held.payload, 3, second,
    )  # fmt: skip
    async with database.unit() as store:  # anyone's expired import goes when one is held
        await store.hold_import(ben, replace(held, created_at=at(120)), at(30))
        assert await store.held_import(ana, second, at(-60)) is None
        await store.drop_import(ben)
    async with database.unit() as store:
        counts = await store.forget_user(ana)
    assert "pending_imports" not in counts


async def test_forgetting_a_user_deletes_their_held_import(database: Database) -> None:
    held = HeldImport(0, "f.csv", "fitnotes", 1, b"x", at(0))
    async with database.unit() as store:
        user_id = (await store.load_user("ana")).id
        await store.hold_import(user_id, held, at(-60))
        deleted = await store.forget_user(user_id)
    assert deleted["pending_imports"] == 1


def _to(connection: Connection, revision: str, up: bool = True) -> None:
    (command.upgrade if up else command.downgrade)(alembic_config(connection), revision)


async def test_0006_keeps_logged_sets_both_ways_and_drops_imported_ones_going_down(
    empty_database_url: str,
) -> None:
    async with Database(empty_database_url) as database:
        async with database.engine.begin() as connection:
            await connection.run_sync(_to, "0005")
        async with database.engine.begin() as connection:  # a coach before 0006, in raw SQL
            await connection.execute(text("INSERT INTO users (key, created_at, unit, rest_seconds,"
                " switch_seconds, first_side, state, version) VALUES ('old', :t, 'kg', 60, 10,"
                " 'left', '{}', 0)"), {"t": at(0)})  # fmt: skip
            await connection.execute(text("INSERT INTO workouts (user_id, exercise, plan_sets,"
                " plan_reps, plan_unit, plan_first_side, started_at, status) SELECT id, :e, 3, 10,"
                " 'kg', 'left', :t, 'finished' FROM users"), {"e": SLUG, "t": at(0)})  # fmt: skip
            await connection.execute(text("INSERT INTO set_logs (workout_id, user_id, exercise,"
                " set_number, side, reps, unit, pain, logged_at) SELECT w.id, w.user_id, :e, 1,"
                " 'left', 10, 'kg', false, :t FROM workouts w"), {"e": SLUG, "t": at(1)},
            )  # fmt: skip
        await database.upgrade()
        async with database.unit() as store:
            user = await store.load_user("old")
            before = await store.workouts(user.id)
            await store.add_imported([_session(user.id, ["strong:a"], [Side.UNKNOWN], -600)])
        assert [(w.imported, w.source, [s.side for s in w.sets]) for w in before] == [
            (False, None, [Side.LEFT])
        ]
        async with database.engine.begin() as connection:
            await connection.run_sync(_to, "0005", False)
            sides = (await connection.execute(text("SELECT side FROM set_logs"))).scalars().all()
            workouts = (await connection.execute(text("SELECT count(*) FROM workouts"))).scalar()
        assert (list(sides), workouts) == (["left"], 1)
        await database.upgrade()  # and up again: the logged session is still there
        async with database.unit() as store:
            again = await store.workouts((await store.load_user("old")).id)
        assert [[s.reps for s in w.sets] for w in again] == [[10]]


async def test_recent_sessions_after_an_import_include_the_imported_ones(
    database: Database,
) -> None:
    """The unit that imports forgets what it knew of the latest sessions, and so does the next."""
    async with database.unit(for_event=True) as store:
        user = await store.load_user("ana")
        logged = await store.start_workout(user.id, SLUG, plan(), at(600))
        assert await store.previous_workout(user.id, SLUG, before_id=logged) is None
        await store.add_imported([_session(user.id, ["strong:a"], [Side.LEFT], minutes=0)])
        earlier = await store.previous_workout(user.id, SLUG, before_id=logged)
        await store.save_user(user)
    assert earlier is not None and earlier.imported
    async with database.unit(for_event=True) as store:
        user = await store.load_user("ana")
        again = await store.previous_workout(user.id, SLUG, before_id=logged)
        assert again is not None and again.imported
        await store.save_user(user)
    assert timedelta(0) < at(600) - again.started_at
