"""Numbers in cells: "10.0" reps, "82,5" kg, empty weights; anything else is a bad row."""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


class CellError(ValueError):
    """A cell that cannot mean what its column says; the message names the column."""


def number(cell: str, column: str) -> float | None:
    """Empty -> None; "82.5", "82,5" (a decimal comma) -> 82.5; text -> CellError."""
    text = cell.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if not _NUMBER.match(text):
        raise CellError(f"{column} {cell.strip()!r} is not a number")
    value = float(text.replace(",", "."))
    if not math.isfinite(value):
        raise CellError(f"{column} {cell.strip()!r} is not a number")
    return value


def reps(cell: str) -> int | None:
    """Whole reps; Strong prints them as "10.0". Empty or 0 -> None (a timed or empty row)."""
    value = number(cell, "reps")
    if value is None or value == 0:
        return None
    if value < 0 or value != int(value):
        raise CellError(f"reps {cell.strip()!r} is not a whole number of reps")
    if value > 1000:
        raise CellError(f"reps {cell.strip()!r} is more reps than one set can hold")
    return int(value)


def load(cell: str) -> float | None:
    """The weight as written; 0 or empty is bodyweight (None)."""
    value = number(cell, "weight")
    if value is None or value == 0:
        return None
    if value < 0:
        raise CellError(f"weight {cell.strip()!r} is below zero")
    return value


def rpe(cell: str) -> float | None:
    """RPE as a number (half steps kept); empty or 0 (some tools' "not rated") -> None."""
    value = number(cell, "RPE")
    if value is None or value == 0:
        return None
    if not 1 <= value <= 10:
        raise CellError(f"RPE {cell.strip()!r} is outside 1 to 10")
    return value


def positive(cell: str, column: str) -> bool:
    """Whether a time or distance cell holds more than zero (a timed or cardio row)."""
    try:
        value = number(cell, column)
    except CellError:
        return bool(cell.strip()) and any(ch.isdigit() and ch != "0" for ch in cell)
    return value is not None and value > 0


def text(cell: str) -> str | None:
    """A note as the user wrote it; literal "\\n" (how some exports escape a newline) unescaped."""
    value = cell.replace("\\n", "\n").strip()
    return value or None
