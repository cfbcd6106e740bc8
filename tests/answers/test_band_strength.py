"""Which band to get: the band's strength, however the question words its resistance."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.content import Library

_BANDED = "banded-single-leg-hip-thrust"


@pytest.mark.parametrize(
    "question",
    [
        "which band resistance should I buy",
        "light or heavy band?",
        "how strong a band do I need",
        "is a thick band better or a thin one",
        "what resistance level for the loop band",
    ],
)
def test_the_band_strength_fact_leads(answerer: Answerer, library: Library, question: str) -> None:
    fact = next(f.text for f in library[_BANDED].facts if f.id == "band-strength")
    answer = answerer.answer(question, _BANDED)
    assert answer.text.startswith(fact), answer.text
    assert "light" in answer.text.splitlines()[0].lower()


def test_the_strength_after_the_band_was_talked_about(answerer: Answerer, library: Library) -> None:
    fact = next(f.text for f in library[_BANDED].facts if f.id == "band-strength")
    first = answerer.answer("where do I put the band", _BANDED)
    second = answerer.answer("and what thickness?", _BANDED, previous=first.subject)
    assert second.text.startswith(fact)


def test_heavy_with_a_dumbbell_is_still_the_load(answerer: Answerer, library: Library) -> None:
    fact = next(f.text for f in library[_BANDED].facts if f.id == "choosing-load")
    answer = answerer.answer("how heavy a dumbbell should I use", _BANDED)
    assert answer.text.startswith(fact)
