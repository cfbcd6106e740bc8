"""Storage: SQLAlchemy models, the SQL store behind the coach's ports, Alembic migrations."""

from bot.storage.db import Database
from bot.storage.migrate import UnknownRevisionError, UpgradeResult, run_upgrade
from bot.storage.store import SqlStore

__all__ = ["Database", "SqlStore", "UnknownRevisionError", "UpgradeResult", "run_upgrade"]
