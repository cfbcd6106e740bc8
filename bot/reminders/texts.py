"""What reminders say: the reminder message with its buttons, and how a reminder is described."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from bot.coach import codec
from bot.coach.replies import Reply
from bot.content import Exercise
from bot.reminders.domain import LATE_AFTER, Adherence, Reminder
from bot.reminders.parsing import describe_days, describe_time
from bot.reminders.schedule import require_aware
from bot.reminders.zones import zone

# Every reminders button is "rm:<token>:<verb>[:<arg>]" (bot/coach/codec.py). Under a reminder
# message the token is the occurrence id, current while that occurrence is open to an answer (a
# press is checked against its owner and status, so a stale or forged one is refused); messages
# sent before the one codec say "rm:<verb>:<occurrence id>" and are still read (flow.py).
# These verbs are the message's alone: the /remind conversation's are other words.
BUTTON_OWNER = "rm"
START, SNOOZE, SKIP = "go", "zz", "sk"
MESSAGE_VERBS = frozenset({START, SNOOZE, SKIP})
SNOOZE_MINUTES = 30


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def exercise_name(library: Mapping[str, Exercise], slug: str | None) -> str:
    if slug is None:
        return "any exercise"
    found = library.get(slug)
    return found.name if found is not None else slug.replace("-", " ")


def describe(reminder: Reminder, library: Mapping[str, Exercise]) -> str:
    """ "Weekdays at 19:00 (Europe/Berlin) · Single-leg hip thrust", plus "paused" when it is."""
    text = (
        f"{describe_days(reminder.days).capitalize()} at {describe_time(reminder.at)}"
        f" ({reminder.zone}) · {exercise_name(library, reminder.exercise)}"
    )
    return text + " — paused" if reminder.paused else text


def when_next(reminder: Reminder) -> str:
    """The next due moment on the user's clock: "Mon 12 Oct, 19:00"."""
    if reminder.next_due_at is None:
        return "not scheduled"
    local = require_aware(reminder.next_due_at).astimezone(zone(reminder.zone))
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M}"


def reminder_message(
    occurrence_id: int,
    reminder: Reminder,
    library: Mapping[str, Exercise],
    adherence: Adherence,
    due_at: datetime,
    now: datetime,
    late_after: timedelta = LATE_AFTER,
) -> Reply:
    """The reminder itself: names the exercise and the week so far, with three buttons; it says
    it is late only when it comes later than `late_after` (the planned spread) past its time."""
    session = ordinal(adherence.sessions_this_week + 1)
    if reminder.exercise is None:
        lines = [f"Time to train: this would be your {session} session this week."]
    else:
        name = exercise_name(library, reminder.exercise)
        lines = [f"Time for {name}: your {session} session this week."]
    if adherence.streak >= 2:
        lines.append(f"You've kept {adherence.streak} reminders in a row.")
    late = require_aware(now) - require_aware(due_at)
    if late > late_after:
        clock = require_aware(due_at).astimezone(zone(reminder.zone))
        lines.append(f"Sorry it's late: it was due at {clock:%H:%M}.")
    labels = (("Start now", START), (f"Snooze {SNOOZE_MINUTES} min", SNOOZE), ("Skip today", SKIP))
    buttons = (codec.button(label, BUTTON_OWNER, occurrence_id, verb) for label, verb in labels)
    return Reply("\n".join(lines), (tuple(b for b in buttons if b is not None),))
