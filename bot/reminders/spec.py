"""A whole reminder in one line ("weekdays at 7pm, Europe/Berlin"), and exercise names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

from rapidfuzz import fuzz, process

from bot.content import Exercise
from bot.content.loader import normalise_name
from bot.reminders.parsing import MAX_INPUT, NotUnderstood, parse_days, parse_time
from bot.reminders.zones import parse_zone

_TIME_WORDS = re.compile(
    r"""(?<![\w/+:-])(?:at\s+)?(?:
        \d{1,2}(?:\s*[:.h]\s*\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)
      | \d{1,2}\s*[:.h]\s*\d{2}(?![\w:])
      | \d{3,4}(?![\w:])
      | noon | midday | midnight
    )""",
    re.VERBOSE,
)
_DAY_PART = (
    r"(?:every\s+day|everyday|each\s+day|daily|every\s+weekday|weekdays?|weekends?|workdays|"
    r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s?)"
)
_DAYS_WORDS = re.compile(
    rf"(?<![\w/]){_DAY_PART}(?:\s*(?:,|and|&|/|-|to|through|\s)\s*{_DAY_PART})*(?![\w/])",
    re.IGNORECASE,
)
_NOISE = re.compile(r"\b(?:remind me|please|on|at|in|every|each|to train|to do|for)\b|[,;]")


@dataclass(frozen=True)
class Spec:
    """What one line said; None where it said nothing about that part."""

    at: time | None = None
    days: int | None = None
    zone: str | None = None
    exercise: str | None = None


def resolve_exercise(
    text: str, library: Mapping[str, Exercise], *, fuzzy: bool = True
) -> str | None:
    """The slug an exercise name or alias means ("sl hip thrust"), typos forgiven; else None."""
    wanted = normalise_name(text)
    if not wanted or len(wanted) > MAX_INPUT:
        return None
    names: dict[str, str] = {}
    for ex in library.values():
        for name in (ex.name, ex.slug.replace("-", " "), *ex.aliases):
            names[normalise_name(name)] = ex.slug
    if wanted in names or not fuzzy:
        return names.get(wanted)
    found = process.extractOne(wanted, list(names), scorer=fuzz.ratio, score_cutoff=85)
    return None if found is None else names[found[0]]


def _zone_and_exercise(
    rest: str, library: Mapping[str, Exercise]
) -> tuple[str | None, str | None] | None:
    """The leftover words as an exercise, a zone, or both ("europe/berlin glute bridge")."""
    words = rest.split()
    # Exact names before typos: "london glute bridge" is London + glute bridge, not a typo of
    # some "floor glute bridge".
    for fuzzy in (False, True):
        exercise = resolve_exercise(rest, library, fuzzy=fuzzy)
        if exercise is not None:
            return None, exercise
        zone = parse_zone(rest)
        if isinstance(zone, str):
            return zone, None
        for cut in range(1, len(words)):
            left, right = " ".join(words[:cut]), " ".join(words[cut:])
            for zone_part, exercise_part in ((left, right), (right, left)):
                exercise = resolve_exercise(exercise_part, library, fuzzy=fuzzy)
                if exercise is None:
                    continue
                zone = parse_zone(zone_part)
                if isinstance(zone, str):
                    return zone, exercise
    return None


def parse_spec(text: str, library: Mapping[str, Exercise]) -> Spec | NotUnderstood:
    """Pick the time, days, timezone and exercise out of one line; what is left must be one."""
    line = " ".join(text.split())
    if len(line) > 2 * MAX_INPUT:
        return NotUnderstood("That's too long for a reminder. Try: weekdays at 7pm.")
    at: time | None = None
    days: int | None = None
    found_time = _TIME_WORDS.search(line.lower())
    if found_time:
        parsed = parse_time(found_time.group())
        if isinstance(parsed, NotUnderstood):
            return parsed
        at = parsed
        line = line[: found_time.start()] + " " + line[found_time.end() :]
    found_days = _DAYS_WORDS.search(line)
    if found_days:
        parsed_days = parse_days(found_days.group())
        if isinstance(parsed_days, NotUnderstood):
            return parsed_days
        days = parsed_days
        line = line[: found_days.start()] + " " + line[found_days.end() :]
    rest = " ".join(_NOISE.sub(" ", line.lower()).split())
    if not rest:
        return Spec(at, days)
    found = _zone_and_exercise(rest, library)
    if found is not None:
        return Spec(at, days, zone=found[0], exercise=found[1])
    if at is None and days is None:
        return NotUnderstood(f"I couldn't read {text.strip()[:30]!r}. Try: weekdays at 7pm.")
    return NotUnderstood(
        f"I got the rest, but not {rest[:30]!r}. Besides a time and days, a reminder can name"
        " a city (London), a zone (Europe/Berlin) or an exercise."
    )
