"""Question sets (TSV) and how an answerer scores on them: topic, exercise, fact, follow-ups."""

from __future__ import annotations

import argparse
import inspect
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bot.answers.model import Answer


class _Answers(Protocol):
    def answer(self, question: str, exercise: str | None = None) -> Answer: ...


@dataclass(frozen=True)
class Case:
    question: str
    exercise: str | None  # the exercise in hand
    topics: frozenset[str]  # acceptable topics
    exercises: frozenset[str | None]  # acceptable exercises; None = must name none
    # The fact the answer must state: each entry lists '|' alternatives, any one will do.
    must_contain: tuple[tuple[str, ...], ...] = ()

    def accepts(self, answer: Answer) -> bool:
        exercise_ok = self.any_exercise or answer.exercise in self.exercises
        return answer.topic.value in self.topics and exercise_ok

    @property
    def any_exercise(self) -> bool:
        """ "*" in the exercises column: any exercise, or none (a referral, say)."""
        return "*" in self.exercises

    def has_fact(self, answer: Answer) -> bool:
        text = answer.text.lower()
        return all(any(alt.lower() in text for alt in group) for group in self.must_contain)

    @property
    def off_topic(self) -> bool:
        return self.topics == {"none"}

    @property
    def medical(self) -> bool:
        return self.topics == {"medical"}


def _case(fields: list[str], where: str) -> Case:
    if len(fields) not in (4, 5):
        raise ValueError(f"{where}: expected 4 or 5 tab-separated fields, got {len(fields)}")
    question, exercise, topics, exercises = (f.strip() for f in fields[:4])
    must = fields[4].strip() if len(fields) == 5 else "-"
    return Case(
        question=question,
        exercise=None if exercise in ("-", "") else exercise,
        topics=frozenset(t.strip() for t in topics.split(",")),
        exercises=frozenset(
            None if e.strip() in ("-", "") else e.strip() for e in exercises.split(",")
        ),
        must_contain=() if must in ("-", "") else (tuple(a.strip() for a in must.split("|")),),
    )


def load_conversations(path: Path) -> list[list[Case]]:
    """Cases in order; a blank line ends a conversation. '#' lines and a header are skipped."""
    conversations: list[list[Case]] = [[]]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if conversations[-1]:
                conversations.append([])
            continue
        fields = line.rstrip("\n").split("\t")
        if number == 1 and fields[0].strip().lower() == "question":
            continue  # a header row
        conversations[-1].append(_case(fields, f"{path}:{number}"))
    return [c for c in conversations if c]


def load_cases(path: Path) -> list[Case]:
    """question<TAB>exercise or -<TAB>topic,topic<TAB>slug,slug or - or *[<TAB>must|contain].

    Exercises "-": the answer names none; "*": any exercise or none will do."""
    return [case for conversation in load_conversations(path) for case in conversation]


@dataclass
class Score:
    asked: int = 0
    right: int = 0  # topic and exercise both acceptable
    with_fact: int = 0  # of the cases that name a fact, how many answers state it
    fact_cases: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, answer: Answer) -> None:
        self.asked += 1
        ok = case.accepts(answer)
        self.right += ok
        fact_ok = True
        if case.must_contain:
            self.fact_cases += 1
            fact_ok = case.has_fact(answer)
            self.with_fact += fact_ok
        if not (ok and fact_ok):
            got = f"{answer.topic.value} {answer.exercise}"
            lack = "" if fact_ok else f" (no {'|'.join(case.must_contain[0])!r})"
            self.misses.append(f"{case.question!r} [{case.exercise}] -> {got}{lack}")

    def summary(self) -> dict[str, Any]:
        return {
            "asked": self.asked,
            "topic_exercise": round(self.right / self.asked, 4) if self.asked else None,
            "fact": round(self.with_fact / self.fact_cases, 4) if self.fact_cases else None,
        }


def _ask(answerer: _Answers, case: Case, previous: Any) -> Answer:
    # An answerer without follow-up support is asked with the exercise in hand alone.
    params = inspect.signature(answerer.answer).parameters
    if "previous" in params:
        return answerer.answer(case.question, case.exercise, previous=previous)  # type: ignore[call-arg]
    return answerer.answer(case.question, case.exercise)


def score_single(answerer: _Answers, cases: Sequence[Case]) -> tuple[Score, dict[str, int]]:
    score = Score()
    counts = {"off_topic": 0, "refused": 0, "medical": 0, "referred": 0}
    for case in cases:
        answer = _ask(answerer, case, None)
        score.add(case, answer)
        if case.off_topic:
            counts["off_topic"] += 1
            counts["refused"] += answer.topic.value == "none"
        if case.medical:
            counts["medical"] += 1
            counts["referred"] += answer.topic.value == "medical"
    return score, counts


def score_followups(answerer: _Answers, conversations: Sequence[Sequence[Case]]) -> Score:
    """Every turn after the first, asked with the subject the turn before left behind."""
    score = Score()
    for conversation in conversations:
        previous = None
        for i, case in enumerate(conversation):
            answer = _ask(answerer, case, previous)
            previous = getattr(answer, "subject", None)
            if i > 0:
                score.add(case, answer)
    return score


def report(answerer: _Answers, single: Path | None, followups: Path | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if single is not None:
        score, counts = score_single(answerer, load_cases(single))
        out["single"] = {**score.summary(), **counts, "misses": score.misses}
    if followups is not None:
        f_score = score_followups(answerer, load_conversations(followups))
        out["followups"] = {**f_score.summary(), "misses": f_score.misses}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from bot.answers.answerer import Answerer
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.content import load_library

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--single", type=Path)
    parser.add_argument("--followups", type=Path)
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT_DIR)
    args = parser.parse_args(argv)
    result = report(Answerer(load_library(args.content)), args.single, args.followups)
    for part, figures in result.items():
        for miss in figures.pop("misses"):
            print(f"{part} miss: {miss}")
        print(f"{part}: {json.dumps(figures)}")
    print(json.dumps({part: figures for part, figures in result.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
