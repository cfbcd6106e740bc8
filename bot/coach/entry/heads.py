"""How a set line starts: its count, and the weight said with it (`12 @ 12.5kg`, `12.5kg x 12`,
`20x8`, `3x10`), read before what follows (bot/coach/entry/sets.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.coach.entry import loads
from bot.coach.entry.loads import BODYWEIGHT_WORDS, EQUIPMENT, Load
from bot.coach.entry.rep_counts import reps_missed
from bot.coach.entry.results import Confirm, Context, Option, Refused, SetAnswer
from bot.coach.entry.tags import Effort
from bot.coach.entry.typed_text import REPS_MAX, as_float
from bot.coach.ports import Unit

# `a x b` with no unit reads as a plan when a is a likely number of sets and b of reps; as
# weight x reps when a is more reps than anyone types.
PLAN_SETS_MAX = 5
PLAN_REPS_MAX = 30
FAR_REPS = 50

# The pieces every set pattern is made of: a number (maybe decimal), a count, a unit word, and
# the end of a word.
DECIMAL = r"[0-9]+(?:[.,][0-9]+)?"
COUNT = r"[0-9]{1,3}"
UNIT_WORD = r"(?:kilograms?|kilos?|kgs?|k[a-z]?(?![a-z])|pounds?|lbs?|#)"
WORD_END = r"(?![0-9a-z])"
_N, _I, _U, _END = DECIMAL, COUNT, UNIT_WORD, WORD_END

# What may follow a number that is then no load: `8 with 2 rir`, `10 with 2 in the tank`.
_NOT_LOAD = r"(?:rir|rpe|more|left|in\s+(?:the\s+)?(?:tank|reserve|me)|reps?(?![a-z]))"

_LOAD_FIRST = re.compile(
    rf"^(?P<v>{_N})\s*(?P<u>{_U})(?![a-z])\s*(?:[x*]|for|[,:;-]|(?=[0-9]))\s*"
    rf"(?P<r>{_I})(?![0-9.,])(?:\s*(?:reps?|r)(?![a-z]))?"
)
# Bodyweight and the count, either way round: `bw x 12`, `bodyweight for 9`, `12 x bw`.
_BW_TIMES = re.compile(
    rf"^(?:(?:{BODYWEIGHT_WORDS})\s*(?:[x*]|for)\s*(?P<r>{_I})(?![0-9.,])"
    rf"(?:\s*(?:reps?|r)(?![a-z]))?"
    rf"|(?P<r2>{_I})\s*(?:reps?\s*)?[x*]\s*(?:{BODYWEIGHT_WORDS})\b)"
)
_TIMES = re.compile(rf"^(?P<a>{_I})\s*(?:reps?\s*)?[x*]\s*(?P<b>{_N})\s*(?P<u>{_U})?{_END}")
_AT = re.compile(
    rf"^(?P<r>{_I})(?:\s*(?:reps?|r)(?![a-z]))?\s*(?P<how>@|at\b|with\b|w/|w\b|on\b|using\b)\s*"
    rf"(?:(?:a|an|the|my)\s+)?(?:(?P<v>(?>{_N}))\s*(?:(?P<u>{_U}){_END}|{_END}(?!\s*{_NOT_LOAD}))"
    rf"|(?P<bw>{BODYWEIGHT_WORDS})\b){EQUIPMENT}?"
)
_FRACTION = re.compile(
    rf"^(?P<r>{_I})\s*(?:/|of\b|out of\b)\s*(?P<t>{_I})(?![0-9.,])(?:\s*reps?(?![a-z]))?"
)
_PLAIN = re.compile(rf"^(?P<r>{_N})(?![0-9])(?:\s*(?:reps?(?![a-z])|r\b|times\b))?")
# A number that is a length of time: "one sec, grabbing water", "2 mins rest", "1 moment".
_TIME_UNIT = re.compile(r"\s*(?:secs?|seconds?|mins?|minutes?|moments?|hours?|hrs?)\b")
_BAD_NUMBER = re.compile(
    r"^(?:[-+]\s*[0-9]|[0-9]+(?:[.,][0-9]+)*e[-+]?[0-9]|[0-9]{4,}|[0-9]+[.,][0-9]{3}\b)"
)
_PLAN_WORDS = re.compile(rf"^(?P<a>{_I})\s*sets?\s+(?:of\s+)?(?P<b>{_I})(?:\s*reps?(?![a-z]))?")
_THREE_NUMBERS = re.compile(rf"^{_N}\s*{_U}?\s*[x*]\s*{_N}\s*{_U}?\s*[x*]\s*{_N}")
_DECIMAL_X = re.compile(
    rf"^(?P<v>[0-9]+[.,][0-9]+)\s*[x*]\s*(?P<r>{_I})(?![0-9.,])(?:\s*reps?(?![a-z]))?"
)


@dataclass(frozen=True)
class Head:
    reps: int
    load: Load | None
    rpe: float | None
    end: int
    effort: Effort | None = None
    maybe_rpe: float | None = None  # `@7.5` near the current load: a load, or an RPE
    plan_sets: int | None = None  # `3x10`: a plan typed; one set of it may be meant
    either_way: bool = False  # `20x8` near neither the load nor a plan: reps x load, or load x reps


def typed_load(value: str, unit: str | None, ctx: Context) -> Load | Refused:
    checked = loads.check(as_float(value), loads.unit_of(unit, ctx.unit))
    return Refused(checked) if isinstance(checked, str) else checked


def _current(ctx: Context) -> float | None:
    """The current load in the user's unit, to tell a typed load from an RPE."""
    if ctx.load.value is None:
        return None
    kg = loads.kilograms(ctx.load.value, ctx.load.unit)
    return kg if ctx.unit is Unit.KG else kg / 0.45359237


