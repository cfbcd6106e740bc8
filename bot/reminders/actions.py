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


def small_id(text: str) -> int | None:
    """A row id from button data, or None for anything forged: signs, unicode digits ("²"),
    and numbers too big for the database's integer columns."""
    if text.isascii() and text.isdigit() and len(text) <= 9:
        return int(text)
    return None
