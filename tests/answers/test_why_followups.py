"""A bare "why?" after an answer asks the reason for what was just said, not a new topic."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library

_BARE = [
    "how come?", "why is that a problem", "but why", "why's that so bad", "why tho",
    "why is that even an issue",
]  # fmt: skip


@pytest.mark.parametrize("why", _BARE)
def test_after_a_list_of_mistakes_the_first_ones_reason_leads(
    answerer: Answerer, library: Library, why: str
) -> None:
    first = answerer.answer("what do people get wrong on hip thrusts")
    assert first.topic is Topic.MISTAKES
    second = answerer.answer(why, previous=first.subject)
    listed = library["hip-thrust"].mistakes[0]
    assert (second.topic, second.exercise) == (Topic.MISTAKES, "hip-thrust")
    assert second.text.splitlines()[0].endswith(listed.why)


@pytest.mark.parametrize("why", _BARE)
def test_after_one_fault_that_faults_reason_leads(
    answerer: Answerer, library: Library, why: str
) -> None:
    first = answerer.answer("the front of my thighs burn on these", "single-leg-hip-thrust")
    assert first.subject is not None and first.subject.focus
    index = int(first.subject.focus[0].removeprefix("mistakes:"))
    second = answerer.answer(why, "single-leg-hip-thrust", previous=first.subject)
    fault = library["single-leg-hip-thrust"].mistakes[index]
    assert (second.topic, second.exercise) == (Topic.TROUBLESHOOT, "single-leg-hip-thrust")
    assert second.text.splitlines()[0].endswith(fault.why)
    assert fault.fix in second.text


def test_why_after_a_named_fault_on_another_exercise(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("my pelvis keeps dropping on the two up one down")
    second = answerer.answer("why does it matter?", previous=first.subject)
    assert second.exercise == "two-up-one-down-hip-thrust"
    tilt = next(m for m in library["two-up-one-down-hip-thrust"].mistakes if "tilt" in m.name)
    assert tilt.why in second.text.splitlines()[0]


def test_a_why_with_its_own_words_is_its_own_question(answerer: Answerer) -> None:
    first = answerer.answer("common mistakes on the glute bridge")
    second = answerer.answer("why do my hamstrings cramp", previous=first.subject)
    assert second.topic is Topic.TROUBLESHOOT


def test_why_after_a_how_to_keeps_the_exercise(answerer: Answerer) -> None:
    first = answerer.answer("how do I do the glute ham raise")
    second = answerer.answer("how come", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.BENEFITS, "glute-ham-raise")


def test_why_after_a_tips_list_gives_the_first_tips_reason(
    answerer: Answerer, library: Library
) -> None:
    first = answerer.answer("any tips for the hip thrust")
    second = answerer.answer("why does that matter", previous=first.subject)
    assert second.exercise == "hip-thrust"
    assert library["hip-thrust"].tips[0].text in second.text


def test_why_after_a_referral_stays_the_referral(answerer: Answerer) -> None:
    first = answerer.answer("I had knee surgery last month, can I do glute bridges")
    second = answerer.answer("why?", previous=first.subject)
    assert second.topic is Topic.MEDICAL
    assert second.text == first.text


def test_why_after_a_fix_of_its_own_gives_that_fix_again(answerer: Answerer) -> None:
    """ "Heels lifting means your feet are too close": the fix says its own cause."""
    first = answerer.answer("my heels keep coming up", "hip-thrust")
    second = answerer.answer("why does that happen", "hip-thrust", previous=first.subject)
    assert first.subject is not None and second.subject is not None
    assert second.subject.focus == first.subject.focus and second.text == first.text


def test_why_after_a_tip_given_as_a_fact_is_that_tips_reason(answerer: Answerer) -> None:
    first = answerer.answer("do i hold at the top?", "hip-thrust")
    assert first.subject.focus[0] == "facts:pause"
    second = answerer.answer("but why tho", "hip-thrust", previous=first.subject)
    assert second.topic is Topic.TIPS and second.subject.focus[0].startswith("tips:")
