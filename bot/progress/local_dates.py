"""Dates shown to the user: in their own timezone."""

from __future__ import annotations

from datetime import UTC, tzinfo

from bot.reminders.zones import zone


def user_zone(name: str | None) -> tzinfo:
    """The user's timezone for dates (an IANA name or "UTC+05:30"), UTC when unset or unknown."""
    if not name:
        return UTC
    try:
        return zone(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return UTC
