"""Bad input gets topic none and a clear message; any text at all gets a valid, short answer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_library

ANSWERER = Answerer(load_library(DEFAULT_CONTENT_DIR))
SLUGS = [*ANSWERER.library, None, "no-such-exercise", ""]


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \n\t ",
        "how do I do a glute bridge " * 400,  # ~10 000 characters
        "x" * 10_000,
        "💪🔥💯",
        "🏋️‍♀️🏋️‍♀️",
        "\x00\x01\x02\x1b[31m\x7f",
        "\u200b\u200e\u202e\ufeff",
        "?!?!...",
    ],
)
def test_bad_input_is_refused_clearly(question: str) -> None:
    answer = ANSWERER.answer(question, "single-leg-hip-thrust")
    assert (answer.topic, answer.exercise) == (Topic.NONE, None)
    assert 20 < len(answer.text) < 600


def test_control_characters_inside_a_real_question_are_ignored() -> None:
    answer = ANSWERER.answer("how\x00 do I\x1b do a glute\u200b bridge\x7f")
    assert (answer.topic, answer.exercise) == (Topic.STEPS, "glute-bridge")


def test_a_question_that_is_not_text_is_refused() -> None:
    answer = ANSWERER.answer(None, None)  # type: ignore[arg-type]
    assert answer.topic is Topic.NONE


def _check(answer_topic: Topic, exercise: str | None, text: str) -> None:
    assert answer_topic in set(Topic)
    assert exercise is None or exercise in ANSWERER.library
    assert 0 < len(text) < 600
    assert text.strip() == text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=st.text(max_size=600), exercise=st.sampled_from(SLUGS))
def test_any_text_gets_a_valid_short_answer(question: str, exercise: str | None) -> None:
    answer = ANSWERER.answer(question, exercise)
    _check(answer.topic, answer.exercise, answer.text)


VOCABULARY = str.split(
    "how do I what muscles tips this it vs or my quads hurt glute bridge hip thrust single leg "
    "banded ghr 2 up 1 down reps sets weight easier instead why level feel lower back pain "
    "squat pizza the a not without 🍑 🔥 ? , hamstings brige thurst"
)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(VOCABULARY), max_size=25), exercise=st.sampled_from(SLUGS))
def test_any_mix_of_coach_words_gets_a_valid_short_answer(
    words: list[str], exercise: str | None
) -> None:
    answer = ANSWERER.answer(" ".join(words), exercise)
    _check(answer.topic, answer.exercise, answer.text)
    if answer.topic is Topic.NONE:
        assert answer.exercise is None
