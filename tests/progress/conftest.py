"""A chat with the coach on the SQL store on SQLite and PostgreSQL, with scripted sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.answers.answerer import Answerer
from bot.app import build_coach
from bot.coach.engine import Coach
from bot.coach.events import Event
from bot.coach.ports import SetEntry, Side, UserRecord, WorkoutRecord
from bot.coach.replies import Button, Outcome, Reply
from bot.coach.state import State, Step, read_state
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library
from bot.storage import Database
from tests.coach.driver import EngineChat

START = datetime(2026, 3, 2, 17, 30, tzinfo=UTC)  # a Monday evening


@dataclass
class SqlChat(EngineChat):
    """One user talking to the coach; every event is one unit of work on the real database."""

    coach: Coach
    database: Database
    key: str = "ana"
    now: datetime = START
    outcomes: list[Outcome] = field(default_factory=list)
    keyboard: tuple[tuple[Button, ...], ...] = ()

    async def _apply(self, event: Event) -> Outcome:
        async with self.database.unit() as store:
            return await self.coach.handle(store, self.key, event, self.now)

    def button(self, label: str) -> Button:
        """A button of the last event's replies (mid-workout the step's own comes last), else
        of the newest keyboard shown."""
        shown = [
            row for r in (self.outcomes[-1].replies if self.outcomes else []) for row in r.buttons
        ]
        found = [b for row in (*shown, *self.keyboard) for b in row if b.label == label]
        assert found, f"no button {label!r} in {self.labels}"
        return found[0]

    @property
    def replies(self) -> list[Reply]:
        return self.outcomes[-1].replies

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.replies)

    async def user(self) -> UserRecord | None:
        async with self.database.unit() as store:
            return await store.user_by_key(self.key)

    async def state(self) -> State:
        user = await self.user()
        assert user is not None
        state = read_state(user.state)
        assert state is not None
        return state

    async def workouts(self) -> list[WorkoutRecord]:
        user = await self.user()
        if user is None:
            return []
        async with self.database.unit() as store:
            return await store.workouts(user.id, limit=1000)

    async def sets(self) -> list[SetEntry]:
        user = await self.user()
        if user is None:
            return []
        async with self.database.unit() as store:
            return await store.all_sets(user.id)

    async def session(
        self,
        plan: str,
        left: Sequence[int | str],
        right: Sequence[int | str] = (),
        effort: str = "right",
        days: float = 2,
    ) -> None:
        """A whole workout `days` after the last event: /workout PLAN, each side's reps as the
        coach asks for them (whichever leg it asks for first), then how it felt."""
        self.now += timedelta(days=days)
        await self.command("workout", plan)
        reps = {Side.LEFT: list(left), Side.RIGHT: list(right), Side.BOTH: list(left)}
        while (state := await self.state()).step in (Step.SET, Step.SWITCH, Step.REST):
            assert state.progress is not None
            await self.say(str(reps[state.progress.side][state.progress.set_number - 1]))
        assert state.step is Step.EFFORT, self.text
        await self.say(effort)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


@pytest.fixture(scope="session")
def coach(library: Library) -> Coach:
    return build_coach(library, Answerer(library))


@pytest.fixture
def chat(coach: Coach, database: Database) -> SqlChat:
    return SqlChat(coach, database)


__all__ = ["START", "SqlChat"]
