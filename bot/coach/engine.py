"""The coach's facade: load the user, run one event through the current step, save, reply."""

from __future__ import annotations

from datetime import datetime

from bot.coach import buttons as kb
from bot.coach import commands, planning, setloop, summary
from bot.coach import parsing as parse
from bot.coach.events import Command, Event, Press, TimerDue
from bot.coach.ports import CoachStore, WorkoutStatus
from bot.coach.prompts import ask, offered
from bot.coach.replies import Outcome
from bot.coach.state import PLAN_STEPS, WORKOUT_STEPS, State, Step, idle, read_state
from bot.coach.turn import Answerer, Turn, sides
from bot.content import Library
from bot.progress import commands as progress_commands

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
        if state is None:
            state = idle(int(now.timestamp()))
            new = await self._after_reset(turn, state, event)
        else:
            new = await _dispatch(turn, state, event)
        if turn.forgotten:
            return turn.out
        # A countdown belongs to its step: once the step moves on (or was lost), it means nothing.
        moved = new.token != state.token or new.step not in TIMED_STEPS
        if turn.out.timer is None and moved and (user.timer is not None or turn.out.cancel_timer):
            turn.out.cancel_timer = True
            user.timer = None
        elif turn.out.timer is not None:
            user.timer = turn.out.timer
        user.state = new.dump()
        await store.save_user(user)
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
