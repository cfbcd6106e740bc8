"""An exercise described by its kit: "the floor one", "the machine one", "the normal one"."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    ("description", "slug"),
    [
        ("the floor one", "glute-bridge"),
        ("the one on the mat", "glute-bridge"),
        ("the machine one", "glute-ham-raise"),
        ("the one on the machine", "glute-ham-raise"),
        ("the band version", "banded-single-leg-hip-thrust"),
    ],
)
def test_a_description_names_the_exercise_its_kit_fits(
    answerer: Answerer, description: str, slug: str
) -> None:
    first = answerer.answer("what are some alternatives to the hip thrust")
    second = answerer.answer(f"how do i do {description}", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.STEPS, slug)


def test_then_the_thread_keeps_it(answerer: Answerer) -> None:
    first = answerer.answer("other options than single leg hip thrusts?")
    second = answerer.answer("what about the floor one, how", previous=first.subject)
    third = answerer.answer("how many sets of that", previous=second.subject)
    assert (second.exercise, third.exercise, third.topic) == (
        "glute-bridge",
        "glute-bridge",
        Topic.PROGRAMMING,
    )


def test_a_kit_shared_by_several_is_the_one_in_talk(answerer: Answerer) -> None:
    first = answerer.answer("glute ham raise or two up one down, which is harder")
    second = answerer.answer("the bench one, what muscles?", previous=first.subject)
    assert second.exercise == "two-up-one-down-hip-thrust"


def test_is_it_easier_after_a_comparison_weighs_the_pair(answerer: Answerer) -> None:
    first = answerer.answer("hip thrust vs glute bridge")
    second = answerer.answer("so the floor one is easier then?", previous=first.subject)
    assert second.topic is Topic.COMPARE
    assert "easier than" in second.text.splitlines()[0]


@pytest.mark.parametrize("plain", ["the normal one", "the regular version", "the plain one"])
def test_the_normal_one_is_the_version_without_the_kit(answerer: Answerer, plain: str) -> None:
    first = answerer.answer("how do i do the banded single leg hip thrust")
    second = answerer.answer(f"and {plain}?", previous=first.subject)
    assert second.exercise == "single-leg-hip-thrust"


def test_a_floor_mentioned_in_a_set_up_question_names_nothing(answerer: Answerer) -> None:
    first = answerer.answer("how do i do it", "single-leg-hip-thrust")
    second = answerer.answer(
        "should my foot stay flat on the floor", "single-leg-hip-thrust", first.subject
    )
    assert second.exercise == "single-leg-hip-thrust"


def test_a_description_of_the_exercise_in_talk_is_a_detail(answerer: Answerer) -> None:
    first = answerer.answer("how do i do the hip thrust")
    second = answerer.answer("and on the bench?", previous=first.subject)
    assert second.exercise == "hip-thrust"
    assert second.subject.focus[0].startswith(("facts:", "setup:"))  # the bench's own detail
