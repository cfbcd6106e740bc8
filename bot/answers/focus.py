"""What within the topic a question is about: the fact, the fault, the direction it leads with."""

from __future__ import annotations

from collections.abc import Mapping

from bot.answers import followup, signals
from bot.answers.counts import prescription
from bot.answers.exercises import phrase_tokens
from bot.answers.facts import FactIndex
from bot.answers.model import Topic
from bot.answers.parsed import Parsed
from bot.answers.symptoms import BODY, SymptomMatch
from bot.answers.text import stem
from bot.answers.topics import starts_set_up
from bot.answers.votes import FactVotes

# "when should I add weight" asks what "when do I go heavier" asks.
_HEAVIER = stem("heavier")
# Words that only say "weight goes on": what else a how-to-load question says is its detail.
_LOAD_WORDS = frozenset(phrase_tokens("add adding load loaded weight weighted resistance extra"))
_WHICH = frozenset(phrase_tokens("kb db barbell bar either which or"))
# "what about with a weight", "and with a dumbbell?", "dumbbell or kettlebell better for that?"
_LINKING = frozenset(
    phrase_tokens("what whats about how and with a an the for that this it them better best ok so")
)


_TO_FEEL = frozenset(phrase_tokens("feel feeling felt fire firing activate activation"))
_CANT_FEEL = phrase_tokens("cant feel glute")
_KIT = frozenset(phrase_tokens("bench bar barbell box band"))


class Focus:
    def __init__(
        self, facts: FactIndex, votes: FactVotes, equipment: Mapping[str, frozenset[str]]
    ) -> None:
        self._facts = facts
        self._votes = votes
        self._equipment = equipment

    def _feeling_fix(self, topic: Topic, slug: str, p: Parsed) -> str | None:
        """ "any tips to feel it in the glute": the fix for not feeling them leads the tips."""
        said = set(p.toks)
        if topic is not Topic.TIPS or not (said & _TO_FEEL and said & signals.GLUTE):
            return None
        return self._votes.lead_fact(Topic.TROUBLESHOOT, slug, [*p.query, *_CANT_FEEL])

    def _set_up_at(self, slug: str, toks: set[str], symptom: SymptomMatch | None) -> str | None:
        """ "my neck hurts on the bench": a place no fault names, that a set-up fact is asked
        by (where to look); that fact is the fix."""
        places = sorted((toks & BODY) - signals.GLUTE - signals.SIDES)
        said = symptom.words - signals.PAIN - BODY - _KIT if symptom is not None else set()
        if (
            symptom is not None
            and symptom.coverage >= 0.5
            and (said or set(places) <= symptom.words)
        ):
            return None  # the fault says what happens ("caves", "cramps") or names the place
        return next((f for t in places if (f := self._facts.set_up_for(slug, t))), None)

    def of(
        self,
        topic: Topic,
        slug: str,
        p: Parsed,
        named: tuple[str, ...],
        symptom: SymptomMatch | None,
        asked_muscles: list[str],
    ) -> tuple[str, ...]:
        """What within the topic the question is about: a fact, a mistake, a direction."""
        toks = set(p.toks)
        focus: list[str] = []
        if topic in (Topic.MISTAKES, Topic.TROUBLESHOOT):
            fact = (
                self._votes.lead_fact(topic, slug, p.query) if topic is Topic.TROUBLESHOOT else None
            )
            if fact is not None and symptom is not None and symptom.coverage >= 0.5:
                # "feel it in my quads, not my glutes": the place felt has a fault of its own;
                # a fix that never names that place ("can't feel your glutes?") gives way to it.
                atom = self._facts.atom(slug, fact)
                felt = (toks & BODY) - signals.GLUTE - signals.SIDES
                if atom is not None and felt and not felt & set(atom.toks):
                    fact = None
            fact = fact or self._set_up_at(slug, toks, symptom)
            if fact is not None:
                focus.append(fact)  # "bench keeps sliding": a fix of its own, not a mistake
            elif symptom is not None and symptom.coverage >= 0.5:
                focus.append(f"mistakes:{symptom.mistake}")
            if topic is Topic.TROUBLESHOOT and toks & signals.PAIN:
                focus.append("pain")
            return tuple(focus)
        if topic in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            focus += signals.direction(p.toks)
        if topic is Topic.COMPARE:
            others = [s for s in named if s != slug]
            focus += [f"other:{others[0]}"] if others else []
            focus += [f"unknown:{name}" for name in p.found.others[:1]]
            asked = signals.difficulty(p.toks)
            # "which one is harder": a verdict first, when there are two to weigh.
            focus += [f"verdict:{asked}"] if asked and others else []
            return tuple(focus)
        counted = prescription(p.toks) if topic is Topic.PROGRAMMING else None
        if counted is not None:
            return (counted.focus(),)  # "is 3x10 ok": the numbers against the usual range
        if topic is Topic.PROGRAMMING and signals.counts_asked(p.toks):
            return ()  # "how many reps after the warm-up": the range, not the warm-up
        if topic is Topic.WEIGHTED:
            return self._loading(slug, p)
        if topic is Topic.STEPS and (set(p.free) & signals.SETUP or starts_set_up(p.toks)):
            focus.append("setup-only")
        if topic is Topic.MUSCLES:
            focus += [f"muscle:{m}" for m in dict.fromkeys(asked_muscles)]
            if not toks & (signals.NORMAL | signals.PAIN | {"sore", "soreness", "dom"}):
                return tuple(focus)  # "what does it work" wants the muscles, not a fact
        fact = self._feeling_fix(topic, slug, p) or self._votes.lead_fact(topic, slug, p.query)
        if fact is not None:
            focus.insert(0, fact)
        return tuple(focus)

    def _loading(self, slug: str, p: Parsed) -> tuple[str, ...]:
        """ "when do I add weight" is when to go heavier; "where does the dumbbell sit", "how do
        I hold it" is where the weight goes; "how do I add weight" is how it goes on: the loaded
        steps, unless the rest of the question asks a detail of its own ("at home")."""
        how = signals.loading(p.toks)
        kit = self._equipment[slug] | followup.LOADING
        query = p.query
        rest = [t for t in query if t not in kit | _LOAD_WORDS | _WHICH | _LINKING]
        if how is None and not rest:
            how = "place"  # "what about with a weight", "dumbbell or kettlebell?": where it sits
        if how == "raise":
            query = [*p.query, _HEAVIER]
        elif how == "place":
            asked = [t for t in p.query if t in kit] or sorted(followup.LOADING)
            best = self._votes.where_it_goes(slug, asked, frozenset({Topic.WEIGHTED}))
            return (best.atom.id,) if best is not None else ()
        elif how == "add":
            query = [t for t in p.query if t not in kit and t not in _LOAD_WORDS]
        else:
            # "how heavy to start on the barbell": the kit says which version; the rest asks.
            query = [t for t in p.query if t not in self._equipment[slug]] or p.query
        fact = self._votes.lead_fact(Topic.WEIGHTED, slug, query) if query else None
        return (fact,) if fact is not None else ()
