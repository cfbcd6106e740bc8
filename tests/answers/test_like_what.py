"""'like what?', 'such as?', 'for example?' after an answer: its examples, never a shrug."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic

_ASKS = ["like what?", "such as", "for example?", "eg", "e.g.?", "any examples", "ok like what"]


@pytest.mark.parametrize("ask", _ASKS)
def test_after_a_fact_the_fact_again(answerer: Answerer, ask: str) -> None:
    first = answerer.answer("should i warm up first", "glute-bridge")
    assert first.subject.focus[:1] == ("facts:warm-up",)
    second = answerer.answer(ask, "glute-bridge", previous=first.subject)
    assert second.topic is Topic.PROGRAMMING
    assert second.text == first.text


@pytest.mark.parametrize("ask", _ASKS[:4])
def test_after_a_list_of_tips_the_first_tip_in_full(answerer: Answerer, ask: str) -> None:
    first = answerer.answer("tips for the hip thrust")
    second = answerer.answer(ask, previous=first.subject)
    assert (second.topic, second.subject.focus) == (Topic.TIPS, ("tips:0",))


def test_after_a_long_answer_the_next_part(answerer: Answerer) -> None:
    first = answerer.answer("how do i do it", "single-leg-hip-thrust")
    assert first.more is not None
    second = answerer.answer("such as?", "single-leg-hip-thrust", previous=first.subject)
    assert second.text == first.more


def test_like_what_with_nothing_before_is_not_understood(answerer: Answerer) -> None:
    assert answerer.answer("like what").topic is Topic.NONE
