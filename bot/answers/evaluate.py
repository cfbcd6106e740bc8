"""Question sets in the dev-set TSV format, and how an answerer scores on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.answers.model import Answer


@dataclass(frozen=True)
class Case:
    question: str
    exercise: str | None  # the exercise in hand
    topics: frozenset[str]  # acceptable topics
    exercises: frozenset[str | None]  # acceptable exercises; None = must name none

    def accepts(self, answer: Answer) -> bool:
        return answer.topic.value in self.topics and answer.exercise in self.exercises

    @property
    def off_topic(self) -> bool:
        return self.topics == {"none"}


def load_cases(path: Path) -> list[Case]:
    """question<TAB>exercise or -<TAB>topic,topic<TAB>slug,slug or -; # starts a comment."""
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"{path}:{number}: expected 4 tab-separated fields")
        question, exercise, topics, exercises = fields
        cases.append(
            Case(
                question=question,
                exercise=None if exercise == "-" else exercise,
                topics=frozenset(topics.split(",")),
                exercises=frozenset(None if e == "-" else e for e in exercises.split(",")),
            )
        )
    return cases
