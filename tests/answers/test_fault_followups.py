"""After a fault was named: "is that bad?" is its reason, "how do I stop it" its fix."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library

_VERDICTS = [
    "is that bad", "does that matter?", "is it a problem", "is that normal tho",
    "should i worry about it", "is that a big deal",
]  # fmt: skip
_REMEDIES = [
    "how do i stop doing that", "how can i fix it", "how do i avoid that", "how do i prevent it",
    "what do i do about it", "ok so how do i stop it",
]  # fmt: skip


@pytest.mark.parametrize("verdict", _VERDICTS)
def test_a_verdict_asked_leads_with_the_faults_reason(
    answerer: Answerer, library: Library, verdict: str
) -> None:
    first = answerer.answer("my hips tilt to one side", "two-up-one-down-hip-thrust")
    assert first.subject is not None
    index = int(first.subject.focus[0].removeprefix("mistakes:"))
    second = answerer.answer(verdict, "two-up-one-down-hip-thrust", previous=first.subject)
    fault = library["two-up-one-down-hip-thrust"].mistakes[index]
    assert (second.topic, second.exercise) == (Topic.TROUBLESHOOT, "two-up-one-down-hip-thrust")
    assert fault.why in second.text.splitlines()[0]


@pytest.mark.parametrize("remedy", _REMEDIES)
def test_a_fix_asked_leads_with_the_faults_fix(
    answerer: Answerer, library: Library, remedy: str
) -> None:
    first = answerer.answer("my lower back arches at the top", "hip-thrust")
    assert first.subject is not None
    index = int(first.subject.focus[0].removeprefix("mistakes:"))
    second = answerer.answer(remedy, "hip-thrust", previous=first.subject)
    fault = library["hip-thrust"].mistakes[index]
    assert (second.topic, second.exercise) == (Topic.TROUBLESHOOT, "hip-thrust")
    assert fault.fix in second.text.splitlines()[0]


def test_after_a_list_the_first_listed_fault(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("common mistakes on the glute bridge")
    second = answerer.answer("how do i avoid it", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.MISTAKES, "glute-bridge")
    assert library["glute-bridge"].mistakes[0].fix in second.text


def test_a_named_why_after_a_list_stays_a_mistake(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("what do people get wrong on these", "single-leg-hip-thrust")
    second = answerer.answer("why is tilting the hips bad", "single-leg-hip-thrust", first.subject)
    assert second.topic is Topic.MISTAKES
    tilt = next(m for m in library["single-leg-hip-thrust"].mistakes if "tilt" in m.name)
    assert tilt.why in second.text.splitlines()[0]


def test_the_same_fault_carries_to_another_exercise(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("my hips tilt to one side", "single-leg-hip-thrust")
    second = answerer.answer("does it matter", "single-leg-hip-thrust", previous=first.subject)
    third = answerer.answer("and on the two up one down?", previous=second.subject)
    tilt = next(m for m in library["two-up-one-down-hip-thrust"].mistakes if "tilt" in m.name)
    assert third.exercise == "two-up-one-down-hip-thrust"
    assert tilt.why in third.text.splitlines()[0]


def test_a_muscle_felt_is_still_no_fault(answerer: Answerer) -> None:
    first = answerer.answer("what muscles does it work", "glute-bridge")
    second = answerer.answer("is that normal", "glute-bridge", previous=first.subject)
    assert second.topic is not Topic.TROUBLESHOOT


@pytest.mark.parametrize(
    ("question", "place", "lead"),
    [
        ("ok the third one, how do i stop it", 2, "fix"),
        ("is the second one a big deal", 1, "why"),
        ("the first one", 0, None),
    ],
)
def test_a_fault_counted_from_the_list(
    answerer: Answerer, library: Library, question: str, place: int, lead: str | None
) -> None:
    first = answerer.answer("what are the common mistakes on the glute bridge")
    second = answerer.answer(question, previous=first.subject)
    fault = library["glute-bridge"].mistakes[place]
    assert (second.topic, second.exercise) == (Topic.MISTAKES, "glute-bridge")
    assert second.subject.focus[0] == f"mistakes:{place}"
    text = {"fix": fault.fix, "why": fault.why, None: fault.name.lower()}[lead]
    assert text in second.text.splitlines()[0]
