"""Lead with the fact asked for: a detail question gets that detail first, with its cue."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library

SLHT = "single-leg-hip-thrust"


@pytest.mark.parametrize(
    ("question", "exercise", "fact"),
    [
        ("where do my arms go", SLHT, "arms"),
        ("what do I do with my elbows", SLHT, "arms"),
        ("how far should my foot be from the bench", SLHT, "feet"),
        ("where should I look", "hip-thrust", "gaze"),
        ("how high should the bench be", "two-up-one-down-hip-thrust", "bench-height"),
        ("where does the dumbbell go", SLHT, "weight-position"),
        ("where do i put the band", "banded-single-leg-hip-thrust", "band-placement"),
        ("how long should I rest between sets", "glute-ham-raise", "rest"),
        ("rest between legs?", SLHT, "rest-between-sides"),
        ("how often per week", "hip-thrust", "frequency"),
        ("do I need to warm up", "glute-bridge", "warm-up"),
        ("when do I breathe", SLHT, "breathing"),
        ("how heavy should I go", SLHT, "choosing-load"),
        ("when should I go heavier", "hip-thrust", "raising-load"),
        ("what if I don't have a bench", SLHT, "no-bench"),
        ("is it normal to feel this in my hammies too", SLHT, "normal-feel"),
    ],
)
def test_a_detail_question_opens_with_that_fact_and_its_cue(
    answerer: Answerer, library: Library, question: str, exercise: str, fact: str
) -> None:
    answer = answerer.answer(question, exercise)
    wanted = library[exercise].fact(fact)
    assert wanted is not None
    assert answer.text.startswith(wanted.text)
    if wanted.cue:
        assert wanted.cue in answer.text
    assert answer.subject is not None and f"facts:{fact}" in answer.subject.focus


def test_normal_feelings_in_a_working_muscle_are_never_a_fault(
    answerer: Answerer, library: Library
) -> None:
    for question in ("is it normal to feel this in my hammies too", "my glutes burn, is that ok"):
        answer = answerer.answer(question, SLHT)
        assert answer.topic is Topic.MUSCLES, question
        assert not any(m.fix in answer.text for m in library[SLHT].mistakes)


@pytest.mark.parametrize("slug", [SLHT, "hip-thrust", "two-up-one-down-hip-thrust", "glute-bridge"])
def test_a_how_to_gives_every_set_up_line_and_every_step(
    answerer: Answerer, library: Library, slug: str
) -> None:
    answer = answerer.answer("how do I do it", slug)
    ex = library[slug]
    whole = answer.text + "\n" + (answer.more or "")
    assert all(line in whole for line in (*ex.setup, *ex.steps))
    assert all(len(part) < 600 for part in (answer.text, answer.more or ""))
    # The set-up comes first: the movement may wait for "more", the set-up never does.
    assert all(line in answer.text for line in ex.setup)


def test_no_answer_part_passes_the_phone_limit(answerer: Answerer, library: Library) -> None:
    questions = ["how do I do it", "tips", "mistakes", "variations", "benefits", "how much rest"]
    for slug in library:
        for question in questions:
            answer = answerer.answer(question, slug)
            assert 0 < len(answer.text) < 600 and len(answer.more or "") < 600, (slug, question)


@pytest.mark.parametrize(
    "question", ["i literally cant do one rep on one leg", "easier please", "this is way too hard"]
)
def test_easier_never_offers_anything_harder(
    answerer: Answerer, library: Library, question: str
) -> None:
    answer = answerer.answer(question, SLHT)
    assert answer.topic in (Topic.VARIATIONS, Topic.ALTERNATIVES)
    refs = (*library[SLHT].variations, *library[SLHT].alternatives)
    harder = [r.slug for r in refs if r.step == "harder"]
    assert harder  # the content does hold harder ones, which must stay out
    assert not any(library[s].name in answer.text for s in harder)
    assert "Two-up-one-down hip thrust" in answer.text


def test_no_bench_never_suggests_the_machine(answerer: Answerer, library: Library) -> None:
    answer = answerer.answer("what if i dont have a bench", SLHT)
    assert library["glute-ham-raise"].name not in answer.text
    assert "floor" in answer.text and "bridge" in answer.text
