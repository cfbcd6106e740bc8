"""When to move on from a step to the harder exercise it leads to, and what "the full one" is."""

from __future__ import annotations

import pytest

from bot.answers import compose
from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library


def _move_on(library: Library, slug: str) -> str:
    return next(f.text for f in library[slug].facts if f.id == "move-on")


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("when can I progress to single leg", "hip-thrust"),
        ("how do I know I'm ready to move on", "glute-bridge"),
        ("am I ready for the full version yet?", "two-up-one-down-hip-thrust"),
        ("when's it time to switch to the one leg version", "two-up-one-down-hip-thrust"),
        ("when should I take the next step", "hip-thrust"),
    ],
)
def test_when_to_move_on_from_the_exercise_in_hand(
    answerer: Answerer, library: Library, question: str, exercise: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert (answer.topic, answer.exercise) == (Topic.PROGRAMMING, exercise)
    assert answer.text.startswith(_move_on(library, exercise))


def test_when_to_move_on_names_the_step_it_is_from(answerer: Answerer, library: Library) -> None:
    answer = answerer.answer("when should I move on from glute bridges")
    assert answer.exercise == "glute-bridge"
    assert answer.text.startswith(_move_on(library, "glute-bridge"))


def test_when_to_move_on_in_a_conversation(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("how do you do the 2 up 1 down")
    second = answerer.answer(
        "ok so when am I ready for proper single leg ones", previous=first.subject
    )
    assert second.exercise == "two-up-one-down-hip-thrust"
    assert second.text.startswith(_move_on(library, "two-up-one-down-hip-thrust"))


def test_the_move_on_facts_say_when(library: Library) -> None:
    """Each says what "ready" looks like: clean, controlled reps on the easier step."""
    for slug in ("glute-bridge", "hip-thrust", "two-up-one-down-hip-thrust"):
        text = _move_on(library, slug).lower()
        assert "clean" in text and ("control" in text or "stable" in text), slug


def test_the_full_one_is_the_harder_exercise_this_one_leads_to(
    answerer: Answerer, library: Library
) -> None:
    first = answerer.answer("what is the two up one down")
    second = answerer.answer("how do I do the full one then", previous=first.subject)
    goal = compose.related_slugs(library["two-up-one-down-hip-thrust"], library, "variations", 1)
    assert (second.topic, second.exercise) == (Topic.STEPS, goal[0])


def test_ready_for_an_exercise_with_nothing_in_talk_is_its_level(answerer: Answerer) -> None:
    answer = answerer.answer("am I ready for glute ham raises")
    assert (answer.topic, answer.exercise) == (Topic.LEVEL, "glute-ham-raise")


def test_after_comparing_two_the_easier_one_is_moved_on_from(
    answerer: Answerer, library: Library
) -> None:
    first = answerer.answer("single leg hip thrust vs two up one down")
    second = answerer.answer("ok when can I move on to the full one", previous=first.subject)
    assert second.exercise == "two-up-one-down-hip-thrust"
    assert second.text.startswith(_move_on(library, "two-up-one-down-hip-thrust"))


@pytest.mark.parametrize(
    "question",
    ["when should my next session be", "when do I use the full range", "when will I see progress"],
)
def test_next_full_and_progress_said_of_something_else(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "two-up-one-down-hip-thrust")
    assert answer.subject is not None and "facts:move-on" not in answer.subject.focus
