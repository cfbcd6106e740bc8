"""Reminders over real HTTP: set by conversation, sent by the service, answered by buttons."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from bot.reminders.domain import Reminder
from tests.telegram.harness import Chat, Harness, logged_sets

pytestmark = pytest.mark.e2e


async def _reminders(harness: Harness, chat: Chat) -> list[Reminder]:
    async with harness.services.database.unit() as store:
        user = await store.load_user(f"tg:{chat.id}")
        return await store.reminders.list_reminders(user.id)


async def _every_day_at_7pm_berlin(chat: Chat) -> None:
    asked = await chat.command("remind")
    assert "When should I remind you" in asked[-1].shown
    await chat.say("every day at 7pm, Europe/Berlin")
    await chat.tap("Single-leg hip thrust")
    assert chat.last.shown.startswith("Done: Every day at 19:00 (Europe/Berlin)"), chat.last.shown


async def _send_due(harness: Harness, reminder: Reminder) -> None:
    """The service's run at the reminder's moment (its clock is not waited for)."""
    assert reminder.next_due_at is not None
    service = harness.services.reminders
    assert service is not None
    report = await service.run_due(reminder.next_due_at)
    assert (report.sent, report.missed) == (1, 0)


async def test_a_reminder_set_by_conversation_arrives_and_start_now_opens_the_workout(
    harness: Harness,
) -> None:
    chat = harness.chat()
    await _every_day_at_7pm_berlin(chat)
    [reminder] = await _reminders(harness, chat)
    assert (reminder.at, reminder.zone, reminder.days) == (time(19), "Europe/Berlin", 127)
    assert reminder.next_due_at is not None and reminder.next_due_at > datetime.now().astimezone()

    await _send_due(harness, reminder)
    sent = chat.last
    assert sent.shown.startswith("Time for Single-leg hip thrust: your 1st session this week")
    assert [b["text"] for b in sent.buttons] == ["Start now", "Snooze 30 min", "Skip today"]
    # Sent once: a second run at the same moment finds the occurrence claimed.
    assert harness.services.reminders is not None
    again = await harness.services.reminders.run_due(reminder.next_due_at)
    assert again.sent == 0 and chat.last is sent

    opened = await chat.tap("Start now", sent)
    assert sent.shown.endswith("✓ Started") and not sent.keyboard
    assert any(m.shown.startswith("Set 1 of 3 · Left leg") for m in opened), [
        m.shown for m in opened
    ]
    await chat.tap("10")
    assert await logged_sets(harness, chat.id) == [(1, "left", 10)]
    assert not harness.api.records.open_queries


async def test_skip_and_a_blocked_user(harness: Harness) -> None:
    chat = harness.chat()
    await _every_day_at_7pm_berlin(chat)
    [reminder] = await _reminders(harness, chat)
    await _send_due(harness, reminder)
    await chat.tap("Skip today", chat.last)
    assert chat.last.shown.endswith("✓ Skipped today")

    [reminder] = await _reminders(harness, chat)  # moved on to tomorrow
    harness.api.records.blocked.add(chat.id)
    assert reminder.next_due_at is not None
    assert harness.services.reminders is not None
    report = await harness.services.reminders.run_due(reminder.next_due_at)
    assert (report.sent, report.blocked) == (0, 1)
    assert [r.paused for r in await _reminders(harness, chat)] == [True]
