"""One logged session seen per side: sets in order, "3×10 @ 12 kg", totals and the weaker side."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from bot.coach.ports import SetEntry, Side, Unit, WorkoutRecord
from bot.coach.setloop import uneven
from bot.coach.summary import SIDE_ORDER
from bot.coach.units import load_text


def by_side(workout: WorkoutRecord) -> dict[Side, list[SetEntry]]:
    """The session's entries per side (left, right, both), each in set order."""
    found: dict[Side, list[SetEntry]] = {}
    for side in SIDE_ORDER:
        entries = sorted((e for e in workout.sets if e.side is side), key=lambda e: e.set_number)
        if entries:
            found[side] = entries
    return found


def totals(workout: WorkoutRecord) -> dict[Side, int]:
    return {side: sum(e.reps or 0 for e in entries) for side, entries in by_side(workout).items()}


def side_text(entries: Sequence[SetEntry], unit: Unit) -> str:
    """ "3×10 @ 12 kg", "10, 9, 8 @ 12 kg" or "2×10 @ 12 kg + 8 @ 15 kg" in the user's unit."""
    parts = []
    for (load, logged_unit), group in groupby(entries, key=lambda e: (e.load, e.unit)):
        reps = ["pain" if e.reps is None else str(e.reps) for e in group]
        count = f"{len(reps)}×{reps[0]}" if len(reps) > 1 and len(set(reps)) == 1 else None
        parts.append(f"{count or ', '.join(reps)} @ {load_text(load, logged_unit, unit)}")
    return " + ".join(parts)


def weaker(workout: WorkoutRecord) -> tuple[Side, int] | None:
    """The side behind on the sets where both legs were counted, when the gap is a real one.

    "Real" is the set loop's threshold (2 reps or 15 %), applied to the session's totals.
    """
    reps: dict[tuple[int, Side], int] = {
        (e.set_number, e.side): e.reps for e in workout.sets if e.reps is not None
    }
    paired = [n for (n, side) in reps if side is Side.LEFT and (n, Side.RIGHT) in reps]
    if not paired:
        return None
    left = sum(reps[(n, Side.LEFT)] for n in paired)
    right = sum(reps[(n, Side.RIGHT)] for n in paired)
    if max(left, right) == 0 or not uneven(left, right):
        return None
    return (Side.LEFT, right - left) if left < right else (Side.RIGHT, left - right)
