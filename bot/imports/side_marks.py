"""Sides the apps cannot store but users mark: in the exercise name, a set's note, or an
exercise note giving the order of alternating sets. Only a clear mark counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.coach.ports import Side

# Whole words in a few languages too ("Gauche", "rechts"); single letters only in English.
_WORD = (
    r"(left|right|lft|rgt|lt|rt|l|r|gauche|droite|links|rechts|izquierda|derecha|esquerda"
    r"|direita|sinistra|destra)"
)
_LIMB = r"(?:\s+(?:leg|side|foot|glute))?"
_LEFT_WORDS = ("left", "lft", "lt", "l", "gauche", "links", "izquierda", "esquerda", "sinistra")
_RIGHT_WORDS = ("right", "rgt", "rt", "r", "droite", "rechts", "derecha", "direita", "destra")
_SIDE_WORDS = {w: Side.LEFT for w in _LEFT_WORDS} | {w: Side.RIGHT for w in _RIGHT_WORDS}
_ANY_SIDE = re.compile(rf"\b{_WORD}\b", re.IGNORECASE)

# --- in a name: "(Left)", "[R]", " - Left", "Left Single Leg Hip Thrust", "SLHT R" -------------
_NAME_BRACKET = re.compile(rf"\s*[(\[]\s*{_WORD}{_LIMB}\s*[)\]]", re.IGNORECASE)
_NAME_DASH = re.compile(rf"\s+[-–—:/|]\s*{_WORD}{_LIMB}\s*$", re.IGNORECASE)
_NAME_HEAD = re.compile(rf"^(left|right){_LIMB}\b\s*[-–—:]?\s*|^(l|r)\s*[-–—:]?\s+", re.IGNORECASE)
_SIDE_PART = re.compile(rf"{_WORD}{_LIMB}", re.IGNORECASE)
_NAME_TAIL = re.compile(rf"\s+(left|right|l|r){_LIMB}$", re.IGNORECASE)
# "(Each Side)", "- per leg": the weight is per side; it says nothing about which side.
_EACH_SIDE = re.compile(
    r"\s*[(\[]\s*(?:each|per)\s+(?:side|leg)\s*[)\]]|\s+[-–—]\s*(?:each|per)\s+(?:side|leg)\s*$",
    re.IGNORECASE,
)
# "(L/R)", "(Left & Right)", "(Alternating)": both sides in one exercise, so no side.
_BRACKET = re.compile(r"\s*[(\[]([^)\]]*)[)\]]")
_BOTH_WORDS = frozenset(("left", "right", "l", "r", "both", "alt", "alternating", "and"))
_BOTH_FILLER = frozenset(("side", "sides", "leg", "legs"))


def _names_both(bracket: str) -> bool:
    words = [w for w in re.split(r"[\s/&+,-]+", bracket.lower()) if w]
    return (
        bool(words) and set(words) <= _BOTH_WORDS | _BOTH_FILLER and bool(_BOTH_WORDS & set(words))
    )


@dataclass(frozen=True)
class NamedSide:
    name: str  # the name with side marks removed, for exercise mapping
    side: Side | None  # the side the name marks, if it marks exactly one


def split_name(name: str) -> NamedSide:
    text = _EACH_SIDE.sub("", " ".join(name.split()))
    found: set[Side] = set()
    for pattern in (_NAME_BRACKET, _NAME_DASH, _NAME_HEAD, _NAME_TAIL):
        match = pattern.search(text)
        if match:
            word = next(g for g in match.groups() if g)
            found.add(_SIDE_WORDS[word.lower()])
            text = (text[: match.start()] + " " + text[match.end() :]).strip()
    for match in list(_BRACKET.finditer(text)):
        if _names_both(match.group(1)):
            text = text.replace(match.group(0), " ")
            found = {Side.LEFT, Side.RIGHT}
            continue
        # "(Dumbbell, Left)": a side among other words in one bracket.
        parts = [p.strip() for p in match.group(1).split(",")]
        sided = [(p, m) for p in parts if (m := _SIDE_PART.fullmatch(p))]
        if len(parts) > 1 and len(sided) == 1:
            part, side_match = sided[0]
            found.add(_SIDE_WORDS[side_match.group(1).lower()])
            kept = ", ".join(p for p in parts if p is not part)
            text = text.replace(match.group(0), f" ({kept})")
    side = found.pop() if len(found) == 1 else None
    return NamedSide(" ".join(text.split()) or name.strip(), side)


# --- in a set's note: "L", "right leg", "Left: slow", "felt good (R)" ------------------------
_SEP = r"[:\-–—,;/|.)(]"
_NOTE_WHOLE = re.compile(rf"^\W*(?:on\s+the\s+)?{_WORD}{_LIMB}(?:\s+only)?\W*$", re.IGNORECASE)
_NOTE_HEAD = re.compile(rf"^\W*{_WORD}{_LIMB}\s*{_SEP}\s*(.+)$", re.IGNORECASE | re.DOTALL)
_NOTE_TAIL = re.compile(rf"^(.+?)\s*{_SEP}\s*{_WORD}{_LIMB}\s*\)?\W*$", re.IGNORECASE | re.DOTALL)


def note_side(note: str | None) -> Side | None:
    """The side a set's note marks, or None. "R leg weaker" names a side but marks no set;
    a note naming both sides, or giving an alternation order, marks none either."""
    if not note:
        return None
    text = note.strip()
    if alternation(text) is not None:
        return None
    match = _NOTE_WHOLE.match(text)
    if match:
        return _SIDE_WORDS[match.group(1).lower()]
    match = _NOTE_HEAD.match(text)
    if match and not _ANY_SIDE.search(match.group(2)):
        return _SIDE_WORDS[match.group(1).lower()]
    match = _NOTE_TAIL.match(text)
    if match and not _ANY_SIDE.search(match.group(1)):
        return _SIDE_WORDS[match.group(2).lower()]
    return None


# --- an exercise note giving the order: "left first, alternate", "odd sets = left" ----------
_ALTERNATE = re.compile(r"\balternat\w*|\balt\b|\bswitch\w*|\bswap\w*", re.IGNORECASE)
_IS = r"\s*(?:=|:|-|–|→|->|are|is|on|for)?\s*"
_ODD = re.compile(rf"\bodds?(?:\s+sets?)?{_IS}(?:the\s+)?{_WORD}\b", re.IGNORECASE)
_EVEN = re.compile(rf"\bevens?(?:\s+sets?)?{_IS}(?:the\s+)?{_WORD}\b", re.IGNORECASE)
_ODD_AFTER = re.compile(rf"\b{_WORD}{_LIMB}{_IS}(?:the\s+)?odds?\b", re.IGNORECASE)
_EVEN_AFTER = re.compile(rf"\b{_WORD}{_LIMB}{_IS}(?:the\s+)?evens?\b", re.IGNORECASE)
_FIRST = re.compile(
    rf"\b{_WORD}{_LIMB}\s+(?:goes\s+)?first\b"
    rf"|\bstart(?:s|ing|ed)?\s+(?:with\s+|on\s+)?(?:the\s+)?{_WORD}\b"
    rf"|\bfirst\s+(?:set\s+)?(?:is\s+|=\s*|on\s+(?:the\s+)?)?{_WORD}\b",
    re.IGNORECASE,
)


def _other(side: Side) -> Side:
    return Side.RIGHT if side is Side.LEFT else Side.LEFT


def _word_side(match: re.Match[str]) -> Side:
    return _SIDE_WORDS[next(g for g in match.groups() if g).lower()]


def alternation(note: str | None) -> Side | None:
    """The side of the odd-numbered working sets when a note gives the order, else None."""
    if not note:
        return None
    odd: set[Side] = set()
    for pattern, flip in ((_ODD, False), (_ODD_AFTER, False), (_EVEN, True), (_EVEN_AFTER, True)):
        for match in pattern.finditer(note):
            side = _word_side(match)
            odd.add(_other(side) if flip else side)
    if not odd and _ALTERNATE.search(note):
        odd = {_word_side(m) for m in _FIRST.finditer(note)}
    return odd.pop() if len(odd) == 1 else None


def alternating_side(first: Side, working_index: int) -> Side:
    """The side of the working_index-th (1-based) working set when odd sets are `first`."""
    return first if working_index % 2 == 1 else _other(first)
