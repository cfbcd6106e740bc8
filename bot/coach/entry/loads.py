"""Loads as lifters type them: units, limits per unit, and the precision plates allow."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.coach.ports import Unit

# The heaviest load each unit accepts (the same as bot/coach/parsing.py LOAD_MAX), and the
# finest step plates make: 0.25 kg fractional plates, 0.5 lb ones (a 0.25 lb pair is rare).
LOAD_MAX = {Unit.KG: 500.0, Unit.LB: 1100.0}
STEP = {Unit.KG: 0.25, Unit.LB: 0.5}

# A number then its unit. `#` after a number is the old pounds sign (`35#`); a short word that
# starts with k (`12.5k`, the `kh` typo) is kilograms.
UNIT = r"(?P<unit>kilograms?|kilos?|kgs?|k[a-z]?(?![a-z])|pounds?|lbs?|#)"
NUMBER = r"(?P<value>[0-9]+(?:[.,][0-9]+)?)"
# What the weight is, after it: "20kg bell", "12 with 5kg plate", "10lb vest".
EQUIPMENT = (
    r"(?:\s+(?:kettle\s*bells?|bells?|kbs?|dbs?|dumb\s*bells?|plates?|vest|weight\s+vest|"
    r"sandbags?|bags?|barbell|bar|band|discs?|disks?|chains?|belt|(?:med(?:icine)?\s*)?ball|"
    r"weights?|on\s+(?:my\s+|the\s+)?(?:hips?|lap)))"
)
# Bodyweight, with or without "just"/"only", and the weight put away ("no more weight",
# "ditching the weight").
BODYWEIGHT_WORDS = (
    r"(?:(?:(?:just|only)\s+)?(?:bw|body\s?weight)(?:\s+only)?|no\s+(?:more\s+)?(?:weight|load)|"
    r"without\s+(?:the\s+|a\s+)?weight|ditch(?:ing|ed)?\s+the\s+weight)"
)


@dataclass(frozen=True)
class Load:
    """A weight: value None is bodyweight; the unit is the user's when none was typed."""

    value: float | None
    unit: Unit

    def text(self) -> str:
        return "bodyweight" if self.value is None else f"{self.value:g} {self.unit.value}"


def unit_of(word: str | None, default: Unit) -> Unit:
    if not word:
        return default
    word = word.lower()
    return Unit.LB if word.startswith(("lb", "pound", "#")) else Unit.KG


def kilograms(value: float, unit: Unit) -> float:
    return value * 0.45359237 if unit is Unit.LB else value


def _near_steps(amount: float, step: float) -> tuple[float, float]:
    low = math.floor(amount / step) * step
    return low, low + step


def check(amount: float, unit: Unit) -> Load | str:
    """The load, or why it cannot be logged: zero, beyond the unit's limit, finer than plates."""
    if not math.isfinite(amount) or amount <= 0:
        return "A weight above 0, please, or bw for bodyweight."
    if amount > LOAD_MAX[unit]:
        top = LOAD_MAX[unit]
        return f"{amount:g} {unit.value} is more than I log (up to {top:g} {unit.value})."
    step = STEP[unit]
    steps = amount / step
    if abs(steps - round(steps)) > 1e-6:
        low, high = _near_steps(amount, step)
        return (
            f"Plates go in {step:g} {unit.value} steps: {low:g} or {high:g} {unit.value}? "
            f"Type the reps with it, like 10 @ {low:g}{unit.value}."
        )
    return Load(round(steps) * step, unit)


def relative(current: Load, sign: str, amount: float, unit: Unit) -> Load | str:
    """ "+2.5kg" from the current load (bodyweight counts as 0), in the current load's unit."""
    base = current.value or 0.0
    delta = amount if unit is current.unit else _convert(amount, unit, current.unit)
    value = base + delta if sign == "+" else base - delta
    if value <= 0:
        return "That takes the weight below 0. Type the new weight, like 10kg, or bw."
    checked = check(round(value / STEP[current.unit]) * STEP[current.unit], current.unit)
    return checked


def _convert(value: float, source: Unit, target: Unit) -> float:
    kg = kilograms(value, source)
    return kg if target is Unit.KG else kg / 0.45359237


def close(a: float | None, b: float | None, share: float = 0.5) -> bool:
    """Whether a typed number is near the current load (within share of it)."""
    if a is None or b is None or b <= 0:
        return False
    return abs(a - b) <= share * b
