"""What a /remind conversation asks storage and settings to change, applied by the caller."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time


@dataclass(frozen=True)
class Create:
    at: time
    days: int
    exercise: str | None


@dataclass(frozen=True)
class Update:
    reminder_id: int
    at: time
    days: int
    exercise: str | None


@dataclass(frozen=True)
class Pause:
    reminder_id: int


@dataclass(frozen=True)
class Resume:
    reminder_id: int


@dataclass(frozen=True)
class Delete:
    reminder_id: int


@dataclass(frozen=True)
class SetZone:
    zone: str


Action = Create | Update | Pause | Resume | Delete | SetZone


# The database's integer id columns (PostgreSQL INTEGER): anything above is no row of ours, and
# must not reach a query, where it would be an error rather than "not found".
ROW_ID_MAX = 2**31 - 1


def small_id(text: str) -> int | None:
    """A row id from button data, or None for anything forged: signs, unicode digits ("²"),
    and numbers too big for the database's integer columns."""
    if text.isascii() and text.isdigit() and len(text) <= 10:
        return row_id(int(text))
    return None


def row_id(number: int) -> int | None:
    """The number as a row id, or None when no row can have it."""
    return number if 0 <= number <= ROW_ID_MAX else None
