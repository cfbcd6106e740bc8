"""A fresh database for one benchmark run: a SQLite file, or a private PostgreSQL database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

POSTGRES = os.environ.get(
    "COACH_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)

Drop = Callable[[], Awaitable[None]]


async def fresh_database(kind: str, folder: Path, name: str) -> tuple[str, Drop | None]:
    """The URL of an empty database of the kind asked, and how to drop it afterwards (None for
    a SQLite file, which goes with its temporary folder)."""
    if kind == "sqlite":
        return f"sqlite+aiosqlite:///{folder / name}.db", None
    import asyncpg  # type: ignore[import-untyped,unused-ignore]
    from sqlalchemy.engine import make_url

    server = make_url(POSTGRES)
    private = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    dsn = server.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    await connection.execute(f'CREATE DATABASE "{private}"')
    await connection.close()

    async def drop() -> None:
        connection = await asyncpg.connect(dsn)
        await connection.execute(f'DROP DATABASE IF EXISTS "{private}" WITH (FORCE)')
        await connection.close()

    return server.set(database=private).render_as_string(hide_password=False), drop
