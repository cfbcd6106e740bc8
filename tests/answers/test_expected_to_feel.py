"""Is a working muscle supposed to be felt: the muscle's role, never a fault."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    ("question", "exercise", "role"),
    [
        ("are my hamstrings meant to be burning on these", "hip-thrust", "secondary mover"),
        ("should I be feeling this in my lower back too", "single-leg-hip-thrust", "stabiliser"),
        ("is my lower back meant to work during glute bridges", None, "stabiliser"),
        ("should my abs be working", "glute-bridge", "stabiliser"),
        ("are my hammies meant to be working on this one", "hip-thrust", "secondary mover"),
        ("am I supposed to feel my hammies on the GHR", None, "main mover"),
        ("should i feel the burn in my hamstrings", "single-leg-hip-thrust", "secondary mover"),
        ("is it meant to burn in my hammies like this", "two-up-one-down-hip-thrust", "secondary"),
    ],
)
def test_a_working_muscle_asked_about_gets_its_role(
    answerer: Answerer, question: str, exercise: str | None, role: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.MUSCLES, answer.text
    assert role in answer.text.splitlines()[0], answer.text


@pytest.mark.parametrize(
    "question", ["is it supposed to cramp in my hamstrings", "should my lower back arch at the top"]
)
def test_a_fault_asked_about_is_still_a_fault(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "single-leg-hip-thrust")
    assert answer.topic in (Topic.TROUBLESHOOT, Topic.MISTAKES)
