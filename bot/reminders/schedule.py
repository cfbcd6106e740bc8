"""When a reminder falls due: wall-clock time on chosen weekdays in a zone, as UTC instants."""

# Two deliberate choices, because a wall-clock time does not always name exactly one instant:
# - A time inside the spring-forward gap (01:30 on the night London skips 01:00-02:00) fires at the
#   same distance after the jump: 02:30 new time. It is never skipped, and never fires twice.
# - A time inside the autumn fold (01:30 happens twice) fires at the first one (fold=0, still
#   summer time), once: an occurrence is keyed by the local date, not by the instant.

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from bot.reminders.zones import zone


@dataclass(frozen=True)
class Rule:
    """A reminder's schedule: local time of day, weekdays (bit 0 = Monday) and zone name."""

    at: time
    days: int
    zone: str

    def __post_init__(self) -> None:
        if not 0 < self.days <= 0b1111111:
            raise ValueError(f"days must be a non-empty weekday mask, not {self.days}")
        if self.at.tzinfo is not None:
            raise ValueError("a rule's time is wall-clock time; its zone is separate")


@dataclass(frozen=True)
class Occurrence:
    """One due day of a rule: the local date it belongs to and the UTC instant it is due."""

    local_date: date
    due_at: datetime


def occurrence_key(reminder_id: int, local_date: date) -> str:
    """The key an occurrence is claimed under: one send per reminder per local day."""
    return f"r{reminder_id}:{local_date.isoformat()}"


def require_aware(moment: datetime) -> datetime:
    """The instant in UTC; a naive datetime is a programming error, never silently local."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware instant")
    return moment.astimezone(UTC)


def due_on(rule: Rule, local_date: date) -> datetime:
    """The UTC instant of the rule's wall-clock time on this local date (see module notes)."""
    tz = zone(rule.zone)
    wall = datetime.combine(local_date, rule.at, tzinfo=tz)  # fold=0: the first of two
    # In a spring gap fold=0 keeps the offset from before the jump, which lands `gap` after it.
    return wall.astimezone(UTC)


def is_due_day(rule: Rule, local_date: date) -> bool:
    return bool(rule.days & (1 << local_date.weekday()))


def local_date_of(rule: Rule, moment: datetime) -> date:
    return require_aware(moment).astimezone(zone(rule.zone)).date()


def occurrences_from(rule: Rule, after: datetime) -> Iterator[Occurrence]:
    """Every occurrence due strictly after `after`, in order, without end."""
    after = require_aware(after)
    day = local_date_of(rule, after) - timedelta(days=1)
    while True:
        if is_due_day(rule, day):
            due = due_on(rule, day)
            if due > after:
                yield Occurrence(day, due)
        day += timedelta(days=1)


def next_occurrence(rule: Rule, after: datetime) -> Occurrence:
    """The first occurrence due strictly after `after`."""
    for occurrence in occurrences_from(rule, after):
        return occurrence
    raise AssertionError("unreachable: occurrences_from never ends")  # pragma: no cover


def occurrences_between(rule: Rule, after: datetime, until: datetime) -> list[Occurrence]:
    """Occurrences due in (after, until], oldest first."""
    until = require_aware(until)
    found: list[Occurrence] = []
    for occurrence in occurrences_from(rule, after):
        if occurrence.due_at > until:
            return found
        found.append(occurrence)
    return found  # pragma: no cover


def wall_clock(rule: Rule, due_at: datetime) -> str:
    """The due instant as the user's clock shows it ("19:00")."""
    local = require_aware(due_at).astimezone(zone(rule.zone))
    return f"{local.hour:02d}:{local.minute:02d}"
