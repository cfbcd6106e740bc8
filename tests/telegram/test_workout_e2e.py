"""A user's workout over real HTTP, by long polling and by webhook: buttons, typing, questions."""

from __future__ import annotations

import asyncio

import pytest

from tests.telegram.harness import Harness, logged_sets, workout_by_buttons

pytestmark = pytest.mark.e2e

EXPECTED = [(1, "left", 8), (1, "right", 9), (2, "left", 8), (2, "right", 7)]


async def test_a_full_two_set_workout_by_buttons(harness: Harness) -> None:
    chat = harness.chat()
    await workout_by_buttons(chat)
    summary = await chat.tap("Just right")

    assert await logged_sets(harness, chat.id) == EXPECTED
    assert any("Left: 16 reps" in m.shown and "Right: 16 reps" in m.shown for m in chat.messages)
    assert summary and "Logged: right" in summary[-1].shown
    # Every pressed message now shows what was chosen and has no buttons left to press again.
    pressed = [m for m in chat.messages if m.edits]
    assert len(pressed) == 8
    assert all(not m.keyboard and m.shown.splitlines()[-1].startswith("✓ ") for m in pressed)
    assert [m.shown.splitlines()[-1] for m in pressed][:3] == ["✓ 8", "✓ Go now", "✓ 9"]
    # Every press was answered, exactly once.
    api = harness.api
    assert not api.records.open_queries
    assert len(api.records.calls_to("answerCallbackQuery")) == len(pressed)


async def test_by_webhook_a_press_is_answered_in_the_webhooks_own_answer(
    harness: Harness,
) -> None:
    """Telegram runs a method the bot names in its answer to the webhook POST: the press is
    answered without a request of its own. By polling there is no such answer to use."""
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    await chat.tap("8")
    await chat.tap("Go now")

    answers = harness.api.records.calls_to("answerCallbackQuery")
    assert len(answers) == 2 and not harness.api.records.open_queries
    by_webhook = [call.via_webhook_reply for call in answers]
    assert by_webhook == ([True, True] if harness.mode == "webhook" else [False, False])
    assert chat.last.shown.startswith("Set 1 of 2 · Right leg")


async def test_a_full_two_set_workout_by_typing(harness: Harness) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    for reps in ("8", "9", "8", "7"):  # typed during the switch and the rest: logged at once
        await chat.say(reps)
    done = await chat.say("hard")

    assert await logged_sets(harness, chat.id) == EXPECTED
    assert "Logged: hard" in done[-1].shown
    assert harness.api.records.calls_to("answerCallbackQuery") == []


async def test_a_question_mid_set_is_answered_and_the_set_asked_again(harness: Harness) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    prompt = chat.last
    answer = await chat.say("what muscles does this work?")

    assert len(answer) >= 2
    assert "glute" in answer[0].shown.lower()
    assert answer[-1].shown.startswith("Set 1 of 2 · Left leg") and answer[-1].keyboard
    await chat.tap("8")
    assert await logged_sets(harness, chat.id) == [(1, "left", 8)]
    assert prompt.keyboard, "the earlier prompt was not pressed and keeps its buttons"


async def test_a_stale_button_after_the_workout_ended_changes_nothing(harness: Harness) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    first_set = chat.last
    for reps in ("8", "9", "8", "7", "right"):
        await chat.say(reps)
    before = len(chat.messages)

    await chat.tap("10", first_set)  # still has its buttons: it was answered by typing

    assert await logged_sets(harness, chat.id) == EXPECTED
    assert len(chat.messages) == before
    notice = list(harness.api.records.answered_queries.values())[-1]
    assert notice.get("text") in ("Already logged", "That button is out of date")
    assert not first_set.keyboard


async def test_a_restart_mid_workout_continues_where_the_user_was(harness: Harness) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    await chat.tap("8")
    assert len(harness.services.timers.pending(chat.id)) == 1  # the switch countdown

    await harness.restart()

    assert len(harness.services.timers.pending(chat.id)) == 1  # re-armed from the database
    moved_on = await chat.tap("Go now")
    assert moved_on[-1].shown.startswith("Set 1 of 2 · Right leg")
    await chat.tap("9")
    assert await logged_sets(harness, chat.id) == [(1, "left", 8), (1, "right", 9)]


async def test_a_due_timer_wakes_the_coach_and_timers_never_stack(harness: Harness) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    await chat.tap("8")
    await chat.say("what muscles does this work?")  # more events while the countdown runs
    await chat.say("how do I set up?")
    assert bot_jobs(harness, chat.id) == 1

    assert harness.bot is not None
    application = harness.bot.application
    job = harness.services.timers.job(chat.id)
    assert job is not None
    before = len(chat.messages)
    await job.run(application)

    woke = chat.messages[before:]
    assert woke and woke[-1].shown.startswith("Go!")
    assert "Set 1 of 2 · Right leg" in woke[-1].shown


def bot_jobs(harness: Harness, chat_id: int) -> int:
    return len(harness.services.timers.pending(chat_id))


async def test_five_users_at_once_each_get_their_own_workout(harness: Harness) -> None:
    chats = [harness.chat(2000 + n) for n in range(5)]
    await asyncio.gather(*(workout_by_buttons(chat) for chat in chats))
    for chat in chats:
        assert await logged_sets(harness, chat.id) == EXPECTED
