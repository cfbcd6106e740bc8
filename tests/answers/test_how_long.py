"""A vague "how long?" asks how long the thing just talked about lasts."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    "vague", ["how long?", "for how long tho", "ok how long then", "how long exactly"]
)
def test_after_the_pause_how_long_is_the_pause(answerer: Answerer, vague: str) -> None:
    first = answerer.answer("do i hold it at the top", "glute-bridge")
    assert "facts:pause" in first.subject.focus
    second = answerer.answer(vague, "glute-bridge", previous=first.subject)
    assert second.subject.focus[0] == "facts:pause"
    assert "second" in second.text


@pytest.mark.parametrize(
    "question",
    [
        "how long does the soreness last",
        "how long will doms take to go",
        "how long till im not sore",
    ],
)
def test_how_long_with_its_subject_is_that_subjects_fact(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "hip-thrust")
    assert answer.subject.focus[:1] == ("facts:soreness",)
    assert "day" in answer.text


def test_a_bare_how_long_with_nothing_in_talk_is_rest(answerer: Answerer) -> None:
    answer = answerer.answer("how long", "hip-thrust")
    assert answer.topic is Topic.PROGRAMMING and "minute" in answer.text


def test_after_an_answer_with_no_length_how_long_is_rest(answerer: Answerer) -> None:
    first = answerer.answer("what muscles does it work", "hip-thrust")
    second = answerer.answer("how long", "hip-thrust", previous=first.subject)
    assert second.topic is Topic.PROGRAMMING and "minute" in second.text
