"""Which app wrote a file, told from its header row alone (a file name proves nothing)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.coach.ports import Unit
from bot.imports.csvfile import ImportRefused
from bot.imports.imported_sets import SourceApp

UNKNOWN_FORMAT = (
    "I can read workout exports (CSV) from Strong, Hevy and FitNotes, and this file is none of"
    " them; if it is, export it again with the app set to English."
)

_UNIT_WORDS = {
    "kg": Unit.KG, "kgs": Unit.KG, "kilo": Unit.KG, "kilos": Unit.KG, "kilogram": Unit.KG,
    "kilograms": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB, "pound": Unit.LB, "pounds": Unit.LB,
}  # fmt: skip


def unit_word(text: str) -> Unit | None:
    """ "kgs", "lbs", "kg." -> the unit; anything else (including empty) -> None."""
    return _UNIT_WORDS.get(text.strip().strip(".").lower())


def _norm(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").strip().strip('"').lower().split())


# Strong: every spelling seen across the iPhone, Android and newer Android layouts.
_STRONG = {
    "date": "date", "workout name": "workout", "duration": "duration",
    "workout duration": "duration", "duration (sec)": "duration_sec",
    "exercise name": "exercise", "set order": "set_order", "weight": "weight",
    "weight unit": "weight_unit", "reps": "reps", "rpe": "rpe", "distance": "distance",
    "distance unit": "distance_unit", "seconds": "seconds", "notes": "notes",
    "workout notes": "workout_notes", "workout #": "workout_number",
}  # fmt: skip
_HEVY = {
    "title": "title", "start_time": "start", "end_time": "end", "description": "description",
    "exercise_title": "exercise", "superset_id": "superset", "exercise_notes": "exercise_notes",
    "set_index": "set_index", "set_type": "set_type", "weight_kg": "weight",
    "weight_lbs": "weight", "reps": "reps", "distance_km": "distance",
    "distance_miles": "distance", "duration_seconds": "seconds", "rpe": "rpe",
}  # fmt: skip
_FITNOTES = {
    "date": "date", "exercise": "exercise", "category": "category", "weight": "weight",
    "weight unit": "weight_unit", "reps": "reps", "distance": "distance",
    "distance unit": "distance_unit", "time": "time", "comment": "comment", "notes": "comment",
    "kind": "kind",
}  # fmt: skip
# "Weight (kg)", "Weight (lbs)", "Distance (meters)": the unit written into the column's name.
_UNIT_IN_NAME = re.compile(r"^(weight|distance) \(([a-z.]+)\)$")


@dataclass(frozen=True)
class Layout:
    app: SourceApp
    variant: str  # a few words for the preview: "iPhone layout", "imperial units"
    columns: dict[str, int]  # canonical field -> column index
    header_unit: Unit | None  # the unit a column name states, when it states one
    # FitNotes 2 (iOS) has a kg and a lbs column and fills one of them per row.
    split_weight: tuple[int, int] | None = None

    def has(self, field: str) -> bool:
        return field in self.columns


def _columns(names: list[str], table: dict[str, str]) -> tuple[dict[str, int], Unit | None]:
    columns: dict[str, int] = {}
    unit: Unit | None = None
    for index, name in enumerate(names):
        field = table.get(name)
        match = _UNIT_IN_NAME.match(name)
        if field is None and match:
            field = match.group(1)
            if field == "weight":
                unit = unit or unit_word(match.group(2))
        if field is None and name in ("lbs", "kg", "kgs"):  # Strong's oldest: the column is a unit
            field, unit = "weight", unit_word(name)
        if field is not None:
            columns.setdefault(field, index)
    return columns, unit


def _strong(names: list[str]) -> Layout | None:
    columns, unit = _columns(names, _STRONG)
    if not {"date", "exercise", "set_order", "reps"} <= columns.keys() or "weight" not in columns:
        return None
    if unit is not None:
        variant = "newer Android layout"
    elif "weight_unit" in columns:
        variant = "Android layout"
    else:
        variant = "iPhone layout"
    return Layout(SourceApp.STRONG, variant, columns, unit)


def _hevy(names: list[str]) -> Layout | None:
    columns, _ = _columns(names, _HEVY)
    if not {"start", "exercise", "set_index", "weight", "reps"} <= columns.keys():
        return None
    imperial = "weight_lbs" in names
    unit = Unit.LB if imperial else Unit.KG
    return Layout(SourceApp.HEVY, "imperial" if imperial else "metric", columns, unit)


def _fitnotes(names: list[str]) -> Layout | None:
    if "weight (kg)" in names and "weight (lbs)" in names:  # FitNotes 2 on iOS
        columns, _ = _columns([n for n in names if not n.startswith("weight")], _FITNOTES)
        if not {"date", "exercise", "reps"} <= columns.keys():
            return None
        split = (names.index("weight (kg)"), names.index("weight (lbs)"))
        return Layout(SourceApp.FITNOTES, "iOS layout", columns, None, split)
    columns, unit = _columns(names, _FITNOTES)
    if not {"date", "exercise", "reps", "weight"} <= columns.keys():
        return None
    if unit is None and "weight_unit" not in columns:
        return None  # a FitNotes file always says its unit, per row or in the column name
    variant = "older layout, unit in the header" if unit else "unit on every row"
    return Layout(SourceApp.FITNOTES, variant, columns, unit)


def detect(header: list[str]) -> Layout:
    """The layout a header row belongs to, or ImportRefused with the one-line explanation."""
    names = [_norm(h) for h in header]
    for probe in (_hevy, _strong, _fitnotes):
        layout = probe(names)
        if layout is not None:
            return layout
    raise ImportRefused(UNKNOWN_FORMAT)
