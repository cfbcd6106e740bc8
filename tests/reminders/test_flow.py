"""/remind through storage: bad input stores nothing; buttons act only for their owner, once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.coach.events import Command, Press, Text
from bot.content import Library
from bot.reminders import flow
from bot.storage import Database
from bot.storage.reminders import reminder_unit
from tests.reminders.conftest import Clock, Outbox
from tests.reminders.helpers import Conversation, remind, service


async def _stored(database: Database, key: str) -> tuple[int, str | None]:
    async with database.unit() as store:
        user = await store.load_user(key)
    async with reminder_unit(database) as reminders:
        return len(await reminders.list_reminders(user.id)), user.settings.timezone


@pytest.mark.parametrize("bad", ["25:99", "tomorrow-ish", "x" * 300, "🏋️‍♀️🔥", "   "])
async def test_bad_input_gets_a_reprompt_and_stores_nothing(
    database: Database, library: Library, clock: Clock, bad: str
) -> None:
    ana = Conversation(database, library, "tg:1")
    await ana.command("", clock())
    handled = await ana.say(bad, clock())
    assert handled.outcome.replies and "7pm" in handled.outcome.replies[0].text
    assert ana.state is not None  # still asking
    await ana.say("7pm", clock())
    await ana.press("Weekdays", clock())
    await ana.press("Glute bridge", clock())
    for bad_zone in ("Narnia", bad, "UTC+15"):
        handled = await ana.say(bad_zone, clock())
        assert "Europe/Berlin" in handled.outcome.replies[0].text or handled.outcome.replies
    assert await _stored(database, "tg:1") == (0, None)
    done = await ana.say("berln", clock())
    assert done.outcome.replies[0].text.startswith("Done: Weekdays at 19:00 (Europe/Berlin)")
    assert await _stored(database, "tg:1") == (1, "Europe/Berlin")


async def test_reminder_buttons_act_only_for_their_owner_and_only_once(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await remind(database, library, "tg:1", "daily 13:00 UTC glute bridge", clock())
    clock.now = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)
    await service(database, outbox, library, clock).run_due()
    ((_, delivery),) = outbox.sent
    skip = next(b.data for row in delivery.reply.buttons for b in row if b.label == "Skip today")
    ben = Conversation(database, library, "tg:2")
    forged = await ben.event(Press(skip), clock())
    assert forged.outcome.notice == "That reminder is gone." and forged.outcome.chosen is None
    ana = Conversation(database, library, "tg:1")
    assert (await ana.event(Press(skip), clock())).outcome.chosen == "Skipped today"
    again = await ana.event(Press(skip), clock())
    assert again.outcome.notice == "Already skipped" and again.outcome.chosen is None
    for nonsense in ("rm:sk:", "rm:sk:abc", "rm:go:99999999999999999999", "rm:zz:-1"):
        assert (await ana.event(Press(nonsense), clock())).outcome.chosen is None


def test_only_reminder_events_are_claimed_by_the_flow() -> None:
    assert flow.wants(Command("remind"), None)
    assert flow.wants(Press("rm:go:5"), None)
    assert flow.wants(Text("7pm"), {"step": "time", "token": 1})
    assert not flow.wants(Text("12"), None)  # reps during a workout stay the engine's
    assert not flow.wants(Command("workout"), {"step": "time", "token": 1})
    assert not flow.wants(Press("w:3:rep:10"), None)
