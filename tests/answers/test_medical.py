"""Medical questions get a short, kind referral: no checklist, no go-ahead, one disclaimer."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library

MEDICAL = [
    ("i have a herniated disc and sciatica down my left leg, can i still train", None),
    ("had a knee replacement 6 weeks ago is it ok to do bridges", None),
    ("I'm pregnant, are hip thrusts ok", None),
    ("tore my hamstring last month", "single-leg-hip-thrust"),
    ("sharp pain in my hip when I lower", "hip-thrust"),
    ("my lower back has hurt for two weeks", "glute-bridge"),
    ("my knee hurts", None),
    ("I have arthritis in both hips", "hip-thrust"),
]


@pytest.mark.parametrize(("question", "exercise"), MEDICAL)
def test_a_medical_question_is_referred(
    answerer: Answerer, library: Library, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.MEDICAL
    text = answer.text.lower()
    assert any(who in text for who in ("doctor", "physio", "midwife", "surgeon"))
    assert "stop" in text
    assert text.count("not medical advice") == 1
    assert len(answer.text) < 400
    for ex in library.values():
        for m in ex.mistakes:
            assert m.cue not in answer.text and m.fix not in answer.text
    # No go-ahead: the answer never starts coaching the exercise.
    assert "yes" not in text.split()[:3] and "set-up" not in text


def test_a_symptom_with_no_exercise_in_hand_gets_no_exercise_fault(
    answerer: Answerer, library: Library
) -> None:
    answer = answerer.answer("my knee hurts")
    assert answer.exercise is None
    assert not any(m.fix in answer.text for ex in library.values() for m in ex.mistakes)


def test_pain_during_an_exercise_stops_first_with_one_disclaimer(
    answerer: Answerer, library: Library
) -> None:
    answer = answerer.answer("my lower back hurts", "single-leg-hip-thrust")
    assert answer.topic is Topic.MEDICAL
    assert answer.text.startswith("Stop the set")
    assert answer.text.count("not medical advice") == 1
    assert not any(m.fix in answer.text for m in library["single-leg-hip-thrust"].mistakes)


@pytest.mark.parametrize(
    "question",
    [
        "what's a good replacement for hip thrusts",
        "the band keeps pulling my knees in",
        "why is it so hard",
    ],
)
def test_training_words_that_look_medical_are_coached(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question, "banded-single-leg-hip-thrust").topic is not Topic.MEDICAL
