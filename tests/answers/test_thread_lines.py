"""Lines mid-conversation the cues can't place: a fact of the exercise in talk that clearly
matches them answers; the easiest or hardest of a list is picked by level; an unknown word or
a line every fact matches alike is still not guessed at."""

from __future__ import annotations

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


def _after(answerer: Answerer, first: str, then: str, in_hand: str | None = None) -> object:
    previous = answerer.answer(first, in_hand).subject
    return answerer.answer(then, in_hand, previous=previous)


def test_a_line_one_fact_of_the_exercise_in_talk_matches_is_that_fact(answerer: Answerer) -> None:
    answer = _after(
        answerer, "no bench in my flat", "would my sofa be ok for it", "single-leg-hip-thrust"
    )
    assert answer.topic is not Topic.NONE  # type: ignore[attr-defined]
    assert "sofa" in answer.text.lower() or "couch" in answer.text.lower()  # type: ignore[attr-defined]


def test_an_unknown_word_mid_conversation_is_still_not_guessed(answerer: Answerer) -> None:
    answer = _after(answerer, "how many sets", "cool, which smartwatch do you recommend")
    assert answer.topic is Topic.NONE  # type: ignore[attr-defined]


def test_a_line_every_fact_matches_alike_is_still_unsure(answerer: Answerer) -> None:
    answer = _after(answerer, "how long do i rest", "and after that?", "single-leg-hip-thrust")
    assert answer.topic is Topic.NONE  # type: ignore[attr-defined]


def test_the_easiest_of_a_list_is_the_lowest_level_and_the_least_kit(answerer: Answerer) -> None:
    answer = _after(answerer, "alternatives to the ghr?", "ok which one is simplest")
    assert (answer.topic, answer.exercise) == (Topic.LEVEL, "glute-bridge")  # type: ignore[attr-defined]


def test_the_hardest_of_a_list_is_the_highest_level(answerer: Answerer) -> None:
    answer = _after(answerer, "what can i do instead of glute bridges", "which is toughest")
    assert answer.topic is Topic.LEVEL  # type: ignore[attr-defined]
    assert answer.exercise == "glute-ham-raise"  # type: ignore[attr-defined]
