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


@pytest.mark.parametrize(
    ("first", "correction", "topic"),
    [
        (
            "how many reps for hip thrusts",
            "sorry i meant the single leg one with a band",
            Topic.PROGRAMMING,
        ),
        (
            "how do i do the glute bridge",
            "actually i meant the banded one, how many reps",
            Topic.PROGRAMMING,
        ),
        ("how do i do the hip thrust", "wait i meant the one leg one with the band", Topic.STEPS),
    ],
)
def test_a_correction_asks_the_question_again_about_the_exercise_described(
    answerer: Answerer, first: str, correction: str, topic: Topic
) -> None:
    answer = _talk(answerer, first, correction)
    assert answer.exercise == "banded-single-leg-hip-thrust"
    assert answer.topic is topic


@pytest.mark.parametrize(
    ("first", "aside", "back"),
    [
        (
            "where do my feet go on single leg hip thrust",
            "whats a good protein powder",
            "back to the thrusts, how many reps",
        ),
        (
            "how do i do the banded single leg hip thrust",
            "any good pre workout?",
            "ok back to the hip thrusts, rest between sets?",
        ),
    ],
)
def test_back_to_a_short_name_is_the_exercise_talked_about_before_the_aside(
    answerer: Answerer, first: str, aside: str, back: str
) -> None:
    before = _talk(answerer, first)
    answer = _talk(answerer, first, aside, back)
    assert answer.exercise == before.exercise
    assert answer.topic is Topic.PROGRAMMING


def test_a_new_exercise_named_in_full_is_still_that_exercise(answerer: Answerer) -> None:
    answer = _talk(answerer, "how many reps for single leg hip thrust", "and the hip thrust?")
    assert answer.exercise == "hip-thrust"


@pytest.mark.parametrize(
    ("compared", "pick", "easier"),
    [
        (
            "glute bridge or hip thrust?",
            "which one do i begin with, i never lifted before",
            "glute-bridge",
        ),
        (
            "compare the two up one down and the single leg hip thrust",
            "im new to lifting, which one",
            "two-up-one-down-hip-thrust",
        ),
        (
            "single leg hip thrust vs glute ham raise",
            "which should i start with",
            "single-leg-hip-thrust",
        ),
    ],
)
def test_a_beginners_pick_after_a_comparison_is_the_easier_one(
    answerer: Answerer, compared: str, pick: str, easier: str
) -> None:
    answer = _talk(answerer, compared, pick)
    assert answer.topic is Topic.COMPARE
    assert answer.text.startswith("For a beginner")
    assert answer.exercise == easier


@pytest.mark.parametrize(
    ("listing", "pick"),
    [
        ("any alternatives to the hip thrust", "which one hits the hamstrings most"),
        ("what can i do instead of the glute bridge", "which is better for my hammies"),
    ],
)
def test_the_pick_of_a_list_for_a_muscle_is_the_one_it_is_main_mover_of(
    answerer: Answerer, listing: str, pick: str
) -> None:
    answer = _talk(answerer, listing, pick)
    assert answer.exercise == "glute-ham-raise"
    assert answer.text.startswith("For the hamstrings, the glute-ham raise")


def test_the_pick_for_glutes_is_no_verdict(answerer: Answerer) -> None:
    answer = _talk(
        answerer, "what can i do instead of single leg hip thrust", "which is best for glutes"
    )
    assert not answer.text.startswith("For the")


@pytest.mark.parametrize(
    ("first", "then", "fact", "exercise"),
    [
        (
            "where do i look during single leg hip thrust",
            "same for the barbell 2 leg one?",
            "facts:gaze",
            "hip-thrust",
        ),
        (
            "how long rest between sets on glute bridges",
            "same for barbell hip thrusts?",
            "facts:rest",
            "hip-thrust",
        ),
    ],
)
def test_same_for_an_exercise_named_with_its_kit_keeps_the_fact(
    answerer: Answerer, first: str, then: str, fact: str, exercise: str
) -> None:
    answer = _talk(answerer, first, then)
    assert answer.exercise == exercise
    assert answer.subject.focus[0] == fact


def test_and_with_a_weight_still_asks_about_the_weight(answerer: Answerer) -> None:
    answer = _talk(
        answerer,
        "how do i breathe on the hip thrust",
        "and for the single leg one with a dumbbell?",
    )
    assert answer.topic is Topic.WEIGHTED


@pytest.mark.parametrize(
    "ask",
    [
        "ok and light or heavy band?",
        "which band do i buy then, heavy or light",
        "and how strong should the band be",
    ],
)
def test_band_strength_leads_in_talk_of_the_banded_one(answerer: Answerer, ask: str) -> None:
    answer = _talk(answerer, "how do i do banded single leg hip thrust", ask)
    assert answer.subject.focus[0] == "facts:band-strength"
    assert "light" in answer.text.split("\n")[0]


@pytest.mark.parametrize(
    "then", ["no i meant the single leg one with the band", "and on the banded single leg one?"]
)
def test_a_fact_the_other_exercise_files_under_its_own_id_is_carried(
    answerer: Answerer, then: str
) -> None:
    answer = _talk(answerer, "where does the band go on the glute bridge", then)
    assert answer.exercise == "banded-single-leg-hip-thrust"
    assert answer.subject.focus[0] == "facts:band-placement"
    assert "knee" in answer.text.split("\n")[0]


@pytest.mark.parametrize(
    ("first", "then", "exercise", "reps"),
    [
        (
            "how many sets and reps for hip thrusts",
            "what about the glute bridge?",
            "glute-bridge",
            "10-20",
        ),
        (
            "how do i do the two up one down one",
            "how many reps should i do of it",
            "two-up-one-down-hip-thrust",
            "6-10",
        ),
        ("how do i do the glute bridge", "how many reps of that", "glute-bridge", "10-20"),
    ],
)
def test_reps_asked_in_talk_of_an_exercise_lead_with_its_range(
    answerer: Answerer, first: str, then: str, exercise: str, reps: str
) -> None:
    answer = _talk(answerer, first, then)
    assert answer.topic is Topic.PROGRAMMING and answer.exercise == exercise
    assert reps in answer.text.split("\n")[0]
