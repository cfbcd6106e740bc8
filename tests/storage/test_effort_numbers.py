"""RPE and RIR on a logged set: kept as numbers, migrated onto existing logs as empty."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from bot.coach.ports import Side
from bot.storage import Database
from bot.storage.migrate import alembic_config, head
from tests.storage.factories import SLUG, at, entry, plan


async def test_rpe_and_rir_round_trip_as_numbers(database: Database) -> None:
    async with database.unit() as store:
        user_id = (await store.load_user("u")).id
        workout_id = await store.start_workout(user_id, SLUG, plan(), at(0))
        await store.log_set(entry(workout_id, 1, Side.LEFT, 10, 1, rpe=8.5, rir=2))
        await store.log_set(entry(workout_id, 1, Side.RIGHT, 9, 2))
    async with database.unit() as store:
        record = await store.workout(workout_id)
        history = await store.workouts(user_id)
    assert record is not None
    assert [(s.rpe, s.rir) for s in record.sets] == [(8.5, 2), (None, None)]
    assert isinstance(record.sets[0].rpe, float) and isinstance(record.sets[0].rir, int)
    assert [(s.rpe, s.rir) for s in history[0].sets] == [(8.5, 2), (None, None)]


def _columns(connection: Connection) -> set[str]:
    return {column["name"] for column in inspect(connection).get_columns("set_logs")}


def _to(connection: Connection, revision: str, up: bool = True) -> None:
    config = alembic_config(connection)
    (command.upgrade if up else command.downgrade)(config, revision)


async def test_sets_logged_before_the_migration_have_no_effort_numbers(
    empty_database_url: str,
) -> None:
    async with Database(empty_database_url) as database:
        async with database.engine.begin() as connection:
            await connection.run_sync(_to, "0003")
            assert not {"rpe", "rir"} & await connection.run_sync(_columns)
        async with database.unit() as store:  # written by a coach before 0004, in raw SQL
            user_id = (await store.load_user("old")).id
        async with database.engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO workouts (user_id, exercise, plan_sets, plan_reps, plan_unit,"
                    " plan_first_side, started_at, status) VALUES (:u, :e, 3, 10, 'kg', 'left',"
                    " :t, 'finished')"
                ),
                {"u": user_id, "e": SLUG, "t": at(0)},
            )
            workout_id = (await connection.execute(text("SELECT max(id) FROM workouts"))).scalar()
            await connection.execute(
                text(
                    "INSERT INTO set_logs (workout_id, user_id, exercise, set_number, side, reps,"
                    " unit, pain, logged_at) VALUES (:w, :u, :e, 1, 'left', 10, 'kg', false, :t)"
                ),
                {"w": workout_id, "u": user_id, "e": SLUG, "t": at(1)},
            )
        result = await database.upgrade()
        assert (result.before, result.after) == ("0003", head())
        async with database.unit() as store:
            record = await store.workout(workout_id)
        assert record is not None and [(s.reps, s.rpe, s.rir) for s in record.sets] == [
            (10, None, None)
        ]
        async with database.engine.begin() as connection:
            await connection.run_sync(_to, "0003", False)
            assert not {"rpe", "rir"} & await connection.run_sync(_columns)
