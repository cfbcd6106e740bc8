"""When to start a fan-out so deliveries are centred on their due moment: pure arithmetic."""

# At R messages per second, n reminders due at T take n / R seconds to send. Started at T, they
# all come late, the last by n / R; started at T - n / 2R, they are centred on T: none earlier
# or later than half the spread. With several due moments in a row (10 000 at 07:00, 5 000 at
# 07:01), group g can start no earlier than everything ahead of it allows: its latest start is
# T_g - (ahead_g + n_g / 2) / R, where ahead_g counts what is queued or due before it. A group
# is claimed once its latest start has come, and everything before it with it (oldest first).

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

Groups = Sequence[tuple[datetime, int]]  # (due instant, how many), oldest first


def _starts(groups: Groups, queued: int, rate: float) -> list[tuple[datetime, datetime]]:
    """(latest start, due instant) of each group, given `queued` messages already ahead."""
    ahead = queued
    starts = []
    for due_at, count in groups:
        starts.append((due_at - timedelta(seconds=(ahead + count / 2) / rate), due_at))
        ahead += count
    return starts


def claim_until(groups: Groups, queued: int, rate: float, now: datetime) -> datetime:
    """The latest due instant to claim at `now`: the last group whose start has come (anything
    already due is claimed whatever the plan)."""
    horizon = now
    for start, due_at in _starts(groups, queued, rate):
        if start <= now:
            horizon = max(horizon, due_at)
    return horizon


def start_at(groups: Groups, queued: int, rate: float) -> datetime | None:
    """When the next fan-out must start so no group's middle comes after its due moment."""
    starts = _starts(groups, queued, rate)
    return min(start for start, _ in starts) if starts else None


def planned_lateness(due_at: datetime, started: datetime) -> timedelta:
    """How late a message of a fan-out started at `started` may come and still be on plan: a
    group started ahead of its time by x ends about x after it."""
    return max(timedelta(0), due_at - started)
