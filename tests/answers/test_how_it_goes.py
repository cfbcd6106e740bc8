"""How an exercise goes, asked in few words: "how does it work", "set it up", "diff b/w"."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic


@pytest.mark.parametrize(
    ("question", "in_hand", "slug"),
    [
        ("how does it work", "glute-bridge", "glute-bridge"),
        ("ok so how does this thing work", "hip-thrust", "hip-thrust"),
        ("glute ham raise how?", None, "glute-ham-raise"),
        ("how does the banded one work exactly", None, "banded-single-leg-hip-thrust"),
        ("single leg hip thrust how", None, "single-leg-hip-thrust"),
    ],
)
def test_a_bare_how_is_the_steps(
    answerer: Answerer, question: str, in_hand: str | None, slug: str
) -> None:
    answer = answerer.answer(question, in_hand)
    assert (answer.topic, answer.exercise) == (Topic.STEPS, slug)


@pytest.mark.parametrize("question", ["how often", "how long do i rest", "how many reps"])
def test_a_how_that_asks_more_is_not_the_steps(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question, "glute-bridge").topic is Topic.PROGRAMMING


def test_what_it_works_is_still_the_muscles(answerer: Answerer) -> None:
    assert answerer.answer("what does it work", "glute-bridge").topic is Topic.MUSCLES


@pytest.mark.parametrize(
    "question",
    ["how should i set this up", "set it all up for me", "how do i set them up", "set all up?"],
)
def test_a_split_set_up_is_the_set_up(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "hip-thrust")
    assert answer.topic is Topic.STEPS
    assert "set-up" in answer.text.splitlines()[0]


def test_sets_are_still_programming(answerer: Answerer) -> None:
    assert answerer.answer("how many sets", "hip-thrust").topic is Topic.PROGRAMMING


@pytest.mark.parametrize(
    "question",
    [
        "diff between this and the hip thrust",
        "whats the diff b/w this one and hip thrusts",
        "any diff from hip thrusts?",
        "main diffs vs hip thrust",
    ],
)
def test_diff_compares_with_the_exercise_in_hand(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "glute-bridge")
    assert answer.topic is Topic.COMPARE
    assert {answer.exercise, *(f[6:] for f in answer.subject.focus if f.startswith("other:"))} == {
        "glute-bridge",
        "hip-thrust",
    }


@pytest.mark.parametrize(
    ("question", "in_hand", "kit"),
    [
        ("what do i need for this", "glute-bridge", "floor or mat"),
        ("do i need any special equipment", "glute-ham-raise", "machine"),
        ("what gear for hip thrusts?", None, "flat bench"),
        ("any kit needed", "single-leg-hip-thrust", "flat bench"),
    ],
)
def test_kit_asked_is_the_exercises_equipment(
    answerer: Answerer, question: str, in_hand: str | None, kit: str
) -> None:
    answer = answerer.answer(question, in_hand)
    assert answer.topic is Topic.OVERVIEW
    assert kit in answer.text.splitlines()[0]


def test_kit_asked_of_the_exercise_in_talk(answerer: Answerer) -> None:
    first = answerer.answer("tell me about the glute ham raise")
    second = answerer.answer("do i need special gear for that", "hip-thrust", first.subject)
    assert second.exercise == "glute-ham-raise" and "machine" in second.text


def test_missing_kit_is_no_kit_question(answerer: Answerer) -> None:
    assert answerer.answer("no equipment at home, what can i do", "hip-thrust").topic in (
        Topic.ALTERNATIVES,
        Topic.VARIATIONS,
    )


@pytest.mark.parametrize(
    "question",
    [
        "good butt exercise with no equipment",
        "what can i do with zero gear",
        "no equipment alternative to the hip thrust?",
        "without any equipment what works glutes",
    ],
)
def test_no_equipment_is_the_exercise_that_needs_only_the_floor(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    assert (answer.topic, answer.exercise) == (Topic.ALTERNATIVES, "glute-bridge")
    assert "floor" in answer.text


def test_no_equipment_with_another_topic_keeps_that_topic(answerer: Answerer) -> None:
    assert answerer.answer("how many sets with no equipment", "hip-thrust").topic is (
        Topic.PROGRAMMING
    )


def test_after_the_set_up_more_is_the_movement(answerer: Answerer) -> None:
    first = answerer.answer("how do i set it up", "glute-bridge")
    second = answerer.answer("more", "glute-bridge", previous=first.subject)
    assert second.text.startswith("Then the movement:")


def test_what_to_do_is_no_kit_question(answerer: Answerer) -> None:
    assert "kit" not in answerer.answer("what do i need to do", "glute-bridge").subject.focus


def test_how_so_is_a_why_not_the_steps(answerer: Answerer) -> None:
    assert answerer.answer("how so?", "glute-bridge").topic is not Topic.STEPS
