"""Which of two exercises is harder or easier: a verdict first, from levels and steps."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.compose import mid
from bot.answers.model import Topic
from bot.content import Library


def _says(text: str, library: Library, harder: str, easier: str) -> bool:
    first = text.splitlines()[0].lower()
    h, e = mid(library[harder]).lower(), mid(library[easier]).lower()
    return f"{h} is harder than the {e}" in first or f"{e} is easier than the {h}" in first


@pytest.mark.parametrize(
    ("question", "harder", "easier"),
    [
        ("is the GHR harder than hip thrusts", "glute-ham-raise", "hip-thrust"),
        ("is a glute bridge tougher than the glute ham raise?", "glute-ham-raise", "glute-bridge"),
        ("two up one down vs single leg hip thrust, which is easier", "single-leg-hip-thrust",
         "two-up-one-down-hip-thrust"),
        # Both beginner-level: the variation's step says which is the harder one.
        ("is the two up one down easier than a regular hip thrust", "two-up-one-down-hip-thrust",
         "hip-thrust"),
        ("banded single leg vs single leg hip thrust which one is more difficult",
         "banded-single-leg-hip-thrust", "single-leg-hip-thrust"),
    ],
)  # fmt: skip
def test_a_harder_or_easier_comparison_leads_with_the_verdict(
    answerer: Answerer, library: Library, question: str, harder: str, easier: str
) -> None:
    answer = answerer.answer(question)
    assert answer.topic is Topic.COMPARE
    assert _says(answer.text, library, harder, easier), answer.text
    levels = [library[harder].level.value, library[easier].level.value]
    if levels[0] != levels[1]:
        said = "harder than" in answer.text.splitlines()[0]
        assert " vs ".join(levels if said else levels[::-1]) in answer.text.splitlines()[0]


def test_the_two_exercises_talked_about_get_a_verdict(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("how do I do the glute bridge")
    second = answerer.answer("and the single leg hip thrust?", previous=first.subject)
    third = answerer.answer("which is tougher?", previous=second.subject)
    assert third.topic is Topic.COMPARE
    assert _says(third.text, library, "single-leg-hip-thrust", "glute-bridge"), third.text


def test_easier_than_the_one_in_hand(answerer: Answerer, library: Library) -> None:
    in_hand = "two-up-one-down-hip-thrust"
    answer = answerer.answer("is this easier than the single leg one?", in_hand)
    assert _says(answer.text, library, "single-leg-hip-thrust", in_hand)


def test_better_for_a_newbie_names_the_easier_one(answerer: Answerer) -> None:
    answer = answerer.answer("glute bridge or hip thrust, which suits a total newbie better")
    assert answer.topic is Topic.COMPARE
    assert answer.text.lower().startswith("for a beginner, the glute bridge")


def test_a_comparison_that_asks_no_difficulty_has_no_verdict(answerer: Answerer) -> None:
    answer = answerer.answer("whats the difference between glute bridge and hip thrust")
    assert "harder than" not in answer.text.splitlines()[0]
    assert "easier than" not in answer.text.splitlines()[0]


def test_the_note_names_the_exercise_it_was_written_for_first(answerer: Answerer) -> None:
    """A note that says "here" is about the exercise it belongs to: that one is named first."""
    answer = answerer.answer("single leg hip thrust vs two up one down")
    lines = answer.text.splitlines()
    note_line = next(i for i, line in enumerate(lines) if line.startswith("Here only"))
    assert lines[note_line - 1].startswith("Two-up-one-down hip thrust vs")
