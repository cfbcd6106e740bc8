"""/remind through storage: bad input stores nothing; buttons act only for their owner, once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.coach import codec
from bot.coach.events import Command, Press, Text
from bot.content import Library
from bot.reminders import flow
from bot.reminders.dialog_state import RemindDialog
from bot.reminders.texts import MESSAGE_VERBS
from bot.storage import Database
from bot.storage.reminder_store import reminder_unit
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
    assert ana.dialog is not None  # still asking
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


async def test_reminder_buttons_new_and_from_before_the_one_codec_both_answer(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await remind(database, library, "tg:1", "daily 13:00 UTC glute bridge", clock())
    clock.now = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)
    await service(database, outbox, library, clock).run_due()
    ((_, delivery),) = outbox.sent
    pressed = [codec.decode(b.data) for row in delivery.reply.buttons for b in row]
    # rm:<occurrence id>:<verb>: one occurrence, its three answers.
    assert [(p.owner, p.action) for p in pressed if p] == [("rm", "go"), ("rm", "zz"), ("rm", "sk")]
    (occurrence_id,) = {p.token for p in pressed if p}
    ana = Conversation(database, library, "tg:1")
    legacy = await ana.event(Press(f"rm:zz:{occurrence_id}"), clock())  # a message sent before
    assert legacy.outcome.chosen == "Snoozed until 13:30" and legacy.changed
    skip = next(b.data for row in delivery.reply.buttons for b in row if b.label == "Skip today")
    assert (await ana.event(Press(skip), clock())).outcome.chosen == "Skipped today"
    again = await ana.event(Press(f"rm:sk:{occurrence_id}"), clock())
    assert again.outcome.notice == "Already skipped" and again.keep_step


async def test_a_forged_reminders_button_opens_no_conversation(
    database: Database, library: Library, clock: Clock
) -> None:
    ana = Conversation(database, library, "tg:1")
    for forged in ("rm:12345:x", "rm:12345:n", "rm:41:n", "rm:12345:go:1", "rm:" + "9" * 30):
        handled = await ana.event(Press(forged), clock())
        assert handled.dialog is None and handled.outcome.replies == [], forged
        assert handled.keep_step and handled.outcome.notice is not None
        # So a number typed next (reps mid-set) is not taken for a time.
        assert not flow.wants(Text("8"), handled.dialog)
    assert ana.token == 41 and await _stored(database, "tg:1") == (0, None)


async def test_a_button_from_an_earlier_question_changes_nothing(
    database: Database, library: Library, clock: Clock
) -> None:
    ana = Conversation(database, library, "tg:1")
    await ana.command("7pm", clock())
    asking = ana.dialog
    assert asking is not None and asking.step == "days"
    weekdays = ana.button("Weekdays")
    await ana.say("every day", clock())  # answered by typing: the day buttons are now stale
    assert ana.dialog is not None and ana.dialog.step == "exercise"
    stale = await ana.event(Press(weekdays.data), clock())
    assert stale.outcome.notice == "That's from an earlier /remind."
    assert stale.dialog == ana.dialog and ana.dialog.days == 0b1111111 and stale.keep_step


def test_dialog_presses_and_message_presses_are_told_apart_by_verb() -> None:
    assert flow.message_press("rm:77:sk") == ("sk", 77)
    assert flow.message_press("rm:sk:77") == ("sk", 77)  # the form before the one codec
    assert flow.message_press("rm:sk:abc") == ("sk", None)  # a message press naming nothing
    assert flow.message_press("rm:77:x") is None  # the conversation's Done
    assert flow.message_press("rm:77:sk:1") is None
    assert flow.message_press("rm:99999999999:go") == ("go", None)  # no row has that id
    assert all(flow.message_press(f"rm:5:{verb}") == (verb, 5) for verb in MESSAGE_VERBS)


def test_only_reminder_events_are_claimed_by_the_flow() -> None:
    asking = RemindDialog(step="time")
    assert flow.wants(Command("remind"), None)
    assert flow.wants(Press("rm:go:5"), None)
    assert flow.wants(Press("rm:5:go"), None)
    assert flow.wants(Text("7pm"), asking)
    assert not flow.wants(Text("12"), None)  # reps during a workout stay the engine's
    assert not flow.wants(Command("workout"), asking)
    assert not flow.wants(Press("w:3:rep:10"), None)
