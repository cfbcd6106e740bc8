"""Moving on from one exercise to the next: "when do I move on", "the full one"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.answers import compose, signals
from bot.answers.exercises import phrase_tokens
from bot.answers.facts import STOP
from bot.answers.model import Subject, Topic
from bot.answers.parsed import Parsed, without
from bot.answers.votes import FactVotes
from bot.content import Library


class Progressions:
    def __init__(
        self, library: Library, votes: FactVotes, in_talk: Callable[[Subject | None], str | None]
    ) -> None:
        self._library = library
        self._votes = votes
        self._in_talk = in_talk

    def moving_on(self, p: Parsed, previous: Subject | None, in_hand: str | None) -> Subject | None:
        """ "when do I move on", "am I ready for the full one": when to leave the exercise in
        talk (or the one named "from") for the harder one it leads to, from its own fact."""
        words = set(p.toks)
        if not words & signals.MOVE_TIMING or words & signals.LOAD_WORDS:
            return None
        pair = self._from_to(p)
        if pair is not None:
            return self._fact(pair[0], pair[1], p)
        first = p.found.mentions[0] if p.found.mentions else None
        before = set(p.toks[max(0, first.start - 2) : first.start]) if first else set()
        toward = bool(words & signals.SWITCH and before & signals.TOWARD)
        if not (signals.onward(p.toks) or toward or (words & signals.READY and first)):
            return None
        talk = self._doing(previous, in_hand)
        source, target = talk, None
        if first is not None:
            if talk is not None and compose.harder_than(self._library, talk, first.slug) > 0:
                target = first.slug  # "when can I go to single leg" with the easier one in talk
            elif before & signals.TOWARD and not before & signals.FROM:
                return None  # "am I ready for the GHR", nothing in talk: its level says
            else:
                source = first.slug  # "when do I move on from bridges"
        if source is None:
            return None
        return self._fact(source, target, p)

    def _from_to(self, p: Parsed) -> tuple[str, str] | None:
        """ "when should I switch from normal hip thrusts to single leg": from one, to the
        harder one."""
        if not set(p.toks) & signals.SWITCH and not signals.onward(p.toks):
            return None

        def after(words: frozenset[str]) -> str | None:
            return next(
                (
                    m.slug
                    for m in p.found.mentions
                    if set(p.toks[max(0, m.start - 2) : m.start]) & words
                ),
                None,
            )

        source, target = after(signals.FROM), after(signals.TOWARD)
        if source is None or target is None or source == target:
            return None
        return (source, target) if compose.harder_than(self._library, source, target) > 0 else None

    def _fact(self, source: str, target: str | None, p: Parsed) -> Subject | None:
        fact = self._votes.moving_on(source, p.query)
        if fact is None:
            return None
        if target is not None:
            # The fact must be about moving on to that one ("the single-leg hip thrust").
            name = set(phrase_tokens(self._library[target].name)) - STOP
            if not name <= set(fact.atom.toks):
                return None
        return Subject(topic=Topic.PROGRAMMING, exercise=source, focus=(fact.atom.id,))

    def full_one(self, p: Parsed, previous: Subject | None, in_hand: str | None) -> Parsed | None:
        """ "the full one", "the full version": the harder exercise the one in talk leads to,
        the first harder variation its content lists (the single-leg hip thrust for 2-up-1-down)."""
        if p.found.slugs or not set(p.free) & signals.FULL or not set(p.free) & signals.VERSION:
            return None
        talk = self._doing(previous, in_hand)
        if talk is None:
            return None
        harder = [r.slug for r in self._library[talk].variations if r.step == "harder"]
        if not harder:
            return None
        return replace(without(p, signals.FULL), found=replace(p.found, slugs=(harder[0],)))

    def _doing(self, previous: Subject | None, in_hand: str | None) -> str | None:
        """The exercise someone is doing now, to move on from: the one in hand; after two were
        compared, the easier of them; else the one in talk."""
        if in_hand in self._library:
            return in_hand
        last = self._in_talk(previous)
        if previous is None or previous.topic is not Topic.COMPARE or last is None:
            return last
        other = next((f[6:] for f in previous.focus if f.startswith("other:")), "")
        if other not in self._library:
            return last
        return other if compose.harder_than(self._library, other, last) > 0 else last
