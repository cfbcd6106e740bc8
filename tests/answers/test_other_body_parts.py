"""A lift asked for another body part is outside what the coach coaches: refused, even mid-set;
the words those parts share with the set-up ("where do my arms go") still get their answer."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    ("question", "in_hand"),
    [("whats a good exercise for triceps", None), ("how do i grow my chest", "glute-bridge"),
     ("best move for lats?", "single-leg-hip-thrust"), ("exercises for bigger biceps pls", None)],
)  # fmt: skip
def test_a_lift_for_another_body_part_is_refused(
    answerer: Answerer, question: str, in_hand: str | None
) -> None:
    assert answerer.answer(question, in_hand).topic is Topic.NONE


@pytest.mark.parametrize(
    "question", ["where do my arms go", "what do i do with my arms on the bench"]
)
def test_the_arms_in_the_set_up_are_still_answered(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question, "single-leg-hip-thrust").topic is Topic.STEPS
