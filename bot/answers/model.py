"""The answerer's result type and its closed set of topics."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    OVERVIEW = "overview"
    MUSCLES = "muscles"
    STEPS = "steps"
    WEIGHTED = "weighted"
    TIPS = "tips"
    MISTAKES = "mistakes"
    TROUBLESHOOT = "troubleshoot"
    VARIATIONS = "variations"
    ALTERNATIVES = "alternatives"
    BENEFITS = "benefits"
    LEVEL = "level"
    PROGRAMMING = "programming"
    COMPARE = "compare"
    NONE = "none"


@dataclass(frozen=True)
class Answer:
    topic: Topic
    exercise: str | None  # slug, or None when the question names nothing the store has
    text: str