def _is_int(text: str) -> bool:
    return text.isdigit()


def _times(found: re.Match[str], low: str, ctx: Context) -> Head | Refused:
    """`a x b`: reps x load, load x reps, or a plan (sets x reps)."""
    a, b, unit, end = found["a"], found["b"], found["u"], found.end()
    if unit:
        load = typed_load(b, unit, ctx)
        return load if isinstance(load, Refused) else Head(int(a), load, None, end)
    if re.match(r"^\s*[x*]\s*[0-9]", low[end:]):
        return Refused("One set at a time: type this set's reps, like 10 @ 12.5kg.")
    if re.match(r"^\s*(?:@|at\b)", low[end:]) or not _is_int(b):
        if _is_int(b) and int(a) == 1:  # `1x10 @ 12.5`: one set of 10
            return Head(int(b), None, None, end)
        if not _is_int(b):
            load = typed_load(b, None, ctx)
            return load if isinstance(load, Refused) else Head(int(a), load, None, end)
        return Head(int(b), None, None, end, plan_sets=int(a))  # `3x10 @ 12.5`: a plan
    first, second, current = int(a), int(b), _current(ctx)
    if first == 1:
        return Head(second, None, None, end)
    if first <= PLAN_SETS_MAX and second <= PLAN_REPS_MAX:  # `3x10`: sets x reps
        return Head(second, None, None, end, plan_sets=first)
    if first > FAR_REPS >= second:  # `135x8`: weight x reps
        load = typed_load(a, None, ctx)
        return load if isinstance(load, Refused) else Head(second, load, None, end)
    if loads.close(second, current, 0.2) and not loads.close(first, current, 0.2):
        load = typed_load(b, None, ctx)
        return load if isinstance(load, Refused) else Head(first, load, None, end)
    if loads.close(first, current, 0.2) or (first > 30 and second <= 30):
        load = typed_load(a, None, ctx)
        return load if isinstance(load, Refused) else Head(second, load, None, end)
    load = typed_load(a, None, ctx)
    if isinstance(load, Refused) or not isinstance(typed_load(b, None, ctx), Load):
        return Refused("That looks like a plan. Type the reps you just did, like 10.")
    return Head(second, load, None, end, either_way=True)  # asked: which number is the weight


