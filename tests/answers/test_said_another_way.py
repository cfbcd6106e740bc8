"""Facts said without their words: a weaker side by its counts, the pause as "hold or not"."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("my right leg gets 10 but my left only gets 5", "single-leg-hip-thrust"),
        ("left does 15 and right does 8, help", "single-leg-hip-thrust"),
        ("on my left i only manage 4", "banded-single-leg-hip-thrust"),
        ("i can do 12 on the right and 7 on the left single leg thrust", None),
    ],
)
def test_counts_that_differ_by_side_are_a_weaker_side(
    answerer: Answerer, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic in {Topic.TROUBLESHOOT, Topic.PROGRAMMING}
    assert answer.subject.focus[0] in {"facts:imbalance", "facts:weak-side"}
    assert "weaker" in answer.text


def test_the_same_count_on_both_sides_is_still_a_prescription(answerer: Answerer) -> None:
    answer = answerer.answer(
        "how many reps each leg, 12 on the left and right?", "single-leg-hip-thrust"
    )
    assert answer.topic is Topic.PROGRAMMING
    assert "8-12" in answer.text


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("hold at the top or pump them out", "glute-bridge"),
        ("should i pause at the top or rep it out", "single-leg-hip-thrust"),
        ("do i hold it at the top or just crank them out fast on hip thrusts", None),
        ("pause or go fast", "hip-thrust"),
    ],
)
def test_hold_or_pump_them_out_is_the_pause(
    answerer: Answerer, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.subject.focus[0] in {"facts:pause", "facts:tempo"}
    assert "pause" in answer.text.lower()


@pytest.mark.parametrize(
    ("question", "exercise", "fault"),
    [
        ("my feet are really close to my butt, is that bad", "single-leg-hip-thrust", "close"),
        ("is it ok if my feet are far out in front", "glute-bridge", "far"),
        ("my feet are way out far, is that wrong", "hip-thrust", "far"),
        ("my hips go really high at the top is that bad", "hip-thrust", "high"),
    ],
)
def test_a_set_up_choice_judged_is_its_mistake(
    answerer: Answerer, question: str, exercise: str, fault: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.MISTAKES
    assert answer.subject.focus[0].startswith("mistakes:")
    assert fault in answer.text.lower()


@pytest.mark.parametrize(
    ("question", "exercise", "fact"),
    [
        ("bench too high is that bad", "hip-thrust", "facts:bench-height"),
        ("i push my hips super high, is that ok", "glute-bridge", "facts:range"),
    ],
)
def test_a_judged_set_up_choice_with_no_mistake_is_its_set_up_fact(
    answerer: Answerer, question: str, exercise: str, fact: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.subject.focus[0] == fact


def test_a_muscle_felt_is_still_not_a_set_up_choice(answerer: Answerer) -> None:
    answer = answerer.answer("is it bad if i feel it in my hamstrings", "hip-thrust")
    assert answer.topic is Topic.MUSCLES


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        (
            "can i put a dumbbell on my hips, i cant keep my knee tucked with it",
            "single-leg-hip-thrust",
        ),
        ("with a plate on my hips my knee wont tuck", "single-leg-hip-thrust"),
        ("the db makes it impossible to bring my free knee up", "single-leg-hip-thrust"),
        ("knee tucked or straight when i have a weight on", "banded-single-leg-hip-thrust"),
    ],
)
def test_the_free_knee_under_a_weight_is_kept_straight(
    answerer: Answerer, question: str, exercise: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.WEIGHTED
    assert "straight" in answer.text.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("tips for feeling the glute working", "hip-thrust"),
        ("how do i feel it more in my glutes, any tips", "glute-bridge"),
        ("any tips to feel my butt activate on these", "single-leg-hip-thrust"),
        ("any advice on getting my glutes to fire", "single-leg-hip-thrust"),
        ("tips to make my glutes activate", "hip-thrust"),
    ],
)
def test_tips_to_feel_the_glutes_lead_with_the_fix_for_not_feeling_them(
    answerer: Answerer, question: str, exercise: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic in {Topic.TIPS, Topic.TROUBLESHOOT}
    assert answer.subject.focus[0] == "facts:cant-feel-glutes"


def test_tips_for_sore_glutes_are_not_the_feeling_fix(answerer: Answerer) -> None:
    answer = answerer.answer("tips for sore glutes", "hip-thrust")
    assert "facts:cant-feel-glutes" not in answer.subject.focus
