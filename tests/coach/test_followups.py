"""Questions through the engine: follow-ups on the stored subject, More, help, medical ones."""

from __future__ import annotations

from bot.answers.model import Topic
from bot.coach.events import Press
from bot.coach.state import Step
from tests.coach.conftest import Chat


async def test_and_the_ghr_keeps_the_topic_with_a_new_exercise(chat: Chat) -> None:
    await chat.say("what muscles does the hip thrust work")
    await chat.say("and the GHR?")
    asked = chat.state.asked
    assert asked is not None
    assert (asked.subject["topic"], asked.subject["exercise"]) == ("muscles", "glute-ham-raise")
    assert "hamstring" in chat.text.lower()


async def test_a_follow_up_keeps_the_exercise_and_the_subject_survives_a_restart(
    chat: Chat,
) -> None:
    await chat.say("tell me about the glute ham raise")
    # A new Coach (another replica, a restart) reads the subject from the stored state.
    chat.coach = type(chat.coach)(chat.coach.library, chat.coach.answerer, chat.coach.features.all)
    await chat.say("how do I do it?")
    asked = chat.state.asked
    assert asked is not None and asked.subject["exercise"] == "glute-ham-raise"
    assert asked.subject["topic"] == Topic.STEPS.value


async def test_more_gives_the_next_part_by_button_or_by_typing(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("how do I do this")
    first = chat.outcomes[-1].replies[0]
    more = [b for row in first.buttons for b in row if b.label == "More"]
    assert more and chat.step() is Step.SET  # the set waits, asked again under the answer
    await chat.send(Press(more[0].data))
    second = chat.outcomes[-1].replies[0].text
    assert second and second != first.text
    await chat.say("10")
    assert chat.logged == [(1, "left", 10)]


async def test_a_follow_up_after_ten_minutes_starts_afresh(chat: Chat) -> None:
    await chat.say("what muscles does the hip thrust work")
    await chat.send_text("and the GHR?", seconds=11 * 60)
    asked = chat.state.asked
    assert asked is None or asked.subject["topic"] != "muscles"


async def test_help_shows_what_to_ask_and_how_to_log_at_any_step(chat: Chat) -> None:
    for step in ("idle", "set"):
        if step == "set":
            await chat.command("workout", "slht 2x10")
        await chat.command("help")
        assert "undo" in chat.text and "12 @ 12.5kg" in chat.text and "/history" in chat.text
    assert "Set 1 of 2 · Left leg" in chat.text  # mid-workout, the set is asked again
    await chat.say("help")
    assert "undo" in chat.text and chat.logged == []


async def test_a_medical_question_is_referred_with_one_disclaimer(chat: Chat) -> None:
    await chat.say("had a knee replacement 6 weeks ago is it ok to do bridges")
    text = chat.text.lower()
    assert "physio" in text or "doctor" in text or "surgeon" in text
    assert text.count("not medical advice") <= 1
    assert "1." not in chat.text  # no checklist