def _at(found: re.Match[str], ctx: Context) -> Head | Refused:
    reps, end = int(found["r"]), found.end()
    if found["bw"]:
        return Head(reps, Load(None, ctx.unit), None, end)
    value, unit = found["v"], found["u"]
    if not unit and found["how"] == "@":
        return at_number(reps, value, end, ctx)
    load = typed_load(value, unit, ctx)
    return load if isinstance(load, Refused) else Head(reps, load, None, end)


def at_number(reps: int, value: str, end: int, ctx: Context) -> Head | Refused:
    """`8 @ 9`: an RPE when it can be one and is far from the current load, else a load;
    asked when it is near the load but not it (`10 @7.5` at 10 kg)."""
    number, current = as_float(value), _current(ctx)
    rpe_like = 1 <= number <= 10 and number * 2 == int(number * 2)
    if rpe_like and not loads.close(number, current):
        return Head(reps, None, number, end)  # `8 @ 9` at 135 lb is an RPE
    load = typed_load(value, None, ctx)
    if isinstance(load, Refused):
        return load
    maybe = number if rpe_like and current is not None and abs(number - current) > 1e-9 else None
    return Head(reps, load, None, end, maybe_rpe=maybe)


def head(low: str, ctx: Context) -> Head | Refused | None:
    """The reps (and load) a set starts with; None when it does not start with a count."""
    if _BAD_NUMBER.match(low):
        if low.startswith(("-", "+")):
            return Refused("Type the number of reps as a whole number, like 10.")
        return Refused(f"That's more than {REPS_MAX} reps. Type what you did, like 10.")
    if _THREE_NUMBERS.match(low):  # `165 x 5 x 3`: weight, reps and sets
        return Refused("One set at a time: type this set's reps, like 10 @ 12.5kg.")
    plan = _PLAN_WORDS.match(low)
    if plan:  # "2 sets of 8"
        return Head(int(plan["b"]), None, None, plan.end(), plan_sets=int(plan["a"]))
    found = _DECIMAL_X.match(low)
    if found:  # `12.5x10`, `62,5 x 8`: a weight with a decimal comes first
        load = typed_load(found["v"], None, ctx)
        return load if isinstance(load, Refused) else Head(int(found["r"]), load, None, found.end())
    missed = reps_missed(low, ctx.target)
    if missed is not None:
        return Head(missed.reps, None, None, missed.end, missed.effort)
    found = _BW_TIMES.match(low)
    if found:
        return Head(int(found["r"] or found["r2"]), Load(None, ctx.unit), None, found.end())
    found = _LOAD_FIRST.match(low)
    if found:
        load = typed_load(found["v"], found["u"], ctx)
        return load if isinstance(load, Refused) else Head(int(found["r"]), load, None, found.end())
    found = _TIMES.match(low)
    if found:
        return _times(found, low, ctx)
    found = _AT.match(low)
    if found:
        return _at(found, ctx)
    found = _FRACTION.match(low) or _PLAIN.match(low)
    if not found or _TIME_UNIT.match(low[found.end() :]):
        return None  # "one sec", "2 mins": a time, never a count
    if re.match(rf"\s*{_U}(?![a-z])", low[found.end() :]):  # "20kg ...": a weight, never a count
        said = f"{found['r']}{low[found.end() :].split()[0]}"
        return Refused(f"{said} is a weight: type the reps with it, like 10 @ {said}.")
    if not _is_int(found["r"]):
        return Refused("Type the number of reps as a whole number, like 10.")
    return Head(int(found["r"]), None, None, found.end())


def which_way(answer: SetAnswer, ctx: Context) -> Confirm:
    """ "20x8" at 16 kg: 8 reps at 20 kg, or 20 at 8? Both are offered, the count nearer the
    target first."""
    load = answer.load
    assert load is not None and load.value is not None and load.value.is_integer()  # `a x b`
    crossed = Load(float(answer.reps), load.unit)
    other = replace(answer, reps=int(load.value), load=crossed)
    readings = sorted(((answer, load), (other, crossed)), key=lambda r: abs(r[0].reps - ctx.target))
    first, second = (
        Option(f"{reading.reps} @ {weight.text()}", reading) for reading, weight in readings
    )
    return Confirm(f"{first.label}, or {second.label}?", (first, second, Option("No", None)))
