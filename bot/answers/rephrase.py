"""Questions that say a fact without its words: read as if they had said them.

"right does 12, left only 6" names a weaker side by its counts; "hold at the top or pump
them out" asks about the pause. Each is read with the fact's own words added, so retrieval
and the topic cues find it the usual way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers.exercises import phrase_tokens
from bot.answers.parsed import Parsed

_SIDE = frozenset(phrase_tokens("left right"))
_UNEVEN = frozenset(phrase_tokens("only weaker stronger weak strong less fewer"))
_NUMBER = re.compile(r"^\d{1,3}$")
_HOLD = frozenset(phrase_tokens("hold pause pausing holding squeeze"))
_TOP = frozenset(phrase_tokens("top"))
# Reps done without a break: "pump them out", "rep it out", "bang them out", "go fast".
_NON_STOP = frozenset(phrase_tokens("pump pumping bang crank rep reps fast quick quickly"))
_OR = frozenset(phrase_tokens("or"))
_PUMP_WORDS = _NON_STOP | frozenset(phrase_tokens("out"))


def _add(p: Parsed, phrase: str, drop: frozenset[str], alone: bool = False) -> Parsed:
    """The question with phrase's words added (and drop's taken out); alone, the phrase is
    all that is looked up: the rest of the line only tells the story."""
    extra = list(phrase_tokens(phrase))

    def keep(toks: list[str]) -> list[str]:
        return [t for t in toks if t not in drop] + extra

    query = extra if alone else keep(p.query)
    return replace(p, toks=keep(p.toks), cue_toks=keep(p.cue_toks), free=keep(p.free), query=query)


def uneven_sides(toks: list[str]) -> bool:
    """ "right does 12 left only 6", "my left only gets 5": a side named with a count that
    falls short (two different counts, or "only", "weaker" with one)."""
    if not set(toks) & _SIDE:
        return False
    counts = [t for t in toks if _NUMBER.match(t)]
    return bool(counts) and (len(set(counts)) >= 2 or bool(set(toks) & _UNEVEN))


def hold_or_not(toks: list[str]) -> bool:
    """ "hold at the top or pump them out", "pause or rep it out": the pause asked about."""
    said = set(toks)
    return bool(said & _HOLD and said & _OR and said & _NON_STOP) and bool(
        said & _TOP or "paus" in said
    )


def reread(p: Parsed) -> Parsed:
    """The question with the words of the fact it means, when it says it another way."""
    if uneven_sides(p.toks):
        numbers = frozenset(t for t in p.toks if _NUMBER.match(t))
        return _add(p, "one side weaker", numbers, alone=True)
    if hold_or_not(p.toks):
        return _add(p, "pause at the top", _PUMP_WORDS)
    return p
