"""The terminal chat in-process on a real database: timers printed when due, re-armed at start."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Answer, Subject
from bot.app import build_coach
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library
from bot.storage import Database
from bot.terminal.chat import TerminalChat


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


async def lines(*typed: str, then_wait: float = 0.0) -> AsyncIterator[str]:
    for line in typed:
        yield line + "\n"
    await asyncio.sleep(then_wait)  # standard input still open: time for timers to come due


async def _settings(database: Database, key: str, **changes: object) -> None:
    async with database.unit() as store:
        user = await store.load_user(key)
        for name, value in changes.items():
            setattr(user.settings, name, value)
        await store.save_user(user)


def _chat(database: Database, library: Library, out: io.StringIO) -> TerminalChat:
    return TerminalChat(database, build_coach(library, Answerer(library)), "t1", out, echo=True)


async def test_rest_over_is_printed_when_the_timer_comes_due(
    database: Database, library: Library
) -> None:
    await _settings(database, "t1", rest_seconds=1, switch_seconds=0)
    out = io.StringIO()
    await _chat(database, library, out).run(lines("/workout slht 2x5", "5", "5", then_wait=1.6))
    printed = out.getvalue()
    assert "Rest 1 s" in printed
    after_rest = printed.split("Rest's over.", 1)
    assert len(after_rest) == 2 and "Set 2 of 2 · Left leg" in after_rest[1]
    async with database.unit() as store:
        user = await store.user_by_key("t1")
        assert user is not None and user.timer is None  # fired, so nothing left to re-arm


async def test_a_stored_timer_is_rearmed_at_start(database: Database, library: Library) -> None:
    await _chat(database, library, io.StringIO()).run(lines("/workout slht 2x5", "5", "5"))
    async with database.unit() as store:
        user = await store.load_user("t1")
        assert user.timer is not None and user.timer.kind == "rest"
        # As if the chat had been closed for longer than the rest.
        user.timer = replace(user.timer, due_at=datetime.now(UTC) - timedelta(seconds=5))
        await store.save_user(user)
    out = io.StringIO()
    await _chat(database, library, out).run(lines(then_wait=0.5))
    assert "Welcome back" in out.getvalue()
    assert "Rest's over." in out.getvalue() and "Set 2 of 2 · Left leg" in out.getvalue()


async def test_end_of_input_leaves_the_place_saved(database: Database, library: Library) -> None:
    await _chat(database, library, io.StringIO()).run(lines("/workout glute bridge 3x12", "12"))
    out = io.StringIO()
    await _chat(database, library, out).run(lines("skip rest", "11"))
    assert "Welcome back" in out.getvalue() and "Set 2 of 3 · Both legs" in out.getvalue()
    async with database.unit() as store:
        user = await store.user_by_key("t1")
        assert user is not None
        sets = await store.all_sets(user.id)
    assert [(e.set_number, e.reps) for e in sets] == [(1, 12), (2, 11)]


class BrokenAnswerer:
    def answer(
        self, question: str, exercise: str | None = None, previous: Subject | None = None
    ) -> Answer:
        raise RuntimeError("answerer down")

    def help(self) -> str:
        raise RuntimeError("answerer down")


async def test_a_failing_event_says_sorry_and_the_chat_goes_on(
    database: Database, library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    out = io.StringIO()
    chat = TerminalChat(database, build_coach(library, BrokenAnswerer()), "t1", out)
    await chat.run(lines("/workout slht 1x5", "what muscles does this work", "5"))
    assert "Sorry, that didn't work and nothing was changed." in out.getvalue()
    assert "Left leg: 5 ✓" in out.getvalue()
    assert "answerer down" in caplog.text
