"""Another sport as the scene, pelvic floor referrals, a clinician's plan, muscle roles, sides."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic

SLHT = "single-leg-hip-thrust"


@pytest.mark.parametrize(
    "question",
    [
        "should these go before or after my deadlifts",
        "cycling 4 days a week, how often should i do glute work",
        "football season, how many times a week should i do glute work",
    ],
)
def test_another_sport_or_lift_as_the_scene_is_answered(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.topic is Topic.PROGRAMMING, answer.text


@pytest.mark.parametrize(
    "question", ["who won the football last night", "how far is my hotel", "how do i deadlift"]
)
def test_the_sport_or_place_alone_is_still_refused(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).topic is Topic.NONE


@pytest.mark.parametrize(
    "question",
    ["bit of bladder leaking when i go heavy", "i think i have a prolapse, ok to thrust?"],
)
def test_pelvic_floor_signs_are_referred(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "hip-thrust")
    assert answer.topic is Topic.MEDICAL
    assert "pelvic floor physio" in answer.text
    assert answer.text.count("not medical advice") == 1


def test_a_plan_a_physio_set_comes_first(answerer: Answerer) -> None:
    answer = answerer.answer("my physio gave me 2x15 of these, can i add a set", "glute-bridge")
    assert answer.text.startswith("Your physio set that plan")
    plain = answerer.answer("can i do 2x15 of these and add a set", "glute-bridge")
    assert "physio" not in plain.text.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("do the glutes do much on these", "secondary"),
        ("is the hamstring the main muscle or just helping", "secondary"),
    ],
)
def test_one_muscle_asked_gets_its_role_and_the_main_mover(
    answerer: Answerer, question: str, role: str
) -> None:
    answer = answerer.answer(
        question, "single-leg-hip-thrust" if role == "secondary" else "glute-ham-raise"
    )
    assert answer.topic is Topic.MUSCLES
    text = answer.text.lower()
    assert "main mover" in text
    assert role in text or "assists" in text


def test_one_side_weaker_than_the_other_is_no_comparison(answerer: Answerer) -> None:
    answer = answerer.answer("my right leg is much weaker than the left one, is that ok", SLHT)
    assert answer.topic is not Topic.COMPARE
