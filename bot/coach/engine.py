"""The coach's facade: load the user, run one event through the current step, save, reply."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.coach import buttons as kb
from bot.coach import commands, planning, setloop, summary
from bot.coach import parsing as parse
from bot.coach.events import Command, Event, Press, Text, TimerDue
from bot.coach.ports import CoachStore, WorkoutStatus
from bot.coach.prompts import ask, offered
from bot.coach.replies import Outcome
from bot.coach.state import PLAN_STEPS, WORKOUT_STEPS, State, Step, idle, read_state
from bot.coach.turn import Answerer, Turn, sides
from bot.content import Library
from bot.progress import commands as progress_commands
from bot.reminders import flow
from bot.reminders.texts import START as REMINDER_START

TIMED_STEPS = frozenset({Step.SWITCH, Step.REST})
LOST_PLACE = "Sorry, I lost my place in our chat. Your logged sets are safe; let's start fresh."
SAFETY = "Pain is a stop sign: stop the exercise. I'm a coach, not medical advice; see a physio."


class Coach:
    def __init__(self, library: Library, answerer: Answerer) -> None:
        self.library = library
        self.answerer = answerer

    async def handle(
        self, store: CoachStore, user_key: str, event: Event, now: datetime
    ) -> Outcome:
        user = await store.load_user(user_key)
        turn = Turn(store, user, self.library, self.answerer, now)
        state = await self._current(turn)
        dialog = state.reminder_dialog if state is not None else None
        if flow.wants(_as_command(event), _listening(state)):
            return await self._remind(turn, state or idle(int(now.timestamp())), event)
        zone = user.settings.timezone
        if state is None:
            state = idle(int(now.timestamp()))
            new = await self._after_reset(turn, state, event)
        else:
            if dialog is not None and isinstance(event, Command | Press | Text):
                state = state.model_copy(update={"reminder_dialog": None})  # /remind talk over
            new = await _dispatch(turn, state, event)
        if turn.forgotten:
            return turn.out
        if user.settings.timezone != zone and user.settings.timezone is not None:
            # /settings moved the user: their reminders keep their wall-clock times there.
            await store.reminders.set_zone(user.id, user.settings.timezone, now)
            turn.out.reminders_changed = True
        return await self._save(turn, state, new)

    async def _remind(self, turn: Turn, state: State, event: Event) -> Outcome:
        """/remind, its buttons and answers, and the reminder message's buttons (bot/reminders)."""
        last = await turn.store.workouts(turn.user.id, limit=1)
        handled = await flow.handle(
            turn.store.reminders, turn.user, _as_command(event), state.reminder_dialog,
            self.library, turn.now, last[0].exercise if last else None,
        )  # fmt: skip
        new = state.model_copy(update={"reminder_dialog": handled.dialog_state})
        out = handled.outcome
        out.reminders_changed = handled.changed
        if handled.start_exercise is not None or _pressed_start(event, out):
            # Start now: open the workout as /workout would (mid-workout, it says so instead).
            ex = self.library.get(handled.start_exercise or "")
            new = new.model_copy(update={"reminder_dialog": None})
            new = await _dispatch(turn, new, Command("workout", ex.name if ex else ""))
            out.replies += turn.out.replies
            out.timer, out.cancel_timer = turn.out.timer, turn.out.cancel_timer
        turn.out = out
        return await self._save(turn, state, new)

    async def _save(self, turn: Turn, state: State, new: State) -> Outcome:
        user = turn.user
        # A countdown belongs to its step: once the step moves on (or was lost), it means nothing.
        moved = new.token != state.token or new.step not in TIMED_STEPS
        if turn.out.timer is None and moved and (user.timer is not None or turn.out.cancel_timer):
            turn.out.cancel_timer = True
            user.timer = None
        elif turn.out.timer is not None:
            user.timer = turn.out.timer
        user.state = new.dump()
        await turn.store.save_user(user)
        return turn.out

    async def _current(self, turn: Turn) -> State | None:
        """The stored state, or None when it is unreadable or no longer makes sense."""
        state = read_state(turn.user.state)
        if state is None:
            return None
        if state.exercise is not None and state.exercise not in self.library:
            return None
        progress = state.progress
        if progress is None:
            return state
        ex = self.library[state.exercise or ""]
        if progress.side not in sides(ex, progress.lead):
            return None
        workout = await turn.store.workout(progress.workout_id)
        if workout is None or workout.user_id != turn.user.id:
            return None
        if state.step in WORKOUT_STEPS and workout.status is not WorkoutStatus.ACTIVE:
            return None
        return state

    async def _after_reset(self, turn: Turn, state: State, event: Event) -> State:
        turn.out.cancel_timer = True
        if isinstance(event, Press):
            turn.out.notice = "That button is out of date"
        if isinstance(event, Command):
            turn.say(LOST_PLACE)
            return await _dispatch(turn, state, event)
        if not isinstance(event, TimerDue):
            await ask(turn, state, LOST_PLACE)
        return state


