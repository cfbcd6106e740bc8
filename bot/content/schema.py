"""What a coach needs to know about an exercise, as a strict pydantic schema."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

# A cue is read mid-set, on a phone, with one hand: keep it to a glance.
CUE_MAX = 120
# Any prose block the coach shows; two of them plus a heading still fit a ~600-char answer.
TEXT_MAX = 300

Cue = Annotated[str, Field(min_length=3, max_length=CUE_MAX)]
Text = Annotated[str, Field(min_length=3, max_length=TEXT_MAX)]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Muscle(Strict):
    name: Annotated[str, Field(min_length=2, max_length=60)]
    does: Text


class Muscles(Strict):
    primary: list[Muscle] = Field(min_length=1)
    assisting: list[Muscle] = Field(default_factory=list)
    stabilising: list[Muscle] = Field(default_factory=list)
    # Muscles that work a little but are not the point (the quads in a hip thrust).
    minor: list[Muscle] = Field(default_factory=list)

    def by_role(self) -> list[tuple[str, Muscle]]:
        """Every muscle with its role, most important first."""
        roles = ("primary", "assisting", "stabilising", "minor")
        return [(role, m) for role in roles for m in getattr(self, role)]


class RepRange(Strict):
    low: int = Field(ge=1, le=50)
    high: int = Field(ge=1, le=50)

    @model_validator(mode="after")
    def _ordered(self) -> RepRange:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


class Programming(Strict):
    placement: Text
    sets: RepRange
    reps: RepRange
    tempo: Text
    notes: list[Text] = Field(default_factory=list)


class Tip(Strict):
    name: Annotated[str, Field(min_length=3, max_length=80)]
    text: Text
    cue: Cue


class Mistake(Strict):
    name: Annotated[str, Field(min_length=3, max_length=80)]
    why: Text
    fix: Text
    cue: Cue
    # How a user would describe it mid-set: "I feel it in my quads".
    symptoms: list[Annotated[str, Field(min_length=3, max_length=120)]] = Field(min_length=1)


class FactTopic(StrEnum):
    """The answer topic a coaching fact belongs to (the answerer's coarse topics)."""

    STEPS = "steps"
    WEIGHTED = "weighted"
    TIPS = "tips"
    PROGRAMMING = "programming"
    ALTERNATIVES = "alternatives"
    VARIATIONS = "variations"
    MUSCLES = "muscles"
    TROUBLESHOOT = "troubleshoot"


# A fact's source: "seed" (the seed article) or the url of one of the file's `sources`.
SEED = "seed"


class Fact(Strict):
    """One coaching fact a user may ask for on its own: rest, bench height, where the arms go."""

    id: Slug
    topic: FactTopic
    text: Text
    cue: Cue | None = None
    # Words people use when they ask for this fact ("hands", "elbows" for the arms).
    asks: list[Annotated[str, Field(min_length=2, max_length=60)]] = Field(min_length=1)
    source: Annotated[str, Field(min_length=4, max_length=300)]


class Reference(Strict):
    """A pointer to another exercise in the store; the loader checks the slug exists."""

    slug: Slug
    note: Text
    # For variations and alternatives: whether the other exercise is easier or harder than this
    # one, so "something easier" never offers a harder one.
    step: Literal["easier", "harder"] | None = None


class Source(Strict):
    title: Annotated[str, Field(min_length=3, max_length=200)]
    url: HttpUrl


class Exercise(Strict):
    slug: Slug
    name: Annotated[str, Field(min_length=3, max_length=60)]
    aliases: list[Annotated[str, Field(min_length=2, max_length=60)]] = Field(min_length=1)
    level: Level
    # Why this level, and what to do if it is too hard or too easy.
    level_note: Text | None = None
    summary: Text
    unilateral: bool
    equipment: list[Annotated[str, Field(min_length=2, max_length=40)]] = Field(
        default_factory=list
    )
    benefits: list[Text] = Field(min_length=1)
    programming: Programming
    setup: list[Text] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1)
    loaded_steps: list[Text] = Field(default_factory=list)
    # The two or three things that matter most, shown before the first set.
    setup_cues: list[Cue] = Field(min_length=1, max_length=3)
    muscles: Muscles
    tips: list[Tip] = Field(min_length=1)
    mistakes: list[Mistake] = Field(min_length=1)
    variations: list[Reference] = Field(default_factory=list)
    alternatives: list[Reference] = Field(default_factory=list)
    comparisons: list[Reference] = Field(default_factory=list)
    # Atomic coaching facts, each answerable alone and each with its source.
    facts: list[Fact] = Field(default_factory=list)
    safety: Text
    sources: list[Source] = Field(min_length=1)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)
