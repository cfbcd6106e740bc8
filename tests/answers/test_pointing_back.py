"""Follow-ups that point past the last answer, and sets and reps typed as numbers."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Subject, Topic
from bot.content import Library


def _talk(answerer: Answerer, *lines: str, exercise: str | None = None) -> list[Subject | None]:
    previous: Subject | None = None
    out: list[Subject | None] = []
    for line in lines:
        previous = answerer.answer(line, exercise, previous=previous).subject
        out.append(previous)
    return out


@pytest.mark.parametrize("ask", ["which one is harder", "which is easier", "which is better"])
def test_which_one_compares_the_last_two_exercises(answerer: Answerer, ask: str) -> None:
    *_, subject = _talk(answerer, "what muscles does the ghr work", "and the glute bridge?", ask)
    assert subject is not None and subject.topic is Topic.COMPARE
    assert {subject.exercise, *(f.removeprefix("other:") for f in subject.focus)} >= {
        "glute-bridge",
        "glute-ham-raise",
    }


def test_the_earlier_exercise_survives_a_stored_round_trip(answerer: Answerer) -> None:
    *_, subject = _talk(answerer, "how do i do the hip thrust", "and the glute bridge")
    assert subject is not None and subject.earlier == "hip-thrust"
    assert Subject.model_validate_json(subject.model_dump_json()) == subject
    assert (
        Subject.model_validate_json('{"topic": "steps", "exercise": "hip-thrust"}').earlier is None
    )


@pytest.mark.parametrize("ask", ["steps?", "how do i do it"])
def test_how_to_right_after_a_list_is_the_one_on_top(answerer: Answerer, ask: str) -> None:
    first = answerer.answer("whats an easier version of the single leg hip thrust")
    second = answerer.answer(ask, previous=first.subject)
    assert second.topic is Topic.STEPS
    assert second.exercise not in (None, "single-leg-hip-thrust")


@pytest.mark.parametrize("ask", ["where does it go", "where does it sit exactly"])
def test_where_does_it_go_is_the_kit_in_talk(
    answerer: Answerer, library: Library, ask: str
) -> None:
    band = answerer.answer("how do i do the banded single leg hip thrust")
    placed = answerer.answer(ask, previous=band.subject)
    fact = library["banded-single-leg-hip-thrust"].fact("band-placement")
    assert fact is not None and placed.text.startswith(fact.text)
    weight = answerer.answer("how heavy should i go", "single-leg-hip-thrust")
    placed = answerer.answer(ask, "single-leg-hip-thrust", previous=weight.subject)
    assert placed.topic is Topic.WEIGHTED and "crease" in placed.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("is 3x10 ok", "Yes"),
        ("3 x 12 good?", "Yes"),
        ("is 3 sets enough", "Yes"),
        ("6 sets of 30 too much?", "more than you need"),
        ("is 1x4 fine", "low side"),
    ],
)
def test_sets_and_reps_typed_as_numbers_get_a_verdict(
    answerer: Answerer, question: str, verdict: str
) -> None:
    answer = answerer.answer(question, "single-leg-hip-thrust")
    assert answer.topic is Topic.PROGRAMMING
    assert verdict in answer.text.split("\n")[0]
    assert "8-12" in answer.text


@pytest.mark.parametrize("question", ["i cant do one rep on one leg", "cramps after like 2 reps"])
def test_a_count_of_what_happened_is_no_prescription(answerer: Answerer, question: str) -> None:
    first_line = answerer.answer(question, "single-leg-hip-thrust").text.split("\n")[0]
    assert "fits the usual" not in first_line and "low side" not in first_line


@pytest.mark.parametrize(
    ("question", "exercise", "fact"),
    [
        ("feet placement for barbell thrusts?", "hip-thrust", "feet"),
        ("rest time for heavy barbell thrusts?", "hip-thrust", "rest"),
        ("the bench keeps sliding back", "hip-thrust", "bench-sliding"),
        ("band keeps rolling down my legs", "banded-single-leg-hip-thrust", "band-rolling"),
    ],
)
def test_kit_and_body_words_give_way_to_the_fact_asked(
    answerer: Answerer, library: Library, question: str, exercise: str, fact: str
) -> None:
    answer = answerer.answer(question, exercise)
    wanted = library[exercise].fact(fact)
    assert wanted is not None and answer.text.startswith(wanted.text)
