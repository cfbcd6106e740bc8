"""A count asked names what to count; "can't even do one rep" asks for an easier exercise."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    "question",
    [
        "how many reps once im warmed up",
        "after warming up how many sets",
        "how many sets do i do after the warm up sets",
    ],
)
def test_a_count_leads_with_the_range(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "glute-bridge")
    assert answer.topic is Topic.PROGRAMMING
    assert "2-3 sets of 10-20 reps" in answer.text.splitlines()[0]


def test_a_second_question_keeps_its_fact(answerer: Answerer) -> None:
    answer = answerer.answer("how many sets and how long do i rest", "glute-bridge")
    assert "minute" in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    ["i cant do a single rep", "way too hard, couldnt even do one rep", "cant manage 1 rep"],
)
def test_not_one_rep_is_an_easier_variation(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "single-leg-hip-thrust")
    assert answer.topic is Topic.VARIATIONS
    assert "easier" in answer.subject.focus


def test_reps_counted_are_still_programming(answerer: Answerer) -> None:
    assert answerer.answer("i do 12 reps, is that ok", "glute-bridge").topic is Topic.PROGRAMMING
