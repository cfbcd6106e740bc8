"""What retrieval over the content's atoms says about a question: the fact, its topic."""

from __future__ import annotations

from bot.answers.facts import FactIndex, Hit
from bot.answers.model import Topic
from bot.answers.symptoms import BODY
from bot.answers.text import stem

# A fact found by retrieval adds this much (times its coverage) to its topic's score: as much
# as a cue that says the topic outright.
FACT_VOTE = 2.0
FACT_COVERAGE = 0.5  # least share of the question's words a fact must hold to answer it
# Without a way of asking said in full, the best atoms' own topic counts for less.
PROSE_VOTE = 1.0
_PROSE_COVERAGE = 0.6
_FAULTS = frozenset({Topic.TROUBLESHOOT, Topic.MISTAKES})
_PLACES = frozenset({Topic.STEPS, Topic.WEIGHTED})
# How people ask when to move on: "am I ready", "when do I progress", "the next step".
_ONWARD_ASKED = (stem("ready"), stem("progress"), stem("next"))
_PLACES_ON_BODY = BODY - {stem("leg"), stem("side")}


class FactVotes:
    def __init__(self, facts: FactIndex) -> None:
        self.facts = facts

    def best_fact(self, slug: str, query: list[str], least: float = FACT_COVERAGE) -> Hit | None:
        """The content fact the question's own words point to, if one stands out."""
        words = set(query)
        # A fact votes only when the question says one of the ways people ask for it in full:
        # "times a week" is frequency, "the time" is not.
        hits = [h for h in self.facts.search(slug, query) if h.atom.asked_by(words)]
        return hits[0] if hits and hits[0].coverage >= least else None

    def about_kit(self, slug: str, query: list[str]) -> bool:
        """ "can I rest a kettlebell on my hips": the best atom is about loading."""
        hits = self.facts.search(slug, query)
        return bool(hits) and hits[0].atom.topic is Topic.WEIGHTED

    def prose(self, slug: str, query: list[str]) -> Hit | None:
        """The best atom for the question's words when the top atoms agree on a topic."""
        hits = self.facts.search(slug, query)
        if not hits or hits[0].coverage < _PROSE_COVERAGE:
            return None
        # One shared word is a coincidence ("fix"); two say what the question is about.
        if len(set(self.facts.query_words(query)) & set(hits[0].atom.toks)) < 2:
            return None
        close = [h for h in hits if h.coverage >= hits[0].coverage - 0.05][:3]
        topics = {h.atom.topic for h in close}
        # A fault is the symptom index's to find; prose that shares words with a fix is not one.
        return hits[0] if len(topics) == 1 and not topics & _FAULTS else None

    def lead_fact(self, topic: Topic, slug: str, query: list[str]) -> str | None:
        """The id of the fact within topic the question asks for, if one stands out."""
        words = set(query)
        top = self.facts.search(slug, query, {topic})[:3]
        # Of atoms that hold as much of the question, one asked for in those words comes first.
        top.sort(key=lambda h: (-round(h.coverage, 6), not h.atom.asked_by(words)))
        for hit in top:
            # Asked for in so many words, a fact may share the question with other words
            # ("how many days a week should I train glutes").
            if hit.coverage >= (FACT_COVERAGE * 0.6 if hit.atom.asked_by(words) else FACT_COVERAGE):
                return hit.atom.id
        return None

    def moving_on(self, slug: str, query: list[str]) -> Hit | None:
        """The exercise's fact on when to move on to the next step, asked as people ask it."""
        words = [*query, *_ONWARD_ASKED]
        hits = self.facts.search(slug, words, {Topic.PROGRAMMING})
        return next((h for h in hits if h.atom.asked_by(set(words))), None)

    def where_it_goes(
        self,
        slug: str,
        kit: list[str],
        topics: frozenset[Topic] = _PLACES,
        asked: frozenset[str] = frozenset(),
    ) -> Hit | None:
        """The set-up or loading atom that says most about where this kit sits; of two that
        put it on the body, the one the question's words ask for ("my shoulders on the bench")."""
        hits = self.facts.search(slug, kit, set(topics))
        # A line that puts the kit on a part of the body says where it goes; "get the band in
        # place" only says that it does.
        # A line that puts the kit on a place on the body ("across your hips"; "per leg" only
        # counts) says where it goes; among those, a fact was written to say so.
        return max(
            hits,
            key=lambda h: (
                bool(_PLACES_ON_BODY & set(h.atom.toks)),
                h.atom.asked_by(set(asked)),
                h.atom.id.startswith("facts:"),
                h.score,
            ),
            default=None,
        )
