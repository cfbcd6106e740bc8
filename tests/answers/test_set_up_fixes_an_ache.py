"""An ache where the set-up explains it leads with that set-up line; the top is "in line"."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("my neck aches on the bench", "hip-thrust"),
        ("my neck is sore from the bench", "hip-thrust"),
        ("neck hurts a bit against the bench", "single-leg-hip-thrust"),
    ],
)
def test_a_neck_ache_on_the_bench_leads_with_where_to_look(
    answerer: Answerer, question: str, exercise: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.TROUBLESHOOT
    assert answer.subject.focus[0] == "facts:gaze"
    assert "chin" in answer.text.lower() and "stop" in answer.text.lower()


def test_sharp_neck_pain_is_still_referred(answerer: Answerer) -> None:
    assert (
        answerer.answer("sharp pain in my neck on the bench", "hip-thrust").topic is Topic.MEDICAL
    )


@pytest.mark.parametrize(
    ("question", "exercise"), [("knee caves in", "banded-single-leg-hip-thrust")]
)
def test_a_fault_that_says_what_happens_keeps_its_fix(
    answerer: Answerer, question: str, exercise: str
) -> None:
    assert answerer.answer(question, exercise).subject.focus[0] != "facts:knee-angle"


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("how high do i lift my hips", "single-leg-hip-thrust"),
        ("do i push my hips as high as possible", "glute-bridge"),
        ("how high should the hips get on the banded one", None),
        ("how far up should i thrust, max height?", "single-leg-hip-thrust"),
        ("what height should my hips reach at the top", "glute-bridge"),
    ],
)
def test_how_high_the_hips_go_is_one_straight_line(
    answerer: Answerer, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.subject.focus[0] == "facts:range"
    assert "straight line" in answer.text


def test_the_benchs_height_is_still_the_bench(answerer: Answerer) -> None:
    answer = answerer.answer("what height should the bench be", "hip-thrust")
    assert answer.subject.focus[0] == "facts:bench-height"
