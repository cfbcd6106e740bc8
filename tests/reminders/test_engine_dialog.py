"""/remind beside a workout, through the coach: reminders buttons never disturb the set."""

from __future__ import annotations

from bot.coach.events import Press, TimerDue
from bot.coach.state import Step
from bot.content import Library
from bot.storage import Database
from tests.reminders.test_wiring_engine import Chat, _chat


async def _mid_set(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    assert await chat.step() is Step.SET, chat.text


async def test_a_forged_reminders_button_mid_set_opens_no_conversation(
    database: Database, library: Library
) -> None:
    chat = _chat(database, library)
    await _mid_set(chat)
    for forged in ("rm:12345:x", "rm:12345:n", "rm:0:n", "rm:zz:-1"):
        outcome = await chat.send(Press(forged))
        assert outcome.notice is not None and outcome.replies == [], forged
        assert await chat.step() is Step.SET
    await chat.say("8")  # reps, not 08:00
    assert chat.text.startswith("Left leg: 8 ✓"), chat.text
    assert await chat.reminders() == []


async def test_the_sets_buttons_still_count_after_a_forged_reminders_press(
    database: Database, library: Library
) -> None:
    chat = _chat(database, library)
    await _mid_set(chat)
    set_buttons = chat.keyboard
    await chat.send(Press("rm:12345:x"))
    chat.keyboard = set_buttons
    logged = await chat.press("10")
    assert logged.notice == "Logged" and chat.text.startswith("Left leg: 10 ✓")


async def test_remind_mid_rest_leaves_the_rest_countdown(
    database: Database, library: Library
) -> None:
    chat = _chat(database, library)
    await chat.command("remind", "daily 7pm UTC glute bridge")
    await _mid_set(chat)
    await chat.say("10")
    await chat.say("10")
    rest = chat.outcomes[-1].timer
    assert rest is not None and rest.kind == "rest", chat.text
    listing = await chat.command("remind")
    assert "Your reminders" in chat.text and not listing.cancel_timer
    armed = listing.timer or rest  # as the adapter keeps it: a new timer replaces the old
    assert (armed.kind, armed.due_at) == (rest.kind, rest.due_at)
    await chat.send(TimerDue(armed.kind, armed.token), seconds=90)
    assert "Rest's over." in chat.text
