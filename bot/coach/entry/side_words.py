"""Sides as lifters write them: `L10`, `10 R`, `left 8 right 7`, `8/8`, `10 each`."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.coach.entry.results import BothSides, Confirm, Context, Option, Refused, SetAnswer
from bot.coach.ports import Side

# A side letter before a count ("L10", "R 8 @ 135", "l: 9"), or after one with a space
# ("10 R", "6 r"), or a capital stuck to it ("8L", "7R"). An r stuck to a count is reps ("10r").
_LETTER_BEFORE = re.compile(r"(?<![\w@.,])(?P<s>[lLrR])\s*[:=.]?\s*(?=[0-9])")
_LETTER_AFTER = re.compile(r"(?<![0-9.,])(?P<n>[0-9]{1,3})(?:\s+(?P<s>[lLrR])|(?P<l>[lLR]))(?!\w)")
_WORD = {"l": "left", "r": "right"}

# "each", "ea", "e", "per leg", "/side", "(each leg)", "a side": the count is per side, which
# is how every count here is meant; nothing to keep.
_PER_SIDE = re.compile(
    r"(?P<count>[0-9](?:\s*reps?)?)\s*\(?\s*(?:ea(?:ch)?\s+(?:leg|side)|each|ea|e|"
    r"per\s+(?:leg|side)|(?:a|/)\s*(?:leg|side))\s*\)?(?![\w])",
    re.IGNORECASE,
)

_SIDE = r"(?P<{}>left|right)(?:\s+(?:leg|side))?"
_COUNT = r"(?P<{}>[0-9]{{1,3}})(?:\s*reps?)?"
_GAP = r"\s*(?:[,;/&+|]|\band\b|\bthen\b)?\s*"
_TWO_SIDES = [
    re.compile(  # left 10 right 9
        rf"^{_SIDE.format('s1')}\s*[:=-]?\s*{_COUNT.format('a')}{_GAP}"
        rf"{_SIDE.format('s2')}\s*[:=-]?\s*{_COUNT.format('b')}(?P<rest>.*)$",
        re.IGNORECASE,
    ),
    re.compile(  # 10 left 9 right
        rf"^{_COUNT.format('a')}\s*{_SIDE.format('s1')}{_GAP}"
        rf"{_COUNT.format('b')}\s*{_SIDE.format('s2')}(?![\w])(?P<rest>.*)$",
        re.IGNORECASE,
    ),
]
_PAIR = re.compile(
    r"^(?P<a>[0-9]{1,3})\s*(?P<how>/|&|\+|and)\s*(?P<b>[0-9]{1,3})(?![0-9.,])(?P<rest>(?:\s.*)?)$"
)
_BOTH_WORDS = re.compile(r"^[0-9]{1,3}\s+(?:reps?\s+)?(?:on\s+)?both(?:\s+(?:legs|sides))?\b", re.I)


def spell_sides(text: str) -> str:
    """Side letters as words: "L10" -> "left 10", "10 R" -> "10 right"."""
    text = _LETTER_BEFORE.sub(lambda m: f"{_WORD[m['s'].lower()]} ", text)

    def after(match: re.Match[str]) -> str:
        letter = (match["s"] or match["l"]).lower()
        return f"{match['n']} {_WORD[letter]}"

    return _LETTER_AFTER.sub(after, text)


def drop_per_side(text: str) -> str:
    """ "10 each", "8 ea", "12e", "8/side" -> the count alone (every count is per side)."""
    return _PER_SIDE.sub(lambda m: m["count"], text)


def two_sides(text: str, ctx: Context) -> tuple[dict[Side, int], str] | None:
    """The reps of both legs in one message, and what followed them; None when not both."""
    for pattern in _TWO_SIDES:
        found = pattern.match(text)
        if found and found["s1"].lower() != found["s2"].lower():
            counts = {Side(found["s1"].lower()): int(found["a"]),
                      Side(found["s2"].lower()): int(found["b"])}  # fmt: skip
            return counts, found["rest"]
    found = _PAIR.match(text)
    if found and ctx.side is not Side.BOTH and ctx.first:
        a, b = int(found["a"]), int(found["b"])
        fraction = found["how"] == "/" and b == ctx.target  # "8/10" is 8 of a target of 10
        if not fraction and a <= b * 3 and b <= a * 3:
            other = Side.RIGHT if ctx.side is Side.LEFT else Side.LEFT
            return {ctx.side: a, other: b}, found["rest"]
    return None


def both_sides(counts: dict[Side, int], first: SetAnswer, ctx: Context) -> Confirm | Refused:
    """Ask before writing two sets from one line: both, or only the awaited leg."""
    if ctx.side is Side.BOTH:
        return Refused("This one works both legs together: type the reps alone, like 12.")
    awaited = ctx.side
    other = Side.RIGHT if awaited is Side.LEFT else Side.LEFT
    mine = replace(first, reps=counts[awaited], side=None)
    theirs = replace(first, reps=counts[other], side=other)
    said = f"{awaited.value.capitalize()} {mine.reps}, {other.value} {theirs.reps}"
    if not ctx.first:  # the other leg is logged already: this message is the awaited one's
        return Confirm(
            f"{said}? Your {other.value} leg is logged for this set already.",
            (Option(f"Log {awaited.value} {mine.reps}", mine), Option("No", None)),
        )
    return Confirm(
        f"{said}: log both legs?",
        (Option("Log both", BothSides(mine, theirs)),
         Option(f"Only {awaited.value} {mine.reps}", mine), Option("No", None)),
    )  # fmt: skip


def names_both(text: str) -> bool:
    """ "10 both legs", "10 on both sides": one count for both legs."""
    return bool(_BOTH_WORDS.search(text))
