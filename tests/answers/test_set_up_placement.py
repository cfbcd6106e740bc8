"""Where the body goes at set-up: the back on the bench, and where to start from."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic

_BENCH_EXERCISES = [
    "hip-thrust", "single-leg-hip-thrust", "two-up-one-down-hip-thrust",
    "banded-single-leg-hip-thrust",
]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("what part of my back should touch the bench", "hip-thrust"),
        ("which bit of the back goes against the bench on hip thrusts", None),
        ("does my lower back go on the bench or my upper back", "single-leg-hip-thrust"),
        ("where does my back go", "two-up-one-down-hip-thrust"),
        ("where on the bench do my shoulders rest", "banded-single-leg-hip-thrust"),
    ],
)
def test_the_back_on_the_bench_is_a_set_up_detail(
    answerer: Answerer, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.STEPS, answer.text
    first = answer.text.lower()
    assert "upper back" in first and "shoulder blades" in first, answer.text


@pytest.mark.parametrize("exercise", _BENCH_EXERCISES)
def test_every_bench_exercise_says_where_the_back_goes(answerer: Answerer, exercise: str) -> None:
    answer = answerer.answer("which part of my back is on the bench?", exercise)
    assert answer.topic is Topic.STEPS and "shoulder blades" in answer.text


@pytest.mark.parametrize(
    ("question", "exercise", "opening"),
    [
        ("do i begin sitting on the floor or on the bench", "hip-thrust", "Sit on the floor"),
        ("start position: on the bench or the floor?", "single-leg-hip-thrust", "Sit on a flat"),
        ("how do I get into it, sitting on the floor first?", "two-up-one-down-hip-thrust", None),
    ],
)
def test_where_to_start_from_is_the_set_up(
    answerer: Answerer, question: str, exercise: str, opening: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.STEPS, answer.text
    assert answer.subject is not None and "setup-only" in answer.subject.focus
    if opening:
        assert opening in answer.text


def test_a_back_that_is_felt_is_still_about_the_muscles(answerer: Answerer) -> None:
    answer = answerer.answer("does it work my lower back", "hip-thrust")
    assert answer.topic is Topic.MUSCLES
