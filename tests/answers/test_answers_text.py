"""What the answers say: drawn from the content, short, safe about pain, kind when refusing."""

from __future__ import annotations

import re

import pytest

from bot.answers import compose
from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library


def test_muscle_answer_names_the_content_muscles(answerer: Answerer, library: Library) -> None:
    ex = library["single-leg-hip-thrust"]
    text = answerer.answer("what muscles does this work", ex.slug).text
    for _, muscle in ex.muscles.by_role():
        assert muscle.name in text


def test_asking_about_one_muscle_answers_about_that_muscle(
    answerer: Answerer, library: Library
) -> None:
    text = answerer.answer("does the glute ham raise work hamstrings").text
    hamstrings = next(m for _, m in library["glute-ham-raise"].muscles.by_role() if "ham" in m.name)
    assert text.startswith("Yes") and hamstrings.does in text
    assert answerer.answer("does this hit my calves", "hip-thrust").text.startswith("Not much")


def test_programming_answer_gives_the_content_numbers(answerer: Answerer, library: Library) -> None:
    p = library["glute-ham-raise"].programming
    text = answerer.answer("how many sets and reps", "glute-ham-raise").text
    assert f"{p.sets.low}-{p.sets.high} sets of {p.reps.low}-{p.reps.high} reps" in text


def test_a_symptom_gets_its_mistake_with_why_and_fix(answerer: Answerer, library: Library) -> None:
    answer = answerer.answer("my quads are burning", "single-leg-hip-thrust")
    mistake = next(m for m in library["single-leg-hip-thrust"].mistakes if "close" in m.name)
    assert answer.topic is Topic.TROUBLESHOOT
    assert mistake.fix in answer.text and mistake.cue in answer.text


@pytest.mark.parametrize("question", ["my knee hurts", "ouch", "my lower back aches"])
def test_pain_says_stop_and_not_medical_advice(
    answerer: Answerer, library: Library, question: str
) -> None:
    """Pain mid-set is a stop sign and a referral, never a list of form faults."""
    answer = answerer.answer(question, "hip-thrust")
    assert answer.topic is Topic.MEDICAL
    assert answer.text.startswith("Stop")
    assert answer.text.count("not medical advice") == 1
    assert not any(m.fix in answer.text for m in library["hip-thrust"].mistakes)


def test_kit_pressing_on_the_body_is_a_set_up_fix(answerer: Answerer) -> None:
    """ "The bar hurts my hip bones" is padding, not a clinician's question."""
    answer = answerer.answer("the bar hurts my hip bones", "hip-thrust")
    assert answer.topic in (Topic.TROUBLESHOOT, Topic.WEIGHTED, Topic.MISTAKES)


@pytest.mark.parametrize(
    "question", ["sharp pain in my lower back", "I think I injured my hamstring"]
)
def test_sharp_pain_or_an_injury_is_referred_not_coached(
    answerer: Answerer, library: Library, question: str
) -> None:
    """Sharp pain and injuries go to a doctor or physio: no fault list, one disclaimer."""
    answer = answerer.answer(question, "hip-thrust")
    assert answer.topic is Topic.MEDICAL
    assert "doctor or physio" in answer.text and "stop" in answer.text.lower()
    assert answer.text.count("not medical advice") == 1
    assert not any(m.cue in answer.text for m in library["hip-thrust"].mistakes)


def test_a_fault_without_pain_does_not_lecture_about_pain(
    answerer: Answerer, library: Library
) -> None:
    text = answerer.answer("my hips tilt", "single-leg-hip-thrust").text
    assert library["single-leg-hip-thrust"].safety not in text


def test_easier_lists_only_easier_exercises(answerer: Answerer, library: Library) -> None:
    text = answerer.answer("easier version please", "single-leg-hip-thrust").text
    assert "Two-up-one-down hip thrust" in text
    assert "Glute-ham raise" not in text and "Banded" not in text


@pytest.mark.parametrize(
    "question", ["what's the weather", "tell me a joke", "write me a poem", "best pizza near me"]
)
def test_off_topic_is_refused_kindly_with_a_hint(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question, "single-leg-hip-thrust")
    assert (answer.topic, answer.exercise) == (Topic.NONE, None)
    assert "Ask me" in answer.text and "sorry" in answer.text.lower()


def test_every_composed_answer_fits_for_every_exercise(library: Library) -> None:
    """Content may grow; the composer must still keep each answer under 600 characters."""
    for ex in library.values():
        answers = [
            compose.overview(ex), compose.muscles(ex, []), compose.muscles(ex, ["gluteus"]),
            compose.steps(ex, setup_only=False), compose.steps(ex, setup_only=True),
            compose.weighted(ex), compose.tips(ex, None), compose.tips(ex, 0),
            compose.mistakes(ex, None), compose.mistakes(ex, 0),
            compose.troubleshoot(ex, 0, pain=True), compose.troubleshoot(ex, None, pain=True),
            compose.related(ex, library, "variations"),
            compose.related(ex, library, "alternatives"),
            compose.related(ex, library, "variations", -1),
            compose.related(ex, library, "variations", 1),
            compose.benefits(ex), compose.level(ex), compose.programming(ex),
            compose.compare(ex, None, library, []),
            *(compose.compare(ex, other, library, ["squats"]) for other in library.values()),
        ]  # fmt: skip
        for parts in answers:
            assert parts, ex.slug
            for text in parts:
                assert 0 < len(text) < 600, (ex.slug, text)


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("how long should I rest", "glute-bridge"),
        ("is 5 sets of 20 too much", "single-leg-hip-thrust"),
        ("how tall should the box be", "hip-thrust"),
        ("reps and sets please", "two-up-one-down-hip-thrust"),
        ("how often per week", "glute-ham-raise"),
    ],
)
def test_number_ranges_are_written_with_a_plain_hyphen(
    answerer: Answerer, question: str, exercise: str
) -> None:
    """People type "8-12", not "8–12": ranges read and search the way they are typed."""
    answer = answerer.answer(question, exercise)
    text = "\n".join(t for t in (answer.text, answer.more) if t)
    assert re.search(r"\d-\d", text), text
    assert not re.search(r"\d\s*[–—]\s*\d", text), text


def test_no_content_text_writes_a_range_with_a_dash(library: Library) -> None:
    for ex in library.values():
        assert not re.search(r"\d\s*[–—]\s*\d", ex.model_dump_json()), ex.slug
