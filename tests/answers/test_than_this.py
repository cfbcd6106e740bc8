"""A variation asked "than this" is a way to go; "than no band" is the one without the kit;
"from X to Y" is when to move on."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    ("question", "way"),
    [
        ("anything tougher than this?", "harder"),
        ("whats easier than this one", "easier"),
        ("i need something harder than this", "harder"),
    ],
)
def test_than_this_is_the_variations_that_way(answerer: Answerer, question: str, way: str) -> None:
    answer = answerer.answer(question, "two-up-one-down-hip-thrust")
    assert (answer.topic, answer.exercise) == (Topic.VARIATIONS, "two-up-one-down-hip-thrust")
    assert way in answer.subject.focus


def test_another_exercise_than_this_is_still_a_comparison(answerer: Answerer) -> None:
    answer = answerer.answer("is the hip thrust easier than this", "single-leg-hip-thrust")
    assert answer.topic is Topic.COMPARE


@pytest.mark.parametrize(
    "question",
    ["is banded better than no band", "is the banded one any better than without a band"],
)
def test_than_no_band_is_the_plain_one(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "glute-bridge")
    others = {f[6:] for f in answer.subject.focus if f.startswith("other:")}
    assert answer.topic is Topic.COMPARE
    assert {answer.exercise, *others} == {"banded-single-leg-hip-thrust", "single-leg-hip-thrust"}


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("when should i go from bridges to hip thrusts", "glute-bridge"),
        ("when do i switch from regular hip thrusts to single leg ones", "hip-thrust"),
        ("ready to change from two up one down to the single leg hip thrust?", None),
    ],
)
def test_from_one_to_the_harder_is_when_to_move_on(
    answerer: Answerer, question: str, source: str | None
) -> None:
    answer = answerer.answer(question)
    assert answer.subject.focus == ("facts:move-on",)
    if source is not None:
        assert answer.exercise == source
