"""The answerer's own question set (questions.tsv): topic and exercise right for every one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.answerer import Answerer
from bot.answers.evaluate import Case, load_cases

HERE = Path(__file__).parent
CASES = load_cases(HERE / "questions.tsv")
DEV_SET = HERE.parents[2] / "shared" / "data" / "qa-dev.tsv"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.question}[{c.exercise}]" for c in CASES])
def test_question(answerer: Answerer, case: Case) -> None:
    answer = answerer.answer(case.question, case.exercise)
    assert case.accepts(answer), f"got {answer.topic.value} / {answer.exercise}"
    assert 0 < len(answer.text) < 600


def test_own_set_is_large_and_covers_every_topic() -> None:
    assert len(CASES) >= 150
    topics = {t for c in CASES for t in c.topics}
    assert topics >= {
        "overview", "muscles", "steps", "weighted", "tips", "mistakes", "troubleshoot",
        "variations", "alternatives", "benefits", "level", "programming", "compare", "none",
    }  # fmt: skip


@pytest.mark.skipif(not DEV_SET.exists(), reason=f"no dev set at {DEV_SET}")
def test_dev_set_accuracy_and_every_off_topic_question_refused(answerer: Answerer) -> None:
    cases = load_cases(DEV_SET)
    answers = [answerer.answer(c.question, c.exercise) for c in cases]
    right = sum(c.accepts(a) for c, a in zip(cases, answers, strict=True))
    assert right / len(cases) >= 0.95
    assert all(a.topic.value == "none" for c, a in zip(cases, answers, strict=True) if c.off_topic)
