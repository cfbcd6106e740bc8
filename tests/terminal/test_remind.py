"""/remind in the terminal chat: set by typed lines, printed when due, its buttons numbered."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta

import pytest

from bot.answers.answerer import Answerer
from bot.app import build_coach
from bot.config import DEFAULT_CONTENT_DIR, Settings
from bot.content import Library, load_library
from bot.reminders.domain import Reminder
from bot.storage import Database
from bot.terminal.chat import TerminalChat, terminal_reminders
from bot.terminal.screen import read_line


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


async def lines(*typed: str) -> AsyncIterator[str]:
    for line in typed:
        yield line + "\n"


async def _reminders(database: Database, key: str) -> list[Reminder]:
    async with database.unit() as store:
        user = await store.load_user(key)
        return await store.reminders.list_reminders(user.id)


async def test_a_reminder_typed_in_the_terminal_prints_when_due_and_starts_the_workout(
    database: Database, library: Library
) -> None:
    out = io.StringIO()
    moment = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    chat = TerminalChat(
        database,
        build_coach(library, Answerer(library)),
        "t1",
        out,
        echo=True,
        clock=lambda: moment,
    )
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    chat.reminders = terminal_reminders(database, chat, library, settings)
    await chat.run(lines("/remind", "weekdays at 7pm, Europe/Berlin", "Glute bridge"))
    printed = out.getvalue()
    assert "When should I remind you" in printed and "Which exercise" in printed
    assert "Done: Weekdays at 19:00 (Europe/Berlin) · Glute bridge" in printed
    [reminder] = await _reminders(database, "t1")
    assert (reminder.at, reminder.zone) == (time(19), "Europe/Berlin")
    assert reminder.next_due_at == datetime(2026, 3, 27, 18, 0, tzinfo=UTC)

    # Friday 19:00 in Berlin: the service (only this user's reminders) prints it into the chat.
    moment = reminder.next_due_at
    report = await chat.reminders.run_due(moment)
    assert report.sent == 1
    shown = out.getvalue().split("Done: Weekdays", 1)[1]
    assert "Time for Glute bridge" in shown
    assert "1) Start now" in shown and "2) Snooze 30 min" in shown and "3) Skip today" in shown

    event = read_line("1", chat.keyboard)
    assert event is not None
    await chat.handle(event)
    assert "(Let's go)" in out.getvalue() and "Set 1 of 3 · Both legs" in out.getvalue()


async def test_another_users_reminders_are_not_printed_here(
    database: Database, library: Library
) -> None:
    coach = build_coach(library, Answerer(library))
    moment = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    other = TerminalChat(database, coach, "t2", io.StringIO(), clock=lambda: moment)
    await other.run(lines("/remind every day at 7pm Europe/Berlin glute bridge"))
    assert len(await _reminders(database, "t2")) == 1
    out = io.StringIO()
    mine = TerminalChat(database, coach, "t1", out, clock=lambda: moment)
    service = terminal_reminders(database, mine, library, Settings(_env_file=None))  # type: ignore[call-arg]
    report = await service.run_due(moment + timedelta(hours=7))
    assert report.sent == 0 and "Time for" not in out.getvalue()
