"""Alembic environment: migrates the connection handed over by bot.storage, or the URL given."""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy.engine import Connection

from bot.storage.migrate import target_metadata as every_table

target_metadata = every_table()


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode recreates the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def _run(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    # The `alembic` command line (authoring revisions): -x url=..., then the coach's own setting.
    return (
        context.get_x_argument(as_dictionary=True).get("url")
        or context.config.get_main_option("sqlalchemy.url")
        or os.environ.get("COACH_DATABASE_URL")
        or "sqlite+aiosqlite:///./coach.db"
    )


async def _run_from_url(url: str) -> None:
    from bot.storage.db import Database

    async with Database(url) as database, database.engine.begin() as connection:
        await connection.run_sync(_run)


def main() -> None:
    connection: Connection | None = context.config.attributes.get("connection")
    if connection is not None:  # Database.upgrade(): already in a transaction, in a greenlet
        _run(connection)
    elif context.is_offline_mode():  # `alembic upgrade --sql`: print the SQL
        context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
    else:
        asyncio.run(_run_from_url(_url()))


main()
