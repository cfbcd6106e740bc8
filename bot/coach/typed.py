"""Reading typed answers: rep counts with load, effort and note; loads; plans; keywords; pain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.coach.entry.tags import reports_pain as entry_reports_pain
from bot.coach.ports import Unit

REPS_MAX = 200
TEXT_MAX = 500
NOTE_MAX = 200
LOAD_MAX = {Unit.KG: 500.0, Unit.LB: 1100.0}
EFFORTS = ("easy", "right", "hard")


@dataclass(frozen=True)
class Invalid:
    """Looked like an answer but cannot be used; message says how to say it."""

    message: str


@dataclass(frozen=True)
class Load:
    value: float | None  # None is bodyweight
    unit: Unit | None  # None: the user's usual unit


BODYWEIGHT = Load(None, None)


class Keyword(StrEnum):
    SKIP = "skip"
    READY = "ready"  # skip the rest or the switch countdown
    STOP = "stop"
    DONE = "done"  # did the target reps
    OTHER = "other"


_KEYWORDS = {
    Keyword.SKIP: {"skip", "skip it", "skip set", "skip this", "skip this set", "pass"},
    Keyword.READY: {
        "skip rest", "skip the rest", "no rest", "go", "go now", "ready", "im ready", "next",
        "skip switch", "done resting", "rest over", "lets go",
    },
    Keyword.STOP: {
        "stop", "cancel", "end", "quit", "finish", "stop workout", "end workout",
        "cancel workout", "stop the workout", "end the workout", "finish workout",
    },
    Keyword.DONE: {"done", "did it", "done it", "got it", "target", "all of them"},
    Keyword.OTHER: {"other", "another number", "other number"},
}  # fmt: skip
_KEYWORD_OF = {phrase: kw for kw, phrases in _KEYWORDS.items() for phrase in phrases}

_EFFORT_WORDS = {
    "easy": "easy", "light": "easy",
    "right": "right", "ok": "right", "okay": "right", "fine": "right",
    "just right": "right", "about right": "right",
    "hard": "hard", "tough": "hard", "heavy": "hard", "brutal": "hard",
}  # fmt: skip

# Greedy on purpose: "1e9", "10.5" and "1,000" are read whole and refused, not as 1 or 10.
_NUMBER = re.compile(r"([-+−–]?)\s*([0-9]+(?:[.,][0-9]+)*(?:[eE][-+]?[0-9]+)?)", re.ASCII)
_UNIT = r"(?P<unit>kgs?|kilos?|kilograms?|lbs?|pounds?)"
_LOAD_VALUE = r"(?P<value>[0-9]{1,4}(?:[.,][0-9]{1,2})?)"
_PLAN = re.compile(r"(?<![0-9])([0-9]{1,3})\s*[x×*]\s*([0-9]{1,3})(?![0-9])", re.I)


def simplify(text: str) -> str:
    """Lower-case words only, for matching keywords: "Skip rest!" -> "skip rest"."""
    text = text.casefold().replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def keyword(text: str) -> Keyword | None:
    return _KEYWORD_OF.get(simplify(text))


def effort_word(text: str) -> str | None:
    return _EFFORT_WORDS.get(simplify(text))


def reports_pain(text: str) -> bool:
    """Whether a text says something hurts, the set-entry language's rule ("no pain", "knee
    didn't hurt" do not; a question about pain does not either)."""
    return entry_reports_pain(text)


def unit_of(word: str) -> Unit:
    return Unit.LB if word.lower().startswith(("lb", "pound")) else Unit.KG


def _load(value: str, unit: str | None, default: Unit) -> Load | Invalid:
    """A typed weight; with no unit it is in the user's (default), checked against its limit."""
    amount = float(value.replace(",", "."))
    chosen = unit_of(unit) if unit else None
    if amount <= 0:
        return Invalid("A weight above 0, please, or bw for bodyweight.")
    if amount > LOAD_MAX[chosen or default]:
        return Invalid("That weight looks off. Try something like 10kg or 25 lb.")
    return Load(amount, chosen)


def read_load(text: str, default: Unit = Unit.KG) -> Load | Invalid | None:
    """A weight on its own ("10kg", "22.5 lb", "10", "bw"); None when it is not an attempt."""
    words = simplify(text)
    if words in {"bw", "bodyweight", "body weight", "none", "no", "no weight", "nothing", "0"}:
        return BODYWEIGHT
    stripped = text.strip().lstrip("@").strip()
    match = re.fullmatch(rf"{_LOAD_VALUE}\s*{_UNIT}?", stripped, re.I)
    if match:
        return _load(match["value"], match["unit"], default)
    if _NUMBER.match(stripped) or stripped.startswith(("-", "−")):
        return Invalid("Type the weight like 10kg or 25 lb, or bw for bodyweight.")
    return None


def _count(text: str) -> tuple[int, str] | Invalid | None:
    """The whole number a text starts with, and the rest; Invalid for 0, -3, 1e9, 10.5."""
    match = _NUMBER.match(text)
    if not match:
        return None
    sign, digits = match.groups()
    if sign or not digits.isdigit():
        return Invalid("Type the number of reps as a whole number, like 10.")
    if len(digits) > 4 or int(digits) > REPS_MAX:
        return Invalid(f"That's more than {REPS_MAX} reps. Type what you did, like 10.")
    if int(digits) == 0:
        return Invalid("0 reps? Type skip if you skipped this one, or the reps you did.")
    return int(digits), text[match.end() :].strip()


def read_number(text: str, low: int, high: int, what: str) -> int | Invalid | None:
    """A whole number between low and high ("3", "3 sets"); None if the text is no number."""
    counted = _count(text.strip())
    if counted is None:
        return None
    if isinstance(counted, tuple):
        value, rest = counted
        if low <= value <= high and (not rest or simplify(rest) in {what, what.rstrip("s")}):
            return value
    return Invalid(f"Type a number of {what} from {low} to {high}.")


@dataclass(frozen=True)
class Request:
    """What `/workout NAME [SETSxREPS] [@ LOAD]` asked for."""

    name: str
    sets: int | None = None
    reps: int | None = None
    load: Load | None = None


def read_request(
    text: str, sets_max: int, reps_max: int, unit: Unit = Unit.KG
) -> Request | Invalid:
    """unit: the user's, which a weight typed without one is in."""
    name, _, at = text.partition("@")
    load: Load | None = None
    if at.strip():
        found = read_load(at, unit)
        if not isinstance(found, Load):
            return Invalid("I couldn't read the weight. Try /workout hip thrust 3x10 @ 20kg.")
        load = found
    elif "@" in text:
        return Invalid("I couldn't read the weight. Try /workout hip thrust 3x10 @ 20kg.")
    sets = reps = None
    plan = _PLAN.search(name)
    if plan:
        sets, reps = int(plan[1]), int(plan[2])
        if not (1 <= sets <= sets_max and 1 <= reps <= reps_max):
            return Invalid(f"Sets 1–{sets_max}, reps 1–{reps_max}: try 3x10.")
        name = name[: plan.start()] + " " + name[plan.end() :]
    return Request(" ".join(name.split()), sets, reps, load)
