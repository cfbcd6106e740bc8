"""The reminders as a feature of the coach: /remind, its questions and buttons, and the buttons
under a reminder message (Start now opens the workout in the same event)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bot.coach.events import Command, Event, Press, Text
from bot.coach.features import Feature
from bot.coach.ports import CoachStore, UserSettings
from bot.coach.replies import Timer
from bot.coach.state import TIMED_STEPS, Dialog, State, Step
from bot.coach.turn import Turn
from bot.reminders import flow
from bot.reminders.dialog_state import RemindDialog
from bot.reminders.domain import ReminderStore
from bot.reminders.texts import START

OWNER = "rm"


@runtime_checkable
class RemindersUnit(Protocol):
    """The unit of work as the reminders see it: the coach's store with their own beside it."""

    @property
    def reminders(self) -> ReminderStore: ...


def reminder_store(store: CoachStore) -> ReminderStore:
    """The reminders' part of this unit of work (bot.storage's store has it; so do the fakes)."""
    if not isinstance(store, RemindersUnit):
        raise TypeError("this store keeps no reminders")
    return store.reminders


class RemindersFeature(Feature):
    commands = frozenset({"remind"})
    owner = OWNER
    standalone = True  # a reminder's buttons work wherever the user is

    def listens(self, state: State) -> bool:
        """Typed text is for /remind while it asks something, or shows the list with nothing else
        waiting; mid-workout, a list does not swallow the reps."""
        dialog = _dialog(state)
        if dialog is None:
            return False
        return not (dialog.step == "list" and state.step is not Step.IDLE)

    async def command(self, turn: Turn, state: State, name: str, args: str) -> State:
        return await self._handle(turn, state, Command(name, args))

    async def press(self, turn: Turn, state: State, data: str) -> State:
        return await self._handle(turn, state, Press(data))

    async def text(self, turn: Turn, state: State, text: str) -> State:
        return await self._handle(turn, state, Text(text))

    async def settled(self, turn: Turn, before: UserSettings) -> None:
        zone = turn.user.settings.timezone
        if zone is not None and zone != before.timezone:
            # /settings (or /remind) moved the user: their reminders keep their wall-clock times.
            await reminder_store(turn.store).set_zone(turn.user.id, zone, turn.now)
            turn.out.reminders_changed = True

    async def _handle(self, turn: Turn, state: State, event: Event) -> State:
        last = await turn.store.workouts(turn.user.id, limit=1)
        handled = await flow.handle(
            reminder_store(turn.store), turn.user, event, _dialog(state), turn.library, turn.now,
            last[0].exercise if last else None, token=state.token,
        )  # fmt: skip
        out = handled.outcome
        turn.out.replies += out.replies
        turn.out.notice, turn.out.chosen = out.notice, out.chosen
        turn.out.reminders_changed = turn.out.reminders_changed or handled.changed
        dialog = handled.dialog
        kept = Dialog(owner=OWNER, data=dialog.dump()) if dialog is not None else None
        # Buttons went out with the next token (the dialog's rule): the state takes it, unless
        # nothing new was shown and the buttons on screen must keep working.
        token = state.token if handled.keep_step else state.token + 1
        new = state.model_copy(update={"dialog": kept, "token": token})
        pending = turn.user.timer
        if token != state.token and pending is not None and state.step in TIMED_STEPS:
            # The rest or switch countdown belongs to the step, which only took a new token.
            turn.out.timer = Timer(pending.kind, token, pending.due_at)
        started = isinstance(event, Press) and out.chosen == "Started"
        if handled.start_exercise is not None or (started and _is_start(event)):
            # Start now: the workout opens as /workout would (mid-workout, it says so instead).
            ex = turn.library.get(handled.start_exercise or "")
            new = new.model_copy(update={"dialog": None})
            turn.follow = Command("workout", ex.name if ex else "")
        return new


def _dialog(state: State) -> RemindDialog | None:
    open_here = state.dialog is not None and state.dialog.owner == OWNER
    return RemindDialog.read(state.dialog.data) if open_here and state.dialog else None


def _is_start(event: Event) -> bool:
    """Start now under a reminder (either form of its button data)."""
    pressed = flow.message_press(event.data) if isinstance(event, Press) else None
    return pressed is not None and pressed[0] == START
