"""One event's worth of work: the store, the user, the clock, the step table, the replies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.answers.model import Answer, Subject
from bot.coach.events import Event
from bot.coach.keyboards import Keyboard
from bot.coach.ports import CoachStore, Side, UserRecord
from bot.coach.replies import Outcome, Reply
from bot.coach.state import State, Step
from bot.content import Exercise, Library

# Logged per lowering leg: both feet drive up, one leg lowers (see the content file).
LOWERING_LEG = frozenset({"two-up-one-down-hip-thrust"})


class QuestionAnswerer(Protocol):
    """What the coach needs of bot.answers.answerer.Answerer."""

    def answer(
        self, question: str, exercise: str | None = None, previous: Subject | None = None
    ) -> Answer: ...

    def help(self) -> str: ...


Prompt = Callable[["Turn", State, str], Awaitable[None]]
KeyboardOf = Callable[["Turn", State], Keyboard]
OnText = Callable[["Turn", State, str], Awaitable[State | None]]
OnPress = Callable[["Turn", State, str], Awaitable[State]]
OnTimer = Callable[["Turn", State, str, int], Awaitable[State]]


@dataclass(frozen=True)
class StepSpec:
    """One row of the step table (bot/coach/steps.py): everything a step does, in one place."""

    about: str  # what the step waits for, in a few words (the diagram's label)
    prompt: Prompt  # says what the step waits for, after an optional lead line
    keyboard: KeyboardOf  # the buttons it shows, and so the only presses it accepts
    text: OnText  # typed text: the new state, or None when it is no answer (a question)
    press: OnPress  # one of its own buttons, by its action ("n:10")
    moves_to: frozenset[Step]  # the steps it may move to (the diagram's arrows)
    timer: OnTimer | None = None  # a countdown of this step came due


@dataclass
class Turn:
    store: CoachStore
    user: UserRecord
    library: Library
    answerer: QuestionAnswerer
    now: datetime
    steps: Mapping[Step, StepSpec]
    out: Outcome = field(default_factory=Outcome)
    # Set by /deleteme once the user's rows are deleted: there is no user left to save.
    forgotten: bool = False
    # An event to run next in the same unit (a reminder's Start now opens the workout).
    follow: Event | None = None

    async def ask(self, state: State, lead: str = "") -> None:
        """Say what the current step waits for, after an optional lead line."""
        await self.steps[state.step].prompt(self, state, lead)

    def offered(self, state: State) -> Keyboard:
        """The buttons the current step accepts (the same ones its prompt shows)."""
        return self.steps[state.step].keyboard(self, state)

    def say(self, text: str, keyboard: Keyboard = ()) -> None:
        self.out.replies.append(Reply(text.strip(), keyboard))

    def exercise(self, state: State) -> Exercise:
        assert state.exercise is not None  # the state validator guarantees it mid-plan and mid-set
        return self.library[state.exercise]


def other(side: Side) -> Side:
    return {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}.get(side, Side.BOTH)


def sides(ex: Exercise, lead: Side) -> list[Side]:
    """The sides of one set, in order: the lead leg then the other, or both legs together."""
    if not ex.unilateral:
        return [Side.BOTH]
    return [lead, other(lead)]


def side_label(ex: Exercise, side: Side) -> str:
    if side is Side.BOTH:
        return "Both legs"
    name = f"{side.value.capitalize()} leg"
    return f"{name} lowering" if ex.slug in LOWERING_LEG else name
