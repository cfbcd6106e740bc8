"""What one typed line at a set step means: a small union of frozen records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from bot.coach.entry.loads import Load
from bot.coach.entry.tags import Effort
from bot.coach.ports import Side, Unit


@dataclass(frozen=True)
class Context:
    """What the set step knows when it reads a line."""

    unit: Unit  # the user's unit: a load typed without one is in it
    load: Load  # the current load (value None: bodyweight)
    side: Side  # the side whose reps are awaited (BOTH for a two-leg exercise)
    target: int  # this set's target reps
    last: int | None = None  # the reps of the last set logged in this workout ("same")
    first: bool = True  # the awaited side is the first of its set (both sides may follow)
    waiting: bool = False  # during the rest or the switch countdown


@dataclass(frozen=True)
class SetAnswer:
    """Log one set of the awaited side."""

    reps: int
    load: Load | None = None  # None: the current load; a load here is kept for the next sets
    side: Side | None = None  # named by the lifter (always the awaited side, or chosen)
    effort: Effort | None = None
    rpe: float | None = None  # 1-10 in half steps
    rir: int | None = None  # reps in reserve, 0-10
    pain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class BothSides:
    """Both legs of this set in one message ("L10 R9", "8/8"), in the order they are asked."""

    first: SetAnswer  # the awaited side
    second: SetAnswer  # the other side, logged right after it


@dataclass(frozen=True)
class LoadChange:
    """A weight alone: the load for this set and the following ones; nothing is logged."""

    load: Load


@dataclass(frozen=True)
class Undo:
    """Remove the last logged set and go back to its step."""


@dataclass(frozen=True)
class Replace:
    """Replace a logged set of this workout with these numbers: the last one logged, or the
    last of entry.side / of set_number / with `was` reps when the lifter named them.

    Only what was typed is meant: entry.load None keeps the logged set's load.
    """

    entry: SetAnswer
    set_number: int | None = None  # "set 1 left was 11"
    was: int | None = None  # the wrong count named: "that was 9 not 10"


@dataclass(frozen=True)
class Skip:
    """Skip the awaited side; nothing is logged."""

    side: Side | None = None  # "skip left"
    reason: str | None = None  # "bench is taken, skip this one": said when it is skipped


@dataclass(frozen=True)
class Stop:
    """End the workout (the engine asks for a one-tap confirmation)."""

    reason: str | None = None  # what followed: "stop, knee hurts"
    pain: bool = False  # the reason reports pain: stop for pain


@dataclass(frozen=True)
class Ready:
    """The rest or the switch countdown is over ("skip rest", "go")."""


@dataclass(frozen=True)
class PainReport:
    """Something hurts and no count was given: stop the set for pain."""

    note: str


@dataclass(frozen=True)
class Option:
    """One answer to a Confirm; result None means log nothing and ask again."""

    label: str
    result: SetAnswer | LoadChange | BothSides | Ready | Stop | None


@dataclass(frozen=True)
class Confirm:
    """Looks like a set but may be a slip: ask with these options, log nothing yet."""

    question: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Refused:
    """Looks like an answer but cannot be logged; reason says how to type it."""

    reason: str


Entry: TypeAlias = (
    SetAnswer
    | BothSides
    | LoadChange
    | Undo
    | Replace
    | Skip
    | Stop
    | Ready
    | PainReport
    | Confirm
    | Refused
)
