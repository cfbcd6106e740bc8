"""What kit an exercise needs: "need special gear for that?", "what do I need", "what equipment"."""

from __future__ import annotations

from itertools import pairwise

from bot.answers.exercises import phrase_tokens
from bot.content import Library

_GEAR = frozenset(phrase_tokens("gear equipment kit stuff tools tool"))
_NEED = frozenset(phrase_tokens("need needed require required must"))
_WHAT = frozenset(phrase_tokens("what anything which"))
# "no equipment", "zero equipment", "without gear": kit that is missing asks for a way round it.
_MISSING = frozenset(phrase_tokens("no zero without dont nothing cant lack home none minimal"))
_ASKING = (
    _GEAR
    | _NEED
    | _WHAT
    | frozenset(
        phrase_tokens(
            "do does i you need special any extra for this that it these the one to use is are "
            "there ok okay so exactly actually else much kind of type gear will would get buy have "
            "a an tho though even wait like and also then"
        )
    )
)


def asked(toks: list[str]) -> bool:
    """Only what kit it takes is asked ("what do I need"), no way round missing kit."""
    words = set(toks)
    if words & _MISSING or not words <= _ASKING:
        return False
    if any(a == "to" and b == "do" for a, b in pairwise(toks)):
        return False  # "what do I need to do": a how-to, not kit
    return bool(words & _GEAR or (words & _NEED and words & _WHAT))


_FLOOR = frozenset(phrase_tokens("floor or mat ground"))
_OPTIONAL = "(optional)"


def missing(toks: list[str]) -> bool:
    """ "zero equipment", "no gear", "without any kit": said of kit in general, not a bench."""
    return any(
        tok in _GEAR and bool(set(toks[max(0, i - 2) : i]) & _MISSING) for i, tok in enumerate(toks)
    )


def kit_free(library: Library) -> list[str]:
    """The exercises whose every must-have is the floor or a mat (the glute bridge)."""

    def needs_nothing(item: str) -> bool:
        return _OPTIONAL in item or set(phrase_tokens(item)) <= _FLOOR

    return [s for s, ex in library.items() if all(needs_nothing(i) for i in ex.equipment)]
