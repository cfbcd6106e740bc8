"""What kit an exercise needs: "need special gear for that?", "what do I need", "what equipment"."""

from __future__ import annotations

from bot.answers.exercises import phrase_tokens

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
    return bool(words & _GEAR or (words & _NEED and words & _WHAT))
