"""The two-legged one, said about a single-leg exercise, is the classic two-leg version."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library


def _classic(library: Library, slug: str) -> str:
    """The two-leg exercise whose name is inside the one-leg one's, read from the content."""
    words = set(library[slug].name.lower().replace("-", " ").split())
    plain = [
        s for s, ex in library.items()
        if not ex.unilateral and set(ex.name.lower().replace("-", " ").split()) <= words
    ]  # fmt: skip
    assert len(plain) == 1
    return plain[0]


@pytest.mark.parametrize(
    ("first", "then", "topic"),
    [
        ("how heavy should I go on single leg hip thrusts", "and the two leg version?", "weighted"),
        ("rest between sets for banded single leg", "what about double leg", "programming"),
        ("what does the two up one down work", "same for the two-legged one", "muscles"),
        ("mistakes on the single leg hip thrust", "and with both feet down?", "mistakes"),
    ],
)
def test_the_two_leg_one_after_a_single_leg_exercise(
    answerer: Answerer, library: Library, first: str, then: str, topic: str
) -> None:
    one = answerer.answer(first)
    two = answerer.answer(then, previous=one.subject)
    assert one.exercise is not None
    assert (two.topic.value, two.exercise) == (topic, _classic(library, one.exercise))


def test_the_two_leg_one_with_a_single_leg_exercise_in_hand(answerer: Answerer) -> None:
    answer = answerer.answer("how do I do it with both legs", "single-leg-hip-thrust")
    assert (answer.topic, answer.exercise) == (Topic.STEPS, "hip-thrust")


def test_the_thread_goes_on_about_the_two_leg_one(answerer: Answerer) -> None:
    one = answerer.answer("where does the weight go on a single leg hip thrust")
    two = answerer.answer("ok and on the double leg one", previous=one.subject)
    three = answerer.answer("how many reps for it", previous=two.subject)
    assert (two.exercise, three.exercise) == ("hip-thrust", "hip-thrust")
    assert "crease" in two.text


@pytest.mark.parametrize(
    "question", ["do I do the same reps on both legs", "rest between both legs?"]
)
def test_both_legs_of_a_single_leg_set_is_no_other_exercise(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question, "single-leg-hip-thrust")
    assert answer.exercise == "single-leg-hip-thrust"


def test_two_legged_about_a_two_leg_exercise_changes_nothing(answerer: Answerer) -> None:
    one = answerer.answer("how do I do a glute bridge")
    two = answerer.answer("and the two leg glute bridge?", previous=one.subject)
    assert two.exercise == "glute-bridge"


def test_two_feet_on_the_floor_is_the_set_up(answerer: Answerer) -> None:
    answer = answerer.answer("do i start with two feet on the floor", "single-leg-hip-thrust")
    assert answer.exercise == "single-leg-hip-thrust"
