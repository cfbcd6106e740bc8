"""The reminders' part of one event: /remind, its buttons, the reminder message's buttons."""

# The engine's entry points:
#
#   wants(event: Event, dialog: RemindDialog | None) -> bool
#   async handle(store: ReminderStore, user: UserRecord, event: Event,
#                dialog: RemindDialog | None, library: Mapping[str, Exercise], now: datetime,
#                last_exercise: str | None = None, *, token: int) -> Handled
#
# `dialog` is the open /remind conversation kept with the user's state (RemindDialog.dump/read
# store it as JSON), None when there is none; `token` is the user's current step token. When
# wants() says True, the engine calls handle() inside the same unit of work as everything else
# for the event, keeps Handled.dialog with the user's state, and saves the user (handle may set
# user.settings.timezone). Unless Handled.keep_step, it then moves the user's state to a new
# step, token + 1: the buttons of the replies here carry that token, and the ones shown before go
# stale. keep_step is True whenever no new buttons went out (a stale, forged or someone else's
# press, "Already paused", a re-prompt without buttons, the reminder message's Skip): the token
# stays, so the buttons on screen stay current.

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.coach import codec
from bot.coach.events import Command, Event, Press, Text
from bot.coach.ports import UserRecord
from bot.coach.replies import Outcome, Reply
from bot.content import Exercise
from bot.reminders import dialog as conversation
from bot.reminders.actions import (
    Action,
    Create,
    Delete,
    Pause,
    Resume,
    SetZone,
    Update,
    row_id,
    small_id,
)
from bot.reminders.dialog_state import RemindDialog
from bot.reminders.domain import OccurrenceStatus, ReminderStore
from bot.reminders.schedule import Rule, require_aware
from bot.reminders.texts import (
    BUTTON_OWNER,
    MESSAGE_VERBS,
    SNOOZE,
    SNOOZE_MINUTES,
    START,
)
from bot.reminders.zones import zone

_GONE = conversation.GONE


@dataclass
class Handled:
    outcome: Outcome
    dialog: RemindDialog | None
    # Start now was pressed: the engine opens a workout of this exercise (a slug) next.
    start_exercise: str | None = None
    # Reminders were created, changed or snoozed: call ReminderService.changed() after commit.
    changed: bool = False
    applied: list[Action] = field(default_factory=list)
    # True: no new buttons went out, so the engine keeps the user's step token and the buttons
    # already on screen stay current (a forged "rm:" press mid-set leaves the set's buttons
    # working). False: the replies carry buttons at token + 1; move the user's state there.
    keep_step: bool = False


def wants(event: Event, dialog: RemindDialog | None) -> bool:
    """Is this event for the reminders? /remind, an "rm:" button, or text while /remind asks."""
    if isinstance(event, Command):
        return event.name == "remind"
    if isinstance(event, Press):
        return event.data.startswith(f"{BUTTON_OWNER}:")
    return isinstance(event, Text) and dialog is not None


async def handle(
    store: ReminderStore,
    user: UserRecord,
    event: Event,
    dialog: RemindDialog | None,
    library: Mapping[str, Exercise],
    now: datetime,
    last_exercise: str | None = None,
    *,
    token: int,
) -> Handled:
    """Run the event through the /remind dialog or the reminder buttons and apply what it asks."""
    now = require_aware(now)
    pressed = message_press(event.data) if isinstance(event, Press) else None
    if pressed is not None:
        verb, occurrence_id = pressed
        return await _message_press(store, user, verb, occurrence_id, now, last_exercise, dialog)
    reminders = await store.list_reminders(user.id)
    ctx = conversation.Context(
        reminders, user.settings.timezone, last_exercise, library, now, token=token
    )
    if isinstance(event, Command):
        turn = conversation.start(event.args, ctx)
    elif isinstance(event, Press):
        turn = conversation.on_press(event.data, dialog, ctx)
    elif isinstance(event, Text) and dialog is not None:
        turn = conversation.on_text(event.text, dialog, ctx)
    else:
        return Handled(Outcome(), dialog, keep_step=True)
    outcome = Outcome(list(turn.replies), notice=turn.notice, chosen=turn.chosen)
    applied: list[Action] = []
    for action in turn.actions:
        if await _apply(store, user, action, now):
            applied.append(action)
        else:
            outcome.replies.append(Reply(_GONE))
            outcome.notice = _GONE
    changed = any(isinstance(a, Create | Update | Resume | SetZone) for a in applied)
    keep_step = not any(reply.buttons for reply in outcome.replies)
    return Handled(outcome, turn.dialog, changed=changed, applied=applied, keep_step=keep_step)


def message_press(data: str) -> tuple[str, int | None] | None:
    """(verb, occurrence id) when this is a press under a reminder message, else None; the id is
    None when the data names no occurrence there can be ("rm:sk:abc")."""
    pressed = codec.decode(data)
    if pressed is not None and pressed.owner == BUTTON_OWNER and pressed.action in MESSAGE_VERBS:
        return (pressed.action, row_id(pressed.token)) if not pressed.args else None
    # Sent before the one codec, and still in users' chats: "rm:<verb>:<occurrence id>".
    owner, _, rest = data.partition(":")
    verb, _, raw_id = rest.partition(":")
    if owner == BUTTON_OWNER and verb in MESSAGE_VERBS and ":" not in raw_id:
        return verb, small_id(raw_id)
    return None


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


async def _message_press(
    store: ReminderStore,
    user: UserRecord,
    verb: str,
    occurrence_id: int | None,
    now: datetime,
    last_exercise: str | None,
    dialog: RemindDialog | None,
) -> Handled:
    """Start now / Snooze 30 min / Skip today under a reminder message; the conversation, if
    one is open, stays as it was."""
    if occurrence_id is None:
        return _toast(dialog, _GONE)
    occurrence = await store.user_occurrence(user.id, occurrence_id)
    if occurrence is None:  # gone, or someone else's: the same answer, and nothing changes
        return _toast(dialog, _GONE)
    status = occurrence.status
    answerable = {OccurrenceStatus.SENT, OccurrenceStatus.SNOOZED}
    if verb == START:
        sources = frozenset(answerable | {OccurrenceStatus.SKIPPED})
        if not await store.answer_occurrence(occurrence.id, sources, OccurrenceStatus.STARTED):
            return _toast(dialog, "Already started")
        exercise = occurrence.reminder.exercise or last_exercise
        return Handled(Outcome(notice="Let's go", chosen="Started"), dialog, exercise)
    if verb == SNOOZE:
        until = now + timedelta(minutes=SNOOZE_MINUTES)
        if status is OccurrenceStatus.SNOOZED or not await store.answer_occurrence(
            occurrence.id, frozenset({OccurrenceStatus.SENT}), OccurrenceStatus.SNOOZED, until
        ):
            return _toast(dialog, f"Already {status.value}")
        local = until.astimezone(zone(occurrence.reminder.zone))
        chosen = f"Snoozed until {local:%H:%M}"
        outcome = Outcome(notice=chosen, chosen=chosen)
        return Handled(outcome, dialog, changed=True, keep_step=True)
    if not await store.answer_occurrence(
        occurrence.id, frozenset(answerable), OccurrenceStatus.SKIPPED
    ):
        return _toast(dialog, f"Already {status.value}")
    outcome = Outcome(notice="Skipped", chosen="Skipped today")
    return Handled(outcome, dialog, keep_step=True)


def _toast(dialog: RemindDialog | None, notice: str) -> Handled:
    return Handled(Outcome(notice=notice), dialog, keep_step=True)
