"""Reads the times and days people type ("7pm", "weekdays", "Mondays and Thursdays")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from rapidfuzz import fuzz, process

# Anything longer is not a time or a list of days; say so instead of scanning an essay.
MAX_INPUT = 80

TIME_HINT = "Send a time like 7:30, 7pm or 19:00."
DAYS_HINT = "Say every day, weekdays, weekends, or the days, e.g. mon wed fri."

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EVERY_DAY = 0b1111111
WEEKDAYS = 0b0011111
WEEKENDS = 0b1100000

_DAY_WORDS: dict[str, int] = {}
for _i, _name in enumerate(DAY_NAMES):
    for _word in (_name, _name + "s", _name[:2], _name[:3], _name[:3] + "s"):
        _DAY_WORDS[_word] = 1 << _i
_DAY_WORDS.update({"tues": 1 << 1, "weds": 1 << 2, "thur": 1 << 3, "thurs": 1 << 3})

_GROUPS = {
    "every day": EVERY_DAY,
    "everyday": EVERY_DAY,
    "each day": EVERY_DAY,
    "daily": EVERY_DAY,
    "all days": EVERY_DAY,
    "all week": EVERY_DAY,
    "every weekday": WEEKDAYS,
    "weekday": WEEKDAYS,
    "weekdays": WEEKDAYS,
    "workdays": WEEKDAYS,
    "work days": WEEKDAYS,
    "weekend": WEEKENDS,
    "weekends": WEEKENDS,
}
# Words people put around the days that carry no meaning of their own.
_FILLER = {"on", "and", "every", "each", "only", "at", "the", "n", "plus", "also"}


@dataclass(frozen=True)
class NotUnderstood:
    """Input that could not be read; message is the re-prompt to show the user."""

    message: str


def _clean(text: str) -> str:
    return " ".join(text.strip().lower().split())


def _checked(text: str, what: str, hint: str) -> str | NotUnderstood:
    cleaned = _clean(text)
    if not cleaned:
        return NotUnderstood(f"I didn't get {what}. {hint}")
    if len(cleaned) > MAX_INPUT:
        return NotUnderstood(f"That's too long to be {what}. {hint}")
    if not cleaned.isascii():
        cleaned = cleaned.replace("\u2009", " ").replace("\u202f", " ")
        if not cleaned.isascii():
            return NotUnderstood(f"I couldn't read that as {what}. {hint}")
    return cleaned


_TIME = re.compile(
    r"""^(?:at\s+)?
    (?P<hour>\d{1,2})
    (?:\s*[:.h]\s*(?P<minute>\d{2}))?
    \s*(?P<suffix>a\.?m\.?|p\.?m\.?|in\ the\ morning|in\ the\ evening|in\ the\ afternoon|o'?clock)?
    $""",
    re.VERBOSE,
)
_COMPACT = re.compile(r"^(?:at\s+)?(?P<hour>\d{1,2})(?P<minute>\d{2})\s*(?P<suffix>am|pm)?$")
_NAMED = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}


def parse_time(text: str) -> time | NotUnderstood:
    """A wall-clock time of day: "7:30", "7pm", "7 pm", "19:00", "0730", "noon"."""
    cleaned = _checked(text, "a time", TIME_HINT)
    if isinstance(cleaned, NotUnderstood):
        return cleaned
    cleaned = cleaned.removeprefix("at ").strip()
    if cleaned in _NAMED:
        return _NAMED[cleaned]
    match = _TIME.match(cleaned) or _COMPACT.match(cleaned)
    if match is None:
        return NotUnderstood(f"I couldn't read {text.strip()[:20]!r} as a time. {TIME_HINT}")
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    suffix = (match["suffix"] or "").replace(".", "").replace("'", "")
    if suffix in ("am", "pm", "in the morning", "in the evening", "in the afternoon"):
        if not 1 <= hour <= 12:
            return NotUnderstood(f"{hour} {suffix} isn't a time on a 12-hour clock. {TIME_HINT}")
        evening = suffix in ("pm", "in the evening", "in the afternoon")
        hour = hour % 12 + (12 if evening else 0)
    if hour > 23 or minute > 59:
        shown = f"{match['hour']}:{match['minute'] or '00'}"
        return NotUnderstood(f"There's no {shown} on the clock. {TIME_HINT}")
    return time(hour, minute)


def _day_word(word: str) -> int | None:
    if word in _DAY_WORDS:
        return _DAY_WORDS[word]
    if len(word) < 4:
        return None
    # "wendesday", "thursdya": a typo of a full day name, never of a short one.
    found = process.extractOne(word, DAY_NAMES, scorer=fuzz.ratio, score_cutoff=75)
    return None if found is None else 1 << DAY_NAMES.index(found[0])


def _day_range(first: int, last: int) -> int:
    a, b = first.bit_length() - 1, last.bit_length() - 1
    mask = 0
    i = a
    while True:
        mask |= 1 << i
        if i == b:
            return mask
        i = (i + 1) % 7


def parse_days(text: str) -> int | NotUnderstood:
    """Which weekdays, as a bitmask (bit 0 Monday ... bit 6 Sunday)."""
    cleaned = _checked(text, "the days", DAYS_HINT)
    if isinstance(cleaned, NotUnderstood):
        return cleaned
    cleaned = re.sub(r"\bthrough\b|\bthru\b|\buntil\b|\bto\b|–|—", "-", cleaned)
    cleaned = re.sub(r"\s*-\s*", "-", cleaned)
    words = re.sub(r"[,;/&+]", " ", cleaned).split()
    mask = 0
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if pair in _GROUPS:
            mask |= _GROUPS[pair]
            i += 2
            continue
        word = words[i]
        i += 1
        if word in _GROUPS:
            mask |= _GROUPS[word]
        elif word in _FILLER:
            continue
        elif "-" in word:
            ends = [_day_word(part) for part in word.split("-")]
            if len(ends) != 2 or ends[0] is None or ends[1] is None:
                return NotUnderstood(f"I couldn't read {word!r} as days. {DAYS_HINT}")
            mask |= _day_range(ends[0], ends[1])
        else:
            day = _day_word(word)
            if day is None:
                return NotUnderstood(f"I couldn't read {word[:20]!r} as a day. {DAYS_HINT}")
            mask |= day
    if mask == 0:
        return NotUnderstood(f"Which days? {DAYS_HINT}")
    return mask


def describe_days(mask: int) -> str:
    """The days as a person would say them: "every day", "weekdays", "Mon, Wed, Fri"."""
    names = {EVERY_DAY: "every day", WEEKDAYS: "weekdays", WEEKENDS: "weekends"}
    if mask in names:
        return names[mask]
    return ", ".join(DAY_SHORT[i] for i in range(7) if mask & (1 << i))


def describe_time(at: time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"
