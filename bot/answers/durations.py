"""A vague "how long?": how long the thing just talked about lasts (a pause, soreness)."""

from __future__ import annotations

import re

from bot.answers.exercises import phrase_tokens
from bot.answers.model import Subject
from bot.answers.parsed import Parsed
from bot.answers.votes import FactVotes

_HOW_LONG = phrase_tokens("how long")
# Words around "how long" that ask nothing of their own: "how long tho", "for how long then".
_VAGUE = frozenset(
    phrase_tokens(
        "how long for tho though then so ok okay and but exactly roughly about should it that "
        "this i do does is be hold last take takes till until the a"
    )
)
_DURATION = re.compile(r"\b(second|seconds|minute|minutes|hour|hours|day|days|week|weeks)\b")
_ATOM_KINDS = ("facts:", "setup:", "steps:", "loaded:", "tips:")


def _asks_how_long(toks: list[str]) -> bool:
    return any(tuple(toks[i : i + 2]) == _HOW_LONG for i in range(len(toks) - 1))


def again(
    p: Parsed, previous: Subject | None, in_hand: str | None, votes: FactVotes
) -> Subject | None:
    """ "how long tho?" right after a fact that gives a length (the pause at the top): that
    fact again. "how long till the soreness goes": the fact its other words ask for, where
    the whole question finds none ("how long" alone reads as rest between sets)."""
    if not _asks_how_long(p.toks) or p.found.slugs[1:]:
        return None
    last = previous.exercise if previous is not None else None
    slug = p.found.slugs[0] if p.found.slugs else (last or in_hand)
    if slug is None or votes.best_fact(slug, p.query) is not None:
        return None
    rest = [t for t in p.query if t not in _VAGUE]
    if rest:
        hit = votes.best_fact(slug, [t for t in p.query if t not in _HOW_LONG])
        if hit is None or not hit.atom.asked_by(set(rest)):
            return None
        return Subject(topic=hit.atom.topic, exercise=slug, focus=(hit.atom.id,))
    if previous is None or slug != last:
        return None
    atom_id = next((f for f in previous.focus if f.startswith(_ATOM_KINDS)), None)
    atom = votes.facts.atom(slug, atom_id) if atom_id else None
    if atom is None or not _DURATION.search(f"{atom.text} {atom.cue or ''}".lower()):
        return None
    return Subject(topic=atom.topic, exercise=slug, focus=(atom.id,))
