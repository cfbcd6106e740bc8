"""Round nine's follow-up kinds, in phrasings of my own."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Answer, Topic


def _talk(answerer: Answerer, *lines: str) -> Answer:
    previous = None
    answer = None
    for line in lines:
        answer = answerer.answer(line, None, previous=previous)
        previous = answer.subject
    assert answer is not None
    return answer


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("how do i set up the glute bridge", "and with a dumbbell?"),
        ("how do i do the banded single leg hip thrust", "what about adding a weight"),
        ("single leg hip thrust steps please", "kettlebell or dumbbell, which is better?"),
    ],
)
def test_a_weight_named_bare_in_talk_of_an_exercise_is_where_it_sits(
    answerer: Answerer, first: str, then: str
) -> None:
    answer = _talk(answerer, first, then)
    assert answer.topic is Topic.WEIGHTED
    assert "crease" in answer.text.split("\n")[0]


def test_a_starting_weight_is_still_how_heavy(answerer: Answerer) -> None:
    answer = _talk(
        answerer, "how do i do single leg hip thrusts", "what weight should i start with"
    )
    assert "crease" not in answer.text.split("\n")[0]
