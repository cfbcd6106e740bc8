"""Follow-ups that point back past the last answer's words: lists, pairs, "it"."""

from __future__ import annotations

from dataclasses import replace

from bot.answers import compose, followup
from bot.answers.model import Subject, Topic
from bot.answers.parsed import Parsed
from bot.answers.topics import TopicScorer
from bot.answers.votes import FactVotes
from bot.content import Library


class BackReferences:
    def __init__(
        self, library: Library, votes: FactVotes, scorer: TopicScorer, pronouns: frozenset[str]
    ) -> None:
        self._library = library
        self._votes = votes
        self._scorer = scorer
        self._pronouns = pronouns

    def counted(self, p: Parsed, previous: Subject | None) -> tuple[str, ...]:
        """ "the second one" after a list of exercises: the one listed second."""
        if previous is None or previous.topic not in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            return ()
        place = followup.ordinal(p.free)
        ex = self._library.get(previous.exercise or "")
        if place is None or ex is None:
            return ()
        direction = -1 if "easier" in previous.focus else (1 if "harder" in previous.focus else 0)
        listed = compose.related_slugs(ex, self._library, previous.topic.value, direction)
        return (listed[place],) if -len(listed) <= place < len(listed) else ()

    def exercises(
        self, p: Parsed, previous: Subject, named: tuple[str, ...], in_hand: str | None
    ) -> tuple[str, ...]:
        """The exercises a follow-up means: "which one is harder" (the last two), "steps?"
        after a list (the one on top), "why that instead of single leg" (the last one and X)."""
        last = previous.exercise if previous.exercise in self._library else None
        if last is None:
            return named
        free = set(p.free)
        if followup.weighs_up(p.free) and len(named) <= 1:
            pair = [*named, last, *(s for s in (previous.earlier, in_hand) if s)]
            return tuple(dict.fromkeys(pair))[:2]
        if named and named[0] != last and free & self._pronouns and free & followup.INSTEAD:
            return (last, named[0])
        if not named and previous.topic in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            listed = self.counted(replace(p, free=["that", "one"]), previous)
            if listed and self._scorer.score(p.cue_toks).get(Topic.STEPS, 0) >= 1:
                return listed
        return named

    def where_it_goes(self, p: Parsed, previous: Subject | None) -> Subject | None:
        """ "where does it go" mid-conversation: where the kit talked about sits."""
        last = previous.exercise if previous is not None else None
        if previous is None or last is None or last not in self._library or p.found.slugs:
            return None
        if not (set(p.free) & self._pronouns and followup.asks_where(p.free)):
            return None
        kit = [*followup.referent(previous, self._library[last]), *followup.PLACING]
        best = self._votes.where_it_goes(last, kit)
        if best is None:
            return None
        return Subject(topic=best.atom.topic, exercise=last, focus=(best.atom.id,))
