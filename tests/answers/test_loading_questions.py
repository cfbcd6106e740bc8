"""Loading: how and where the weight sits is one question, when to go heavier another."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library


def _fact(library: Library, slug: str, fact_id: str) -> str:
    return next(f.text for f in library[slug].facts if f.id == fact_id)


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("how would I load this one", "two-up-one-down-hip-thrust"),
        ("whats the way to add a dumbbell to glute bridges", None),
        ("how do you add weight to the banded single leg version", None),
        ("can I add weight to it", "hip-thrust"),
    ],
)
def test_how_to_add_weight_is_how_the_weight_goes_on(
    answerer: Answerer, library: Library, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic is Topic.WEIGHTED
    assert answer.exercise is not None
    assert "crease" in answer.text
    assert _fact(library, answer.exercise, "raising-load") not in answer.text
    assert _fact(library, answer.exercise, "choosing-load") not in answer.text


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("how am I meant to hold the kettlebell", "single-leg-hip-thrust"),
        ("where should the plate sit on two up one down", None),
        ("the dumbbell keeps rolling off, how do I keep it in place", "glute-bridge"),
    ],
)
def test_where_and_how_the_weight_sits_leads_with_its_place(
    answerer: Answerer, library: Library, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.exercise is not None
    assert answer.text.startswith(_fact(library, answer.exercise, "weight-position"))


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("when is it time to add a dumbbell", "single-leg-hip-thrust"),
        ("how will I know I'm ready for more weight", "hip-thrust"),
        ("when can I bump up the load on bridges", None),
        ("how soon should I increase the weight on the two up one down", None),
    ],
)
def test_when_to_add_weight_is_raising_the_load(
    answerer: Answerer, library: Library, question: str, exercise: str | None
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.exercise is not None
    assert answer.text.startswith(_fact(library, answer.exercise, "raising-load"))


def test_every_raising_load_fact_says_the_usual_criterion(library: Library) -> None:
    """Clean reps with good form at the top of the range: said plainly, on every exercise."""
    for ex in library.values():
        text = _fact(library, ex.slug, "raising-load").lower()
        assert "clean" in text and "form" in text and "top of" in text, ex.slug


def test_how_heavy_to_start_is_still_choosing_the_load(
    answerer: Answerer, library: Library
) -> None:
    answer = answerer.answer("what weight should I start with", "single-leg-hip-thrust")
    assert answer.text.startswith(_fact(library, "single-leg-hip-thrust", "choosing-load"))
