"""Sets and reps typed as numbers: "3x10", "3 x 10", "4 sets of 15", "12 reps each leg"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers.exercises import phrase_tokens

_SETS_BY_REPS = re.compile(r"^(\d{1,2})x(\d{1,3})$")
_NUMBER = re.compile(r"^\d{1,3}$")
_BY = frozenset(phrase_tokens("x by"))
_SET = frozenset(phrase_tokens("set sets round rounds"))
_REP = frozenset(phrase_tokens("rep reps"))
_OF = frozenset(phrase_tokens("of"))
# "cramps after like 2 reps", "can't even do 3 reps": what happened, not a plan.
_HAPPENED = frozenset(phrase_tokens("after like only even cant couldnt cannot not just"))


@dataclass(frozen=True)
class Prescription:
    sets: int | None
    reps: int | None

    def focus(self) -> str:
        return f"count:{self.sets or 0}x{self.reps or 0}"


# The clean-up spells small numbers out ("2 up 1 down"); counted, they are numbers again.
# "one" stays a word: "can't do one rep" counts nothing.
_NAMES = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_SPELLED = {w: i + 2 for i, w in enumerate(_NAMES)} | {
    w: i + 2 for i, w in enumerate(phrase_tokens(" ".join(_NAMES)))
}


def _number(tok: str) -> int | None:
    return int(tok) if _NUMBER.match(tok) else _SPELLED.get(tok)


def prescription(toks: list[str]) -> Prescription | None:
    """The sets and reps a question names, if it names any."""
    sets = reps = None
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        after = toks[i + 2] if i + 2 < len(toks) else ""
        if (m := _SETS_BY_REPS.match(tok)) and not set(toks[max(0, i - 2) : i]) & _HAPPENED:
            return Prescription(int(m[1]), int(m[2]))
        n = _number(tok)
        if n is None or any(t in _HAPPENED for t in toks[max(0, i - 2) : i]):
            continue
        if nxt in _BY and _number(after) is not None:
            return Prescription(n, _number(after))
        if nxt in _SET:
            sets = n
            third = toks[i + 3] if i + 3 < len(toks) else ""
            if after in _OF and _number(third) is not None:
                reps = _number(third)
        elif nxt in _REP:
            reps = n
    return Prescription(sets, reps) if sets or reps else None


def parse_focus(item: str) -> Prescription | None:
    """The prescription stored in a subject's focus ("count:3x10")."""
    m = re.fullmatch(r"count:(\d+)x(\d+)", item)
    if m is None:
        return None
    return Prescription(int(m[1]) or None, int(m[2]) or None)
