"""The same question about another exercise: "and the GHR?", "same for the barbell one?"."""

from __future__ import annotations

from collections.abc import Mapping

from bot.answers import faults, followup
from bot.answers.backrefs import BackReferences
from bot.answers.exercises import phrase_tokens
from bot.answers.facts import FactIndex, Hit
from bot.answers.model import Subject, Topic
from bot.answers.parsed import Parsed
from bot.answers.votes import FactVotes
from bot.content import Library

_ADDING_KIT = frozenset(phrase_tokens("with using add adding holding"))


class SameQuestion:
    def __init__(
        self,
        library: Library,
        back: BackReferences,
        facts: FactIndex,
        votes: FactVotes,
        equipment: Mapping[str, frozenset[str]],
    ) -> None:
        self._library = library
        self._back = back
        self._facts = facts
        self._votes = votes
        self._equipment = equipment

    def beyond_kit(self, p: Parsed, named: tuple[str, ...]) -> list[str]:
        """ "same for the barbell 2 leg one?": the kit of the exercise named describes it
        ("and with a dumbbell?" still adds it)."""
        kit = self._equipment.get(named[0], frozenset()) if named else frozenset()
        if set(p.free) & _ADDING_KIT:
            return p.free
        return [t for t in p.free if t not in kit]

    def of(self, previous: Subject | None, slug: str) -> Subject | None:
        """ "and the GHR?": the same question about another exercise."""
        if previous is None or not followup.keeps_topic(previous):
            return None
        if slug != previous.exercise and slug in self._back.listed(previous):
            # "and if I just do it on the floor" after a list: the one picked, not its own list.
            return Subject(topic=Topic.STEPS, exercise=slug)
        has = {f.id for f in self._library[slug].facts}
        focus = (
            *faults.same_fault(previous, self._library, slug),
            *followup.carried(previous, slug, has),
        )
        kin = self._kindred_fact(previous, slug) if not focus else None
        if kin is not None:
            return Subject(topic=kin.atom.topic, exercise=slug, focus=(kin.atom.id,))
        return Subject(topic=previous.topic, exercise=slug, focus=focus)

    def _kindred_fact(self, previous: Subject, slug: str) -> Hit | None:
        """ "where does the band go on the bridge" -> "no, the banded one": the other
        exercise's fact asked for the same way, when it has none of that id."""
        said = next((f for f in previous.focus if f.startswith("facts:")), None)
        atom = self._facts.atom(previous.exercise or "", said) if said else None
        if atom is None or not atom.asks:
            return None
        hits = [h for h in self._facts.search(slug, atom.toks) if h.atom.id.startswith("facts:")]
        # Another exercise's fact says it in its own words: the best score, not the coverage.
        best = max(hits, key=lambda h: h.score, default=None)
        return best if best is not None and best.coverage >= 0.3 else None
