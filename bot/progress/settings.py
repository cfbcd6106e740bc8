"""/settings: units, rest and switch times, starting leg, timezone; by button or typed, checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.coach.keyboards import Keyboard
from bot.coach.ports import Side, Unit, UserSettings
from bot.coach.replies import Button
from bot.progress import buttons as pb
from bot.reminders.parsing import NotUnderstood
from bot.reminders.zones import parse_zone

REST_CHOICES = (30, 60, 90, 120, 180)
REST_MAX = 600
SWITCH_MAX = 120
HOW = (
    "Tap a button, or type one: /settings lb, /settings rest 90, /settings switch 15, "
    "/settings side right, /settings timezone Berlin."
)
_UNITS = {
    "kg": Unit.KG, "kgs": Unit.KG, "kilo": Unit.KG, "kilos": Unit.KG, "kilograms": Unit.KG,
    "lb": Unit.LB, "lbs": Unit.LB, "pound": Unit.LB, "pounds": Unit.LB,
}  # fmt: skip
_SIDES = {"left": Side.LEFT, "l": Side.LEFT, "right": Side.RIGHT, "r": Side.RIGHT}
_SECONDS = re.compile(
    r"^(?P<n>[0-9]{1,4}(?:[.,][0-9]{1,2})?)\s*(?:(?P<s>s|secs?|seconds?)|(?P<m>m|mins?|minutes?))?$"
)


class Field(StrEnum):
    UNIT = "u"
    REST = "r"
    SWITCH = "w"
    SIDE = "f"
    ZONE = "z"


_NAMES = {
    "unit": Field.UNIT, "units": Field.UNIT, "rest": Field.REST, "switch": Field.SWITCH,
    "side": Field.SIDE, "leg": Field.SIDE, "start": Field.SIDE, "starting": Field.SIDE,
    "first": Field.SIDE, "lead": Field.SIDE, "timezone": Field.ZONE, "tz": Field.ZONE,
    "zone": Field.ZONE, "time": Field.ZONE,
}  # fmt: skip


@dataclass(frozen=True)
class Change:
    field: Field
    value: str  # a Unit or Side value, whole seconds, or a canonical zone name


def view(settings: UserSettings) -> str:
    side = settings.first_side.value if settings.first_side is not Side.BOTH else "left"
    return "\n".join(
        [
            "Your settings:",
            f"Units: {settings.unit.value}",
            f"Rest between sets: {_seconds(settings.rest_seconds)}",
            f"Switching legs: {_seconds(settings.switch_seconds)}",
            f"Starting leg: {side}",
            f"Timezone: {settings.timezone or 'not set (UTC)'}",
            HOW,
        ]
    )


def _seconds(n: int) -> str:
    return f"{n} s" if n else "off"


def _tick(label: str, chosen: bool) -> str:
    return f"{label} ✓" if chosen else label


def keyboard(token: int, settings: UserSettings) -> Keyboard:
    def choice(label: str, field: Field, value: str, chosen: bool) -> Button | None:
        return pb.button(_tick(label, chosen), token, pb.SETTING, field.value, value)

    units = pb.row(*(choice(u.value, Field.UNIT, u.value, settings.unit is u) for u in Unit))
    rests = pb.row(
        *(
            choice(f"Rest {n} s", Field.REST, str(n), settings.rest_seconds == n)
            for n in REST_CHOICES
        )
    )
    sides = pb.row(
        *(
            choice(
                f"{s.value.capitalize()} leg first", Field.SIDE, s.value, settings.first_side is s
            )
            for s in (Side.LEFT, Side.RIGHT)
        )
    )
    return tuple(r for r in (units, rests, sides) if r)


def from_press(parts: list[str]) -> Change | None:
    """The change a settings button asks for; None unless it is one the keyboard offers."""
    if len(parts) != 2:
        return None
    field, value = parts
    offered = {
        Field.UNIT.value: {u.value for u in Unit},
        Field.REST.value: {str(n) for n in REST_CHOICES},
        Field.SIDE.value: {Side.LEFT.value, Side.RIGHT.value},
    }
    return Change(Field(field), value) if value in offered.get(field, set()) else None


def read(args: str) -> Change | NotUnderstood | None:
    """A typed change ("rest 90", "lb", "timezone Berlin"); None when nothing was typed."""
    words = " ".join(args.split()).lower()
    if not words:
        return None
    if words in _UNITS:
        return Change(Field.UNIT, _UNITS[words].value)
    if words in _SIDES:
        return Change(Field.SIDE, _SIDES[words].value)
    name, _, value = words.partition(" ")
    field = _NAMES.get(name)
    if field is None:
        return NotUnderstood(f"I can't change “{args.strip()[:30]}”. {HOW}")
    value = value.removeprefix("zone ").removeprefix("leg ").strip()
    if field is Field.UNIT:
        unit = _UNITS.get(value)
        return (
            Change(field, unit.value) if unit else NotUnderstood("Units are kg or lb: /settings lb")
        )
    if field is Field.SIDE:
        side = _SIDES.get(value.removesuffix(" leg").removesuffix(" first"))
        return (
            Change(field, side.value)
            if side
            else NotUnderstood("Left or right: /settings side right")
        )
    if field is Field.ZONE:
        zone = parse_zone(value)
        return zone if isinstance(zone, NotUnderstood) else Change(field, zone)
    highest = REST_MAX if field is Field.REST else SWITCH_MAX
    seconds = _read_seconds(value)
    what = "Rest" if field is Field.REST else "Switching legs"
    if seconds is None or not 0 <= seconds <= highest:
        example = "90" if field is Field.REST else "15"
        return NotUnderstood(
            f"{what} is 0 to {highest} seconds (0 turns that timer off): /settings {name} {example}"
        )
    return Change(field, str(seconds))


def _read_seconds(text: str) -> int | None:
    match = _SECONDS.match(text)
    if match is None:
        return None
    value = float(match["n"].replace(",", "."))
    return round(value * 60 if match["m"] else value)


def apply(settings: UserSettings, change: Change) -> str:
    """Change the setting in place; what to tell the user."""
    if change.field is Field.UNIT:
        settings.unit = Unit(change.value)
        return (
            f"Units: {settings.unit.value}. What you logged stays as you logged it; "
            f"I show it in {settings.unit.value}."
        )
    if change.field is Field.SIDE:
        settings.first_side = Side(change.value)
        return f"Starting leg: {settings.first_side.value}."
    if change.field is Field.ZONE:
        settings.timezone = change.value
        return f"Timezone: {change.value}."
    seconds = int(change.value)
    if change.field is Field.REST:
        settings.rest_seconds = seconds
        return f"Rest between sets: {seconds} s." if seconds else "Rest timer off."
    settings.switch_seconds = seconds
    return f"Switching legs: {seconds} s." if seconds else "Switch timer off."
