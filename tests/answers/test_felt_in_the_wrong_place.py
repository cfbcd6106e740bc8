"""Felt in the wrong place: the named place's own fault leads, not the generic glute advice."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library


def _fault(library: Library, slug: str, word: str) -> str:
    return next(m.fix for m in library[slug].mistakes if word in m.name.lower())


@pytest.mark.parametrize(
    ("question", "exercise", "fault"),
    [
        ("i mostly feel it in my quads, not glutes", "single-leg-hip-thrust", "too close"),
        ("my thighs are doing it all and my butt does nothing", "hip-thrust", "too close"),
        ("hamstrings doing all the work not my glutes", "hip-thrust", "too far"),
        ("its my hammies that burn not my bum", "glute-bridge", "too far"),
        ("feel these way more in my low back than my glutes", "hip-thrust", "arching"),
        ("lower back is working harder than my booty", "single-leg-hip-thrust", "arching"),
        ("my knees feel it more than my glutes do", "hip-thrust", "too close"),
    ],
)
def test_the_place_felt_leads_with_its_own_fault(
    answerer: Answerer, library: Library, question: str, exercise: str, fault: str
) -> None:
    answer = answerer.answer(question, exercise)
    assert answer.topic in (Topic.TROUBLESHOOT, Topic.MISTAKES)
    assert _fault(library, exercise, fault) in answer.text, answer.text


def test_not_feeling_the_glutes_at_all_is_still_the_general_advice(
    answerer: Answerer, library: Library
) -> None:
    answer = answerer.answer("I just can't feel my glutes working at all", "hip-thrust")
    advice = next(f.text for f in library["hip-thrust"].facts if f.id == "cant-feel-glutes")
    assert answer.text.startswith(advice)


@pytest.mark.parametrize(
    "question",
    ["does it hit my hamstrings more than my glutes", "which works my quads more, this or bridges"],
)
def test_asking_what_works_more_is_no_complaint(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "hip-thrust")
    assert answer.topic not in (Topic.TROUBLESHOOT, Topic.MISTAKES)
