"""One event's worth of work: the store, the user, the clock, and the replies being gathered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.answers.model import Answer
from bot.coach.buttons import Keyboard
from bot.coach.ports import CoachStore, Side, UserRecord
from bot.coach.replies import Outcome, Reply
from bot.coach.state import State
from bot.content import Exercise, Library

# Logged per lowering leg: both feet drive up, one leg lowers (see the content file).
LOWERING_LEG = frozenset({"two-up-one-down-hip-thrust"})


class Answerer(Protocol):
    """What the coach needs of bot.answers.answerer.Answerer."""

    def answer(self, question: str, exercise: str | None = None) -> Answer: ...


@dataclass
class Turn:
    store: CoachStore
    user: UserRecord
    library: Library
    answerer: Answerer
    now: datetime
    out: Outcome = field(default_factory=Outcome)
    # Set by /deleteme once the user's rows are deleted: there is no user left to save.
    forgotten: bool = False

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
