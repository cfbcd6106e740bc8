"""/remind through the coach's facade on a real database: the talk, the list, its buttons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from bot.answers.answerer import Answerer
from bot.app import build_coach
from bot.coach.engine import Coach
from bot.coach.events import Command, Event, Press
from bot.coach.replies import Button, Outcome
from bot.coach.state import Step, read_state
from bot.content import Library
from bot.reminders.domain import Reminder
from bot.storage import Database
from tests.coach.driver import EngineChat
from tests.reminders.conftest import Outbox
from tests.reminders.helpers import service

FRIDAY_NOON = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
WEEKDAYS = 0b0011111


@dataclass
class Chat(EngineChat):
    """One user talking to the whole coach, one unit of work per event, as the adapters do."""

    database: Database
    coach: Coach
    key: str = "tg:1"
    now: datetime = FRIDAY_NOON
    outcomes: list[Outcome] = field(default_factory=list)
    keyboard: tuple[tuple[Button, ...], ...] = ()

    async def _apply(self, event: Event) -> Outcome:
        async with self.database.unit() as store:
            return await self.coach.handle(store, self.key, event, self.now)

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.outcomes[-1].replies)

    async def reminders(self) -> list[Reminder]:
        async with self.database.unit() as store:
            user = await store.load_user(self.key)
            return await store.reminders.list_reminders(user.id)

    async def step(self) -> Step:
        async with self.database.unit() as store:
            state = read_state((await store.load_user(self.key)).state)
        assert state is not None
        return state.step


def _chat(database: Database, library: Library, key: str = "tg:1") -> Chat:
    return Chat(database, build_coach(library, Answerer(library)), key)


async def _weekdays_berlin(chat: Chat) -> None:
    await chat.send(Command("remind"))
    assert "When should I remind you" in chat.text
    await chat.say("weekdays at 7pm, Europe/Berlin")
    assert "Which exercise" in chat.text
    outcome = await chat.press("Single-leg hip thrust")
    assert chat.text.startswith("Done: Weekdays at 19:00 (Europe/Berlin)"), chat.text
    assert outcome.reminders_changed  # the adapter re-aims its scheduler after the commit


async def test_weekdays_at_7pm_berlin_is_stored_and_listed(
    database: Database, library: Library
) -> None:
    chat = _chat(database, library)
    await _weekdays_berlin(chat)
    [stored] = await chat.reminders()
    assert (stored.at, stored.days, stored.zone) == (time(19), WEEKDAYS, "Europe/Berlin")
    assert stored.exercise == "single-leg-hip-thrust" and not stored.paused
    # This Friday evening, before the clocks go forward: 19:00 Berlin is 18:00 UTC.
    assert stored.next_due_at == datetime(2026, 3, 27, 18, 0, tzinfo=UTC)
    await chat.send(Command("remind"))
    assert "Weekdays at 19:00 (Europe/Berlin) · Single-leg hip thrust" in chat.text
    labels = [b.label for row in chat.keyboard for b in row]
    assert {"Pause 1", "Change 1", "Delete 1", "New reminder", "Done"} <= set(labels)


async def test_pause_resume_and_delete_from_the_list(database: Database, library: Library) -> None:
    chat = _chat(database, library)
    await _weekdays_berlin(chat)
    await chat.send(Command("remind"))
    assert (await chat.press("Pause 1")).notice == "Paused"
    assert [r.paused for r in await chat.reminders()] == [True]
    await chat.send(Command("remind"))
    assert "paused" in chat.text
    resumed = await chat.press("Resume 1")
    assert resumed.notice == "Resumed" and resumed.reminders_changed
    assert [r.paused for r in await chat.reminders()] == [False]
    await chat.send(Command("remind"))
    assert (await chat.press("Delete 1")).notice == "Deleted"
    assert await chat.reminders() == []


async def test_stale_and_forged_buttons_change_nothing(
    database: Database, library: Library
) -> None:
    ana, bob = _chat(database, library, "tg:1"), _chat(database, library, "tg:2")
    await _weekdays_berlin(ana)
    await _weekdays_berlin(bob)
    [bobs] = await bob.reminders()
    await ana.send(Command("remind"))
    old_list = ana.keyboard
    await ana.send(Command("help"))  # another command ends the /remind talk
    ana.keyboard = old_list
    stale = await ana.press("Delete 1")
    assert stale.notice == "That's from an earlier /remind."
    assert len(await ana.reminders()) == 1
    await ana.send(Command("remind"))
    token = ana.keyboard[0][0].data.split(":")[1]
    for forged in (
        f"rm:{token}:d:{bobs.id}",  # the current talk, someone else's reminder
        f"rm:{token}:p:99999999999999999999",
        "rm:go:999999",  # a reminder message that never was
        "rm:zz:-1",
        "rm:" + "x" * 60,
    ):
        outcome = await ana.send(Press(forged))
        assert outcome.notice is not None and not outcome.reminders_changed, forged
    assert [(r.id, r.paused) for r in await bob.reminders()] == [(bobs.id, False)]
    assert len(await ana.reminders()) == 1


async def test_settings_timezone_moves_the_reminders(database: Database, library: Library) -> None:
    chat = _chat(database, library)
    await _weekdays_berlin(chat)
    outcome = await chat.send(Command("settings", "timezone London"))
    assert "Europe/London" in chat.text and outcome.reminders_changed
    [moved] = await chat.reminders()
    assert (moved.zone, moved.at) == ("Europe/London", time(19))
    assert moved.next_due_at == datetime(2026, 3, 27, 19, 0, tzinfo=UTC)  # 19:00 GMT


async def test_start_now_under_a_sent_reminder_opens_the_workout(
    database: Database, library: Library
) -> None:
    chat = _chat(database, library)
    await _weekdays_berlin(chat)
    friday_7pm = datetime(2026, 3, 27, 18, 0, tzinfo=UTC)
    outbox = Outbox()
    report = await service(database, outbox, library, lambda: friday_7pm).run_due(friday_7pm)
    assert report.sent == 1
    [(_, delivery)] = outbox.sent
    assert "Time for Single-leg hip thrust" in delivery.reply.text
    chat.keyboard, chat.now = delivery.reply.buttons, friday_7pm
    outcome = await chat.press("Start now")
    assert outcome.notice == "Let's go" and outcome.chosen == "Started"
    assert await chat.step() is Step.SET  # as /workout single-leg hip thrust does
    assert "Single-leg hip thrust" in chat.text and "Set 1 of" in chat.text, chat.text
    again = await chat.send(Press(delivery.reply.buttons[0][0].data))
    assert again.notice == "Already started" and again.replies == []
