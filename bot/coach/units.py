"""Loads shown in the user's unit: stored values are converted for display, never rewritten."""

from __future__ import annotations

from bot.coach.ports import Unit

KG_PER_LB = 0.45359237  # exact, by definition


def convert(value: float, source: Unit, target: Unit) -> float:
    if source is target:
        return value
    return value * KG_PER_LB if source is Unit.LB else value / KG_PER_LB


def shown(value: float | None, source: Unit, target: Unit) -> str:
    """ "12.5 kg", "27.6 lb" or "bodyweight": a logged load in the unit the user reads."""
    if value is None:
        return "bodyweight"
    if source is target:
        return f"{value:g} {target.value}"
    return f"{round(convert(value, source, target), 1):g} {target.value}"


def rounded(value: float, step: float) -> float:
    """The nearest multiple of step (a plate jump), never below one step."""
    return max(step, round(value / step) * step)
