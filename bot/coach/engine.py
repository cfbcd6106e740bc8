"""The coach: load the user, route one event to a feature or the current step, save, reply."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from datetime import datetime

from bot.answers.model import Topic
from bot.coach import codec
from bot.coach import core_commands as commands
from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.events import Command, Document, Event, Press, Text, TimerDue
from bot.coach.features import Feature, Features
from bot.coach.ports import CoachStore, WorkoutStatus
from bot.coach.replies import Outcome
from bot.coach.state import PLAN_STEPS, TIMED_STEPS, WORKOUT_STEPS, State, Step, idle, read_state
from bot.coach.steps import STEPS, declared
from bot.coach.turn import QuestionAnswerer, Turn, sides
from bot.content import Library

log = logging.getLogger(__name__)

LOST_PLACE = "Sorry, I lost my place in our chat. Your logged sets are safe; let's start fresh."
SAFETY = "Pain is a stop sign: stop the exercise. I'm a coach, not medical advice; see a physio."
STALE = "That button is out of date"
NO_FILES = "I can't read files here. Type your answer, or /help."
ALREADY_HAD = "I have that already. Here's where we are:"


class Coach:
    def __init__(
        self, library: Library, answerer: QuestionAnswerer, features: Iterable[Feature] = ()
    ) -> None:
        self.library = library
        self.answerer = answerer
        self.features = Features(features)
        # Moves the table does not declare, seen since start (bot/coach/README.md's diagram
        # must show every move the coach makes; the tests check this stays empty).
        self.undeclared: set[tuple[Step, Step]] = set()

    async def handle(
        self, store: CoachStore, user_key: str, event: Event, now: datetime
    ) -> Outcome:
        user = await store.load_user(user_key)
        turn = Turn(store, user, self.library, self.answerer, now, STEPS)
        before = dataclasses.replace(user.settings)
        state = await self._current(turn)
        new = None
        if state is None:
            state = idle(int(now.timestamp()))
            feature = self._feature_for(_as_command(event), state)
            if feature is None or not feature.standalone:
                new = await self._after_reset(turn, state, event)
        if new is None:
            new = await self._route(turn, state, event)
        if turn.follow is not None:  # a feature's button opens the workout (Start now)
            new = await self._route(turn, new, turn.follow)
        if turn.forgotten:
            return turn.out
        if user.settings != before:  # /settings, or /remind's zone: features may follow it
            for feature in self.features.all:
                await feature.settled(turn, before)
        return await self._save(turn, state, new)

    async def where_we_are(self, store: CoachStore, user_key: str, now: datetime) -> Outcome:
        """The step the user is on, asked again, changing nothing and saving nothing: for an
        update applied before whose reply was lost (the runner's re-delivery)."""
        user = await store.load_user(user_key)
        turn = Turn(store, user, self.library, self.answerer, now, STEPS)
        state = await self._current(turn)
        if state is not None:  # a lost place is said by the user's next event, which resets it
            await turn.ask(state, ALREADY_HAD)
        return turn.out

    async def _route(self, turn: Turn, state: State, event: Event) -> State:
        """To the feature that owns the event, else through the current step."""
        event = _as_command(event)
        feature = self._feature_for(event, state)
        talking = state.dialog is not None and isinstance(event, Command | Press | Text | Document)
        if talking and (feature is None or feature.owner != state.dialog.owner):  # type: ignore[union-attr]
            state = state.model_copy(update={"dialog": None})  # that conversation is over
        if feature is None:
            new = await self._dispatch(turn, state, event)
        elif isinstance(event, Command):
            new = await feature.command(turn, state, event.name, event.args)
        elif isinstance(event, Press):
            new = await feature.press(turn, state, event.data[: codec.DATA_MAX * 4])
        elif isinstance(event, Document):
            new = await feature.document(turn, state, event.name, event.data)
        else:
            assert isinstance(event, Text)
            new = await feature.text(turn, state, event.text.strip()[: parse.TEXT_MAX])
        if not declared(state.step, new.step, isinstance(event, Command)):
            self.undeclared.add((state.step, new.step))
            log.error("undeclared move %s -> %s on %s", state.step, new.step, type(event))
        return new

    def _feature_for(self, event: Event, state: State) -> Feature | None:
        if isinstance(event, Command):
            return self.features.for_command(event.name)
        if isinstance(event, Press):
            return self.features.for_owner(event.data.partition(":")[0])
        if isinstance(event, Text):
            return self.features.listening(state)
        if isinstance(event, Document):
            return self.features.documents
        return None

    async def _dispatch(self, turn: Turn, state: State, event: Event) -> State:
        if isinstance(event, Command):
            return await commands.run(turn, state, event.name, event.args)
        if isinstance(event, Press):
            return await _press(turn, state, event.data)
        if isinstance(event, TimerDue):
            timer = turn.steps[state.step].timer
            return await timer(turn, state, event.kind, event.token) if timer else state
        if isinstance(event, Document):  # no feature reads files
            await commands.reask(turn, state, NO_FILES)
            return state
        return await _text(turn, state, event.text)

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

    async def _after_reset(self, turn: Turn, state: State, event: Event) -> State | None:
        """The stored state was lost: say so. None when the event still runs (a command)."""
        turn.out.cancel_timer = True
        if isinstance(event, Press):
            turn.out.notice = STALE
        if isinstance(event, Command):
            turn.say(LOST_PLACE)
            return None
        if not isinstance(event, TimerDue):
            await turn.ask(state, LOST_PLACE)
        return state


def _as_command(event: Event) -> Event:
    """A typed "/remind 7pm" is the command."""
    if isinstance(event, Text) and event.text.strip().startswith("/"):
        name, _, args = event.text.strip()[1:].partition(" ")
        return Command(name.lower().split("@")[0], args.strip())
    return event


async def _text(turn: Turn, state: State, text: str) -> State:
    text = text.strip()
    if not text:
        await turn.ask(state, "I didn't catch anything there.")
        return state
    if len(text) > parse.TEXT_MAX:
        await turn.ask(state, commands.TOO_LONG)
        return state
    if state.step not in WORKOUT_STEPS and parse.reports_pain(text):
        return await _pain_outside_a_set(turn, state, text)
    new = await turn.steps[state.step].text(turn, state, text)
    if new is None:  # not an answer to this step: a question, answered without moving on
        return await commands.answer(turn, state, text)
    return new


async def _pain_outside_a_set(turn: Turn, state: State, text: str) -> State:
    """Pain before a workout starts cancels the plan; otherwise it is answered, safety first."""
    ex = turn.library.get(state.exercise or "")
    safety = ex.safety if ex else SAFETY
    if state.step in PLAN_STEPS:
        turn.say(f"Let's not train this today.\n{safety}")
        return state.to(Step.IDLE, draft=None, progress=None)
    reply = turn.answerer.answer(text, state.exercise)
    said_it = reply.topic is Topic.MEDICAL or reply.text.startswith(safety)  # one disclaimer
    await commands.reask(turn, state, reply.text if said_it else f"{safety}\n{reply.text}")
    return state


def _logs(action: str) -> bool:
    return action == kb.SKIP or action.startswith(("n:", "f:"))


async def _press(turn: Turn, state: State, data: str) -> State:
    """A workout button: applied only when the current step offers exactly this data."""
    decoded = kb.decode(data)
    if decoded == (state.token, kb.MORE) and state.asked is not None:
        turn.out.chosen = "More"
        return await commands.answer(turn, state, "more")  # the rest of the last answer
    pressed = next((b for row in turn.offered(state) for b in row if b.data == data), None)
    if pressed is None or decoded is None:
        logged = decoded is not None and decoded[0] < state.token and _logs(decoded[1])
        turn.out.notice = "Already logged" if logged else STALE
        return state
    turn.out.chosen = pressed.label
    return await turn.steps[state.step].press(turn, state, decoded[1])
