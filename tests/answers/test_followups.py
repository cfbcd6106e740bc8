"""Follow-ups: the subject of the last answer, passed back, carries topic, exercise and part."""

from __future__ import annotations

from bot.answers.answerer import Answerer
from bot.answers.model import Subject, Topic
from bot.content import Library


def test_and_the_other_exercise_keeps_the_topic(answerer: Answerer) -> None:
    first = answerer.answer("what muscles does the hip thrust work")
    second = answerer.answer("and the GHR?", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.MUSCLES, "glute-ham-raise")


def test_how_do_i_do_it_keeps_the_exercise(answerer: Answerer) -> None:
    first = answerer.answer("tell me about the glute-ham raise", "single-leg-hip-thrust")
    second = answerer.answer("how do I do it?", "single-leg-hip-thrust", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.STEPS, "glute-ham-raise")


def test_a_fact_carries_over_to_the_next_exercise(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("how long should I rest between sets", "single-leg-hip-thrust")
    second = answerer.answer("what about for glute bridges", previous=first.subject)
    rest = library["glute-bridge"].fact("rest")
    assert second.exercise == "glute-bridge" and rest is not None
    assert second.text.startswith(rest.text)


def test_more_gives_the_next_part_then_says_that_is_all(answerer: Answerer) -> None:
    first = answerer.answer("how do I do a single leg hip thrust")
    assert first.more is not None
    second = answerer.answer("more?", previous=first.subject)
    assert second.text == first.more
    assert second.exercise == "single-leg-hip-thrust" and second.subject is not None
    assert second.subject.part == 1
    last = answerer.answer("more", previous=second.subject)
    assert "all I have" in last.text and last.more is None


def test_more_without_a_previous_answer_is_not_a_crash(answerer: Answerer) -> None:
    answer = answerer.answer("more")
    assert answer.text and len(answer.text) < 600


def test_the_subject_is_json_and_round_trips(answerer: Answerer) -> None:
    subject = answerer.answer("where do my arms go", "single-leg-hip-thrust").subject
    assert subject is not None
    again = Subject.model_validate_json(subject.model_dump_json())
    assert again == subject
    later = answerer.answer("more", previous=again)
    assert later.exercise == "single-leg-hip-thrust"


def test_a_new_question_with_its_own_exercise_ignores_the_old_subject(
    answerer: Answerer,
) -> None:
    first = answerer.answer("tips for the glute bridge")
    second = answerer.answer("what muscles does the hip thrust work", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.MUSCLES, "hip-thrust")


def test_the_second_one_is_the_second_exercise_listed(answerer: Answerer) -> None:
    listed = answerer.answer("something easier?", "single-leg-hip-thrust")
    assert listed.topic is Topic.VARIATIONS
    second_name = listed.text.splitlines()[2].removeprefix("• ").split(":")[0]
    answer = answerer.answer("how do i do the second one", previous=listed.subject)
    assert answer.topic is Topic.STEPS
    assert answer.exercise is not None and second_name.lower() in answer.text.lower()


def test_an_off_topic_line_keeps_the_subject(answerer: Answerer) -> None:
    first = answerer.answer("how do I do the glute bridge")
    aside = answerer.answer("whats the weather like", previous=first.subject)
    assert aside.topic is Topic.NONE and aside.subject == first.subject
    back = answerer.answer("and the hip thrust?", previous=aside.subject)
    assert (back.topic, back.exercise) == (Topic.STEPS, "hip-thrust")


def test_pain_mid_conversation_is_referred_about_that_exercise(answerer: Answerer) -> None:
    first = answerer.answer("my knee feels it on hip thrusts")
    second = answerer.answer("its a sharp pain tho", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.MEDICAL, first.exercise)
