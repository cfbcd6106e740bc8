"""Migrations: an empty database upgrades by itself, twice is a no-op, the schema matches models."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection

from bot.storage import Database, UnknownRevisionError, run_upgrade
from bot.storage.migrate import MIGRATIONS, head, target_metadata

# The coach's own; later migrations add more (reminders).
TABLES = {"alembic_version", "users", "workouts", "set_logs"}


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_an_empty_database_upgrades_to_head_and_is_usable(empty_database_url: str) -> None:
    async with Database(empty_database_url) as database:
        async with database.engine.connect() as connection:
            assert await connection.run_sync(_tables) == set()
        result = await database.upgrade()
        assert (result.before, result.after, result.changed) == (None, head(), True)
        async with database.engine.connect() as connection:
            assert await connection.run_sync(_tables) >= TABLES
        async with database.unit() as store:
            assert (await store.load_user("first")).version == 0


async def test_upgrading_again_is_a_cheap_no_op_that_keeps_the_data(
    empty_database_url: str,
) -> None:
    async with Database(empty_database_url) as database:
        await database.upgrade()
        async with database.unit() as store:
            await store.load_user("kept")
        statements: list[str] = []

        def record(*args: Any) -> None:
            statements.append(str(args[2]))  # (conn, cursor, statement, ...)

        event.listen(database.engine.sync_engine, "before_cursor_execute", record)
        result = await database.upgrade()
        event.remove(database.engine.sync_engine, "before_cursor_execute", record)
        async with database.unit() as store:
            kept = await store.user_by_key("kept")
    assert not result.changed
    assert "nothing to do" in result.describe()
    assert kept is not None
    assert not [s for s in statements if s.lstrip().upper().startswith(("CREATE", "ALTER"))]
    assert len(statements) <= 3, statements  # the version lookup (and the lock on PostgreSQL)


async def test_replicas_starting_together_both_upgrade_safely(empty_database_url: str) -> None:
    async with Database(empty_database_url) as one, Database(empty_database_url) as two:
        results = await asyncio.gather(one.upgrade(), two.upgrade())
    assert sorted(result.changed for result in results) == [False, True]


async def test_the_migrated_schema_matches_the_models(database: Database) -> None:
    def differences(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, target_metadata()))

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_a_database_from_a_newer_coach_is_refused(database: Database) -> None:
    async with database.engine.begin() as connection:
        await connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(UnknownRevisionError, match="9999"):
        await database.upgrade()


async def test_coach_db_upgrade_says_what_it_did(
    empty_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The command runs its own event loop, as `coach db upgrade` does.
    assert await asyncio.to_thread(run_upgrade, empty_database_url) == 0
    assert await asyncio.to_thread(run_upgrade, empty_database_url) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(f"upgraded from an empty database to revision {head()}")
    assert lines[1].endswith("nothing to do")


async def test_coach_db_upgrade_reports_an_unreachable_database(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "sqlite+aiosqlite:////no/such/folder/coach.db"
    assert await asyncio.to_thread(run_upgrade, url) == 1
    error = capsys.readouterr().err
    assert "Could not upgrade sqlite+aiosqlite:////no/such/folder/coach.db" in error
    assert "no folder /no/such/folder" in error


async def test_coach_db_upgrade_reports_a_database_it_cannot_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_database = tmp_path / "coach.db"
    not_a_database.write_bytes(b"this is not a SQLite file" * 100)
    assert await asyncio.to_thread(run_upgrade, f"sqlite+aiosqlite:///{not_a_database}") == 1
    assert "not a database" in capsys.readouterr().err


async def test_coach_db_upgrade_refuses_other_databases(capsys: pytest.CaptureFixture[str]) -> None:
    assert await asyncio.to_thread(run_upgrade, "mysql+aiomysql://coach@localhost/coach") == 1
    assert "use SQLite or PostgreSQL" in capsys.readouterr().err


def test_the_migrations_live_inside_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert any(MIGRATIONS.glob("versions/0001_*.py"))
    assert MIGRATIONS.parent.name == "storage"
