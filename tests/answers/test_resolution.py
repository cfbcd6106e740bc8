"""Which exercise a question is about: pronouns, relative names, unknown exercises, typos."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library

SLUGS = [
    "single-leg-hip-thrust", "hip-thrust", "banded-single-leg-hip-thrust",
    "two-up-one-down-hip-thrust", "glute-bridge", "glute-ham-raise",
]  # fmt: skip


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how do I do this", Topic.STEPS),
        ("what does it work", Topic.MUSCLES),
        ("any tips for these", Topic.TIPS),
        ("how many reps should I do of it", Topic.PROGRAMMING),
        ("is it hard", Topic.LEVEL),
    ],
)
def test_pronouns_mean_the_exercise_in_hand(
    answerer: Answerer, library: Library, slug: str, question: str, topic: Topic
) -> None:
    answer = answerer.answer(question, slug)
    assert (answer.topic, answer.exercise) == (topic, slug)
    assert library[slug].name.lower() in answer.text.lower()


@pytest.mark.parametrize(
    ("question", "in_hand", "expected"),
    [
        ("how do I do the banded version", "single-leg-hip-thrust", "banded-single-leg-hip-thrust"),
        ("what about the two up one down", "single-leg-hip-thrust", "two-up-one-down-hip-thrust"),
        ("tips for the 2 up 1 down", "hip-thrust", "two-up-one-down-hip-thrust"),
        ("and the single leg one?", "hip-thrust", "single-leg-hip-thrust"),
        ("what does the classic one work", "single-leg-hip-thrust", "hip-thrust"),
    ],
)
def test_relative_names_resolve_against_the_exercise_in_hand(
    answerer: Answerer, question: str, in_hand: str, expected: str
) -> None:
    assert answerer.answer(question, in_hand).exercise == expected


def test_a_named_exercise_beats_the_one_in_hand(answerer: Answerer) -> None:
    answer = answerer.answer("what muscles does the glute bridge work", "glute-ham-raise")
    assert (answer.topic, answer.exercise) == (Topic.MUSCLES, "glute-bridge")


@pytest.mark.parametrize(
    "question",
    ["singel leg hip thrust steps", "glute brige how to", "hip thurst tips", "hipthrust form"],
)
def test_typos_in_names_still_find_the_exercise(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).exercise in {
        "single-leg-hip-thrust",
        "glute-bridge",
        "hip-thrust",
    }
    assert answerer.answer(question).topic is not Topic.NONE


@pytest.mark.parametrize(
    "question", ["how do I bench press", "how do I squat", "deadlift form", "plank tips please"]
)
def test_an_exercise_the_store_lacks_names_none_and_lists_what_it_knows(
    answerer: Answerer, library: Library, question: str
) -> None:
    answer = answerer.answer(question)
    assert answer.exercise is None
    assert answer.topic is Topic.NONE
    assert all(ex.name in answer.text for ex in library.values())


def test_an_unknown_exercise_in_hand_is_ignored(answerer: Answerer) -> None:
    answer = answerer.answer("what muscles does the glute bridge work", "bench-press")
    assert (answer.topic, answer.exercise) == (Topic.MUSCLES, "glute-bridge")
    assert answerer.answer("how do I do this", "bench-press").topic is Topic.STEPS


def test_two_names_make_a_comparison_with_the_content_note(
    answerer: Answerer, library: Library
) -> None:
    answer = answerer.answer("glute bridge vs hip thrust")
    assert answer.topic is Topic.COMPARE
    notes = [r.note for r in library["glute-bridge"].comparisons if r.slug == "hip-thrust"]
    notes += [r.note for r in library["hip-thrust"].comparisons if r.slug == "glute-bridge"]
    assert any(note in answer.text for note in notes)


def test_the_exercise_in_hand_and_one_named_make_a_comparison(answerer: Answerer) -> None:
    answer = answerer.answer("how's this different from a glute bridge?", "single-leg-hip-thrust")
    assert answer.topic is Topic.COMPARE
    assert "Glute bridge" in answer.text and "Single-leg hip thrust" in answer.text
