"""Kit words in a question: which version they name, and when they ask how strong the kit is."""

from __future__ import annotations

from collections.abc import Mapping

from bot.answers.exercises import phrase_tokens
from bot.answers.facts import Hit
from bot.answers.model import Topic
from bot.answers.parsed import Parsed
from bot.answers.topics import TopicScorer
from bot.answers.votes import FactVotes

# How strong kit is: of a band, these say nothing about loading the lift.
_RESISTANCE = frozenset(phrase_tokens("resistance heavy heavier light lighter strong strength"))
_LEVEL = frozenset(phrase_tokens("level"))


class KitWords:
    def __init__(
        self,
        scorer: TopicScorer,
        votes: FactVotes,
        kit_cues: Mapping[str, float],
        equipment: Mapping[str, frozenset[str]],
    ) -> None:
        self._scorer = scorer
        self._votes = votes
        self._kit_cues = kit_cues
        self._equipment = equipment

    def kitless_fact(self, p: Parsed, slug: str, scores: dict[Topic, float]) -> Hit | None:
        """ "feet placement for barbell thrusts": the kit says which version, the rest asks.

        The fact the rest asks for, if it is not about loading; the kit's weighted cue goes.
        """
        kit = set(p.query) & self._kit_cues.keys()
        if not kit or self._votes.about_kit(slug, p.query):
            return None
        fact = self._votes.best_fact(slug, [t for t in p.query if t not in kit])
        if fact is None or fact.atom.topic is Topic.WEIGHTED:
            return None
        rest = [t for t in p.cue_toks if t not in kit]
        scores[Topic.WEIGHTED] = self._scorer.score(rest).get(Topic.WEIGHTED, 0.0)
        return fact

    def other_kit(self, p: Parsed, slug: str, fact: Hit | None, scores: dict[Topic, float]) -> None:
        """ "which band resistance", "light or heavy band?": said of kit that is no weight (the
        band), resistance words ask how strong that kit is, not how to load the lift."""
        if fact is None or fact.atom.topic is Topic.WEIGHTED:
            return
        kit = (set(p.query) & self._equipment[slug]) - self._kit_cues.keys()
        if not kit & set(fact.atom.toks):
            return
        if not set(p.cue_toks) & _RESISTANCE:
            return
        # "what resistance level": the band's level, not the exercise's.
        rest = self._scorer.score([t for t in p.cue_toks if t not in _RESISTANCE | _LEVEL])
        for topic in (Topic.WEIGHTED, Topic.LEVEL):
            scores[topic] = min(scores.get(topic, 0.0), rest.get(topic, 0.0))
