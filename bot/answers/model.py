"""The answerer's result type, its closed set of topics, and the subject a follow-up builds on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


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
    # A condition, surgery, pregnancy, injury or sharp or lasting pain: a referral, no coaching.
    MEDICAL = "medical"
    NONE = "none"


class Subject(BaseModel):
    """What an answer was about, small enough to keep in the user's stored state.

    `focus` names what the answer was built around: content ids such as "facts:rest",
    "setup:2", "mistakes:1", and options such as "easier", "harder", "muscle:hamstrings" or
    "other:glute-bridge". `part` is the part of the answer shown last (0 = the first message).
    `earlier` is the exercise talked about before this one, if any ("which one is harder").
    `Subject.model_validate_json(subject.model_dump_json())` round-trips it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    topic: Topic
    exercise: str | None = None
    focus: tuple[str, ...] = ()
    part: int = Field(default=0, ge=0, le=20)
    earlier: str | None = None


@dataclass(frozen=True)
class Answer:
    topic: Topic
    exercise: str | None  # slug, or None when the question names nothing the store has
    text: str  # the first message (or the part asked for with "more")
    # What the answer was about: pass it back as `previous` with the next question.
    subject: Subject | None = None
    # The next part of a long answer, for a "More" button; None when this is all of it.
    more: str | None = None
