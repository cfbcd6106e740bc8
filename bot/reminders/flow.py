"""The reminders' part of one event: /remind, its buttons, the reminder message's buttons."""

# The engine calls `wants(event, dialog_state)` and, when True, `handle(...)` inside the same unit
# of work as everything else for the event; it stores the returned dialog state with the user's
# state and saves the user (handle may set user.settings.timezone).

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.coach.events import Command, Event, Press, Text
from bot.coach.ports import UserRecord
from bot.coach.replies import Outcome, Reply
from bot.content import Exercise
from bot.reminders import dialog
from bot.reminders.actions import (
    Action,
    Create,
    Delete,
    Pause,
    Resume,
    SetZone,
    Update,
    small_id,
)
from bot.reminders.model import OccurrenceStatus, ReminderStore
from bot.reminders.schedule import Rule, require_aware
from bot.reminders.texts import SKIP, SNOOZE, SNOOZE_MINUTES, START
from bot.reminders.zones import zone

_MESSAGE_VERBS = {START, SNOOZE, SKIP}
_GONE = "That reminder is gone."


@dataclass
class Handled:
    outcome: Outcome
    dialog_state: dict[str, Any] | None
    # Start now was pressed: the engine opens a workout of this exercise (a slug) next.
    start_exercise: str | None = None
    # Reminders were created, changed or snoozed: call ReminderService.changed() after commit.
    changed: bool = False
    applied: list[Action] = field(default_factory=list)


def wants(event: Event, dialog_state: dict[str, Any] | None) -> bool:
    """Is this event for the reminders? /remind, an "rm:" button, or text while /remind asks."""
    if isinstance(event, Command):
        return event.name == "remind"
    if isinstance(event, Press):
        return event.data.startswith("rm:")
    return isinstance(event, Text) and dialog_state is not None


async def handle(
    store: ReminderStore,
    user: UserRecord,
    event: Event,
    dialog_state: dict[str, Any] | None,
    library: Mapping[str, Exercise],
    now: datetime,
    last_exercise: str | None = None,
) -> Handled:
    """Run the event through the /remind dialog or the reminder buttons and apply what it asks."""
    now = require_aware(now)
    if isinstance(event, Press) and _is_message_press(event.data):
        return await _message_press(store, user, event.data, now, last_exercise, dialog_state)
    reminders = await store.list_reminders(user.id)
    ctx = dialog.Context(reminders, user.settings.timezone, last_exercise, library, now)
    if isinstance(event, Command):
        step = dialog.start(event.args, ctx)
    elif isinstance(event, Press):
        step = dialog.on_press(event.data, dialog_state, ctx)
    elif isinstance(event, Text) and dialog_state is not None:
        step = dialog.on_text(event.text, dialog_state, ctx)
    else:
        return Handled(Outcome(), dialog_state)
    outcome = Outcome(list(step.replies), notice=step.notice, chosen=step.chosen)
    applied: list[Action] = []
    for action in step.actions:
        if await _apply(store, user, action, now):
            applied.append(action)
        else:
            outcome.replies.append(Reply(_GONE))
            outcome.notice = _GONE
    changed = any(isinstance(a, Create | Update | Resume | SetZone) for a in applied)
    return Handled(outcome, step.state, changed=changed, applied=applied)


async def _apply(store: ReminderStore, user: UserRecord, action: Action, now: datetime) -> bool:
    if isinstance(action, SetZone):
        user.settings.timezone = action.zone
        await store.set_zone(user.id, action.zone, now)
        return True
    if isinstance(action, Create | Update):
        tz = user.settings.timezone or "UTC"
        rule = Rule(action.at, action.days, tz)
        if isinstance(action, Create):
            await store.create_reminder(user.id, rule, action.exercise, now)
            return True
        updated = await store.update_reminder(
            user.id, action.reminder_id, rule, action.exercise, now
        )
        return updated is not None
    if isinstance(action, Pause | Resume):
        paused = isinstance(action, Pause)
        return await store.set_paused(user.id, action.reminder_id, paused, now) is not None
    assert isinstance(action, Delete)
    return await store.delete_reminder(user.id, action.reminder_id)


def _is_message_press(data: str) -> bool:
    parts = data.split(":")
    return len(parts) == 3 and parts[1] in _MESSAGE_VERBS


async def _message_press(
    store: ReminderStore,
    user: UserRecord,
    data: str,
    now: datetime,
    last_exercise: str | None,
    dialog_state: dict[str, Any] | None,
) -> Handled:
    """Start now / Snooze 30 min / Skip today under a reminder message."""
    _, verb, raw_id = data.split(":")
    oid = small_id(raw_id)
    occurrence = None if oid is None else await store.user_occurrence(user.id, oid)
    if occurrence is None:  # gone, or someone else's: the same answer, and nothing changes
        return Handled(Outcome(notice=_GONE), dialog_state)
    status = occurrence.status
    answerable = {OccurrenceStatus.SENT, OccurrenceStatus.SNOOZED}
    if verb == START:
        sources = frozenset(answerable | {OccurrenceStatus.SKIPPED})
        if not await store.answer_occurrence(occurrence.id, sources, OccurrenceStatus.STARTED):
            return Handled(Outcome(notice="Already started"), dialog_state)
        exercise = occurrence.reminder.exercise or last_exercise
        return Handled(Outcome(notice="Let's go", chosen="Started"), dialog_state, exercise)
    if verb == SNOOZE:
        until = now + timedelta(minutes=SNOOZE_MINUTES)
        if status is OccurrenceStatus.SNOOZED or not await store.answer_occurrence(
            occurrence.id, frozenset({OccurrenceStatus.SENT}), OccurrenceStatus.SNOOZED, until
        ):
            return Handled(Outcome(notice=f"Already {status.value}"), dialog_state)
        local = until.astimezone(zone(occurrence.reminder.zone))
        chosen = f"Snoozed until {local:%H:%M}"
        return Handled(Outcome(notice=chosen, chosen=chosen), dialog_state, changed=True)
    if not await store.answer_occurrence(
        occurrence.id, frozenset(answerable), OccurrenceStatus.SKIPPED
    ):
        return Handled(Outcome(notice=f"Already {status.value}"), dialog_state)
    return Handled(Outcome(notice="Skipped", chosen="Skipped today"), dialog_state)
