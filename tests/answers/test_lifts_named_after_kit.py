"""A lift named after kit of ours ("bench press", "leg press", "bench dips") is another lift."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    "question",
    ["how do i bench press", "best way to leg press?", "do bench dips hit glutes", "i bench press"],
)
@pytest.mark.parametrize("in_hand", [None, "single-leg-hip-thrust", "hip-thrust"])
def test_refused_even_with_an_exercise_in_hand(
    answerer: Answerer, question: str, in_hand: str | None
) -> None:
    answer = answerer.answer(question, in_hand)
    assert answer.topic is Topic.NONE
    assert "don't have notes on" in answer.text


def test_pointing_at_ours_keeps_the_other_lift_as_the_scene(answerer: Answerer) -> None:
    answer = answerer.answer("do i do these before or after leg press", "hip-thrust")
    assert answer.topic is Topic.PROGRAMMING


def test_a_verb_and_its_particle_is_still_no_lift(answerer: Answerer) -> None:
    answer = answerer.answer("when i push up my lower back arches", "glute-bridge")
    assert answer.topic is Topic.TROUBLESHOOT
