"""Loads shown in the user's unit: stored values are converted for display, never rewritten."""

from __future__ import annotations

import math

from bot.coach.ports import Unit

KG_PER_LB = 0.45359237  # exact, by definition
# The finest step plates make in each unit: what any converted load is rounded to.
PLATE_STEP = {Unit.KG: 0.25, Unit.LB: 0.5}


def convert(value: float, source: Unit, target: Unit) -> float:
    if source is target:
        return value
    return value * KG_PER_LB if source is Unit.LB else value / KG_PER_LB


def in_unit(value: float, source: Unit, target: Unit) -> float:
    """A load in the target unit: as logged when the units agree, else converted and rounded
    (half up) to the target's plate step, 0.25 kg or 0.5 lb: 12.5 kg -> 27.5 lb."""
    if source is target:
        return value
    step = PLATE_STEP[target]
    return math.floor(convert(value, source, target) / step + 0.5) * step


def load_text(value: float | None, source: Unit, target: Unit) -> str:
    """ "12.5 kg", "27.5 lb" or "bodyweight": every load a screen shows, in the user's unit."""
    if value is None:
        return "bodyweight"
    return f"{in_unit(value, source, target):g} {target.value}"
