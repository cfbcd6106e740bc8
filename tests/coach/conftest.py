"""A chat with the engine over the in-memory store: say things, press buttons, let timers fire."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Answer, Subject
from bot.app import build_coach
from bot.coach.engine import Coach
from bot.coach.events import Event, TimerDue
from bot.coach.ports import SetEntry, Side
from bot.coach.replies import Button, Outcome, Timer
from bot.coach.state import State, Step, read_state
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library
from tests.coach.driver import EngineChat
from tests.coach.fakes import FakeStore

START = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


class SpyAnswerer:
    """The real answerer, remembering what it was asked (tests must not rely on its wording)."""

    def __init__(self, library: Library) -> None:
        self.real = Answerer(library)
        self.asked: list[tuple[str, str | None]] = []

    def answer(
        self, question: str, exercise: str | None = None, previous: Subject | None = None
    ) -> Answer:
        self.asked.append((question, exercise))
        return self.real.answer(question, exercise, previous)

    def help(self) -> str:
        return self.real.help()


@dataclass
class Chat(EngineChat):
    coach: Coach
    store: FakeStore
    key: str = "ana"
    now: datetime = START
    outcomes: list[Outcome] = field(default_factory=list)
    keyboard: tuple[tuple[Button, ...], ...] = ()

    async def _apply(self, event: Event) -> Outcome:
        return await self.coach.handle(self.store, self.key, event, self.now)

    async def fire(self, timer: Timer | None = None) -> Outcome:
        """Let the pending timer (or the given one) come due."""
        timer = timer or self.timer
        assert timer is not None, "no timer is pending"
        seconds = max(0.0, (timer.due_at - self.now).total_seconds())
        return await self.send(TimerDue(timer.kind, timer.token), seconds)

    @property
    def timer(self) -> Timer | None:
        return self.store.users[self.key].timer

    @property
    def text(self) -> str:
        """Everything the last event's replies said."""
        return "\n".join(r.text for r in self.outcomes[-1].replies)

    @property
    def state(self) -> State:
        state = read_state(self.store.users[self.key].state)
        assert state is not None
        return state

    @property
    def place(self) -> State:
        """Where the user is, without what they last asked about (a question may change
        that, never the workout)."""
        return self.state.model_copy(update={"asked": None})

    def step(self) -> Step:
        """The current step (a method, so type checkers don't pin it between events)."""
        return self.state.step

    @property
    def sets(self) -> list[SetEntry]:
        return self.store.sets_of(self.key) if self.key in self.store.users else []

    @property
    def logged(self) -> list[tuple[int, str, int | None]]:
        return [(e.set_number, e.side.value, e.reps) for e in self.sets]

    async def settings(self, **changes: object) -> None:
        """Change this user's settings, as /settings will."""
        await self.store.load_user(self.key)
        for name, value in changes.items():
            setattr(self.store.users[self.key].settings, name, value)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


@pytest.fixture
def answerer(library: Library) -> SpyAnswerer:
    return SpyAnswerer(library)


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def coach(library: Library, answerer: SpyAnswerer) -> Iterator[Coach]:
    coach = build_coach(library, answerer)
    yield coach
    # Every move the test made is one the step table declares (and so the diagram shows).
    assert coach.undeclared == set()


@pytest.fixture
def chat(coach: Coach, store: FakeStore) -> Chat:
    return Chat(coach, store)


__all__ = ["START", "Chat", "Side", "SpyAnswerer"]