def _listening(state: State | None) -> dict[str, Any] | None:
    """The /remind dialog state when typed text is for it: while it asks something, or shows
    the list with nothing else waiting; mid-workout, a list does not swallow the reps."""
    dialog = state.reminder_dialog if state is not None else None
    if dialog is None or state is None:
        return None
    return None if dialog.get("step") == "list" and state.step is not Step.IDLE else dialog


def _as_command(event: Event) -> Event:
    """A typed "/remind 7pm" is the command, as _text would read it."""
    if isinstance(event, Text) and event.text.strip().startswith("/"):
        name, _, args = event.text.strip()[1:].partition(" ")
        return Command(name.lower().split("@")[0], args.strip())
    return event


def _pressed_start(event: Event, out: Outcome) -> bool:
    """Start now under a reminder for any exercise, with nothing trained yet: /workout asks."""
    started = isinstance(event, Press) and event.data.startswith(f"rm:{REMINDER_START}:")
    return started and out.chosen == "Started"


async def _dispatch(turn: Turn, state: State, event: Event) -> State:
    if isinstance(event, Command):
        return await commands.run(turn, state, event.name, event.args)
    if isinstance(event, Press):
        return await _press(turn, state, event.data)
    if isinstance(event, TimerDue):
        return await setloop.timer_due(turn, state, event.kind, event.token)
    return await _text(turn, state, event.text)


async def _text(turn: Turn, state: State, text: str) -> State:
    text = text.strip()
    if not text:
        await ask(turn, state, "I didn't catch anything there.")
        return state
    if len(text) > parse.TEXT_MAX:
        await ask(turn, state, commands.TOO_LONG)
        return state
    if text.startswith("/"):
        name, _, args = text[1:].partition(" ")
        return await commands.run(turn, state, name, args)
    if state.step not in WORKOUT_STEPS and parse.reports_pain(text):
        return await _pain_outside_a_set(turn, state, text)
    new = await _answer_for_step(turn, state, text)
    if new is None:  # not an answer to this step: a question, answered without moving on
        await commands.answer(turn, state, text)
        return state
    return new


async def _answer_for_step(turn: Turn, state: State, text: str) -> State | None:
    if state.step in WORKOUT_STEPS:
        return await setloop.workout_text(turn, state, text)
    if state.step in PLAN_STEPS:
        return await planning.plan_text_answer(turn, state, text)
    if state.step is Step.CHOOSE:
        return await planning.choose_text(turn, state, text)
    if state.step is Step.EFFORT:
        return await summary.effort_text(turn, state, text)
    if parse.simplify(text) in {"workout", "start", "train", "start workout", "lets train"}:
        return await planning.workout_command(turn, state, "")
    return None


async def _pain_outside_a_set(turn: Turn, state: State, text: str) -> State:
    """Pain before a workout starts cancels the plan; otherwise it is answered, safety first."""
    ex = turn.library.get(state.exercise or "")
    safety = ex.safety if ex else SAFETY
    if state.step in PLAN_STEPS:
        turn.say(f"Let's not train this today.\n{safety}")
        return state.to(Step.IDLE, draft=None, progress=None)
    reply = turn.answerer.answer(text, state.exercise)
    answer = reply.text if reply.text.startswith(safety) else f"{safety}\n{reply.text}"
    await commands.reask(turn, state, answer)
    return state


def _logs(action: str) -> bool:
    return action == kb.SKIP or action.startswith(("n:", "f:"))


async def _press(turn: Turn, state: State, data: str) -> State:
    if progress_commands.owns(data):  # history pages, settings, /deleteme, today's plan
        return await progress_commands.press(turn, state, data)
    pressed = next((b for row in offered(turn, state) for b in row if b.data == data), None)
    if pressed is None:
        decoded = kb.decode(data[: kb.DATA_MAX * 4])
        logged = decoded is not None and decoded[0] < state.token
        logged = logged and decoded is not None and _logs(decoded[1])
        turn.out.notice = "Already logged" if logged else "That button is out of date"
        return state
    turn.out.chosen = pressed.label
    decoded = kb.decode(data)
    assert decoded is not None
    action = decoded[1]
    if state.step in WORKOUT_STEPS:
        return await setloop.workout_press(turn, state, action)
    if state.step in PLAN_STEPS:
        return await planning.plan_press(turn, state, action)
    if state.step is Step.EFFORT:
        return await summary.effort_press(turn, state, action)
    if action == kb.START:
        return await planning.workout_command(turn, state, "")
    return await planning.begin(turn, state, action.removeprefix("e:"))
