"""Alembic, driven from code: upgrade a connection to head, and the `coach db upgrade` command."""

from __future__ import annotations

import asyncio
import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

# Shipped inside the package (see package-data in pyproject.toml), so installs find them too.
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Any fixed number: replicas starting together queue on it instead of racing to create tables.
MIGRATION_LOCK = 0x636F616368  # "coach"


class UnknownRevisionError(RuntimeError):
    """The database was migrated by a newer coach than this one."""


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None  # None: the database had no schema yet
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def describe(self) -> str:
        if not self.changed:
            return f"already at revision {self.after} (the newest); nothing to do"
        start = "an empty database" if self.before is None else f"revision {self.before}"
        return f"upgraded from {start} to revision {self.after}"


def target_metadata() -> MetaData:
    """Every table the coach defines: what migrations must produce (autogenerate, tests)."""
    # Each module that declares tables registers them on Base.metadata when imported.
    import bot.storage.imports
    import bot.storage.reminder_store  # noqa: F401
    from bot.storage.models import Base

    return Base.metadata


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config without an ini file; env.py uses `connection` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision this coach knows."""
    revision = _scripts().get_current_head()
    if revision is None:  # pragma: no cover - the package always ships 0001
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return revision


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_connection(connection: Connection) -> UpgradeResult:
    """Bring the schema to head inside the caller's transaction (sync: run it via run_sync)."""
    if connection.dialect.name == "postgresql":
        # Released at commit; SQLite needs nothing (the transaction began IMMEDIATE).
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    before = current_revision(connection)
    target = head()
    if before == target:
        return UpgradeResult(before, target)
    if before is not None:
        try:
            _scripts().get_revision(before)
        except CommandError as exc:
            raise UnknownRevisionError(
                f"the database is at revision {before}, which this coach does not know "
                f"(its newest is {target}): run a newer coach"
            ) from exc
    command.upgrade(alembic_config(connection), "head")
    return UpgradeResult(before, target)


def run_upgrade(url: str) -> int:
    """`coach db upgrade`: migrate the database at url to head and say what was done."""
    from bot.storage.db import Database  # db imports this module

    async def upgrade() -> UpgradeResult:
        async with Database(url) as database:
            try:
                return await database.upgrade()
            except Exception:
                # aiosqlite stops a connection that failed to open on its worker thread, which
                # then reports back to this loop: let it, before asyncio.run closes the loop.
                await asyncio.sleep(0.05)
                raise

    shown = make_url(url).render_as_string(hide_password=True)
    try:
        result = asyncio.run(upgrade())
    except (SQLAlchemyError, OSError, ValueError, UnknownRevisionError) as exc:
        print(f"Could not upgrade {shown}: {exc}", file=sys.stderr)
        return 1
    print(f"{shown}: {result.describe()}")
    return 0
