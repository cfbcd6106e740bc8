"""The numbers a reminder message shows: sessions this week and the adherence streak."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from bot.reminders.domain import KEPT, Adherence, OccurrenceStatus
from bot.reminders.schedule import require_aware
from bot.reminders.zones import zone

# Streaks look back this far: long enough for any weekly habit, short enough to stay cheap.
LOOK_BACK = timedelta(days=60)


def adherence(
    answers: Sequence[tuple[OccurrenceStatus, date]],
    workouts_started: Iterable[datetime],
    zone_name: str,
    now: datetime,
) -> Adherence:
    """answers: the user's past occurrences (status, local date), newest first.

    A session is a workout started this week (Monday to Sunday on the user's clock). The streak
    counts the latest occurrences in a row that the user answered — Start now, Skip today, or a
    workout that same day; one left unanswered ends it. Missed ones (the coach was down) are
    nobody's doing and neither count nor break it.
    """
    tz = zone(zone_name)
    today = require_aware(now).astimezone(tz).date()
    monday = today - timedelta(days=today.weekday())
    trained = {require_aware(moment).astimezone(tz).date() for moment in workouts_started}
    sessions = sum(1 for day in trained if monday <= day <= today)
    sessions = max(sessions, _started_this_week(answers, monday))
    streak = 0
    for status, day in answers:
        if status is OccurrenceStatus.MISSED:
            continue
        if status not in KEPT and day not in trained:
            break
        streak += 1
    return Adherence(sessions, streak)


def _started_this_week(answers: Sequence[tuple[OccurrenceStatus, date]], monday: date) -> int:
    # Start now counts even before the workout is logged (the engine logs it moments later).
    return len({d for s, d in answers if s is OccurrenceStatus.STARTED and d >= monday})
