"""Column types: timestamps that are timezone-aware UTC on every database, SQLite included."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out.

    PostgreSQL keeps the offset (timestamptz); SQLite stores text and drops it, so values are
    written as UTC wall time and read back with UTC attached. Naive values are refused: a naive
    time is ambiguous, and guessing would shift a user's rest timer or reminder by hours.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()}: pass an aware datetime (UTC)")
        value = value.astimezone(UTC)
        # SQLite's text format has no offset; UTC wall time keeps its string order chronological.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
