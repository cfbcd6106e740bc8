"""PostgreSQL backends terminated mid-update: Telegram is told to deliver again, applied once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.content import Library
from bot.telegram.handlers import SORRY, SORRY_UNSENT
from tests.fakebotapi import FakeBotApi
from tests.reliability.scripted import EXPECTED, PLAN
from tests.telegram.harness import Harness, WrappedStore, coach_settings, logged_sets, wrap_units

pytestmark = [pytest.mark.reliability, pytest.mark.e2e, pytest.mark.postgres]

TAPS = ("8", "Go now", "9", "Skip rest", "8", "Go now", "7")
REPS = frozenset({"8", "9", "7"})


@pytest.fixture
async def harness(
    api: FakeBotApi, empty_database_url: str, library: Library
) -> AsyncIterator[Harness]:
    running = Harness(api, coach_settings(api, empty_database_url, "webhook"), library)
    await running.start()
    yield running
    await running.stop()


class Terminator:
    """Terminates the backend of the next `times` units that log a set, just before they do,
    as an operator's pg_terminate_backend or a failover would."""

    def __init__(self, database_url: str, times: int = 0) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self.dsn = url.render_as_string(hide_password=False)
        self.left = times

    def wrap(self, store: Any) -> WrappedStore:
        terminator = self

        class Terminated(WrappedStore):
            async def log_set(self, entry: Any) -> Any:
                if terminator.left > 0:
                    terminator.left -= 1
                    found = await store.connection.execute(text("SELECT pg_backend_pid()"))
                    await terminator.terminate(found.scalar_one())
                return await store.log_set(entry)

        return Terminated(store)

    async def terminate(self, pid: int) -> None:
        admin = await asyncpg.connect(self.dsn)
        try:
            await admin.execute("SELECT pg_terminate_backend($1)", pid)
        finally:
            await admin.close()


@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_updates_whose_backend_was_terminated_are_delivered_again_and_applied_once(
    harness: Harness, api: FakeBotApi, empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = harness.chat()
    await chat.command("workout", PLAN)
    terminator = Terminator(empty_database_url)
    wrap_units(monkeypatch, harness.services.database, terminator.wrap)
    first_answers: list[int | None] = []
    for label in TAPS:
        update = chat.user.press(api.records.last_keyboard(chat.id), label)
        terminator.left = 1  # the first delivery's unit, if it logs a set
        status = await api.deliver(update)
        first_answers.append(status)
        while status != 200:  # what Telegram does with a webhook answer that is not 2XX
            status = await api.deliver(update)

    # Each rep count met a dead backend: answered 503, so Telegram sent it again.
    assert [s for label, s in zip(TAPS, first_answers, strict=True) if label in REPS] == [503] * 4
    assert await logged_sets(harness, chat.id) == EXPECTED  # every set once, in order
    shown = chat.texts()
    assert SORRY not in shown and SORRY_UNSENT not in shown
    assert not [t for t in shown if "couldn't reach" in t or "nothing was changed" in t]
    assert shown[-1] == "How did that feel?"
    assert not api.records.open_queries  # every press answered, by the delivery that worked
