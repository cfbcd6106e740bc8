"""Answers a question about an exercise: decides the topic and the exercise, composes the text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.answers import compose
from bot.answers.exercises import ExerciseFinder, Found, phrase_tokens
from bot.answers.model import Answer, Topic
from bot.answers.symptoms import BODY, SymptomIndex, SymptomMatch
from bot.answers.text import IRREGULAR, Speller, clean, stem, words
from bot.answers.topics import TopicScorer
from bot.answers.vocabulary import (
    COMMON,
    CUES,
    GREETINGS,
    MUSCLE_WORDS,
    OFF_TOPIC,
    OTHER_EXERCISES,
    PRONOUNS,
)
from bot.content import Exercise, Library

# Longer than any real question; a pasted essay gets a polite "one question, please".
MAX_QUESTION_CHARS = 500
# When several topics score the same, the more specific one wins.
# Who asks ("for beginners") matters less than what is asked ("tips", "mistakes").
_PRIORITY = [
    Topic.COMPARE, Topic.TROUBLESHOOT, Topic.WEIGHTED, Topic.MISTAKES, Topic.TIPS,
    Topic.PROGRAMMING, Topic.VARIATIONS, Topic.ALTERNATIVES, Topic.LEVEL, Topic.BENEFITS,
    Topic.MUSCLES, Topic.STEPS, Topic.OVERVIEW,
]  # fmt: skip
_PAIN = frozenset(
    phrase_tokens(
        "pain painful hurt hurts hurting ache aching sharp injury injured injure sore tweak "
        "tweaked strain strained numb tingle tingling pinch pinches bruise bruised agony ouch ow "
        "killing"
    )
)
_EASIER = frozenset(phrase_tokens("easier simpler regress regression beginner gentler lighter"))
_HARDER = frozenset(phrase_tokens("harder tougher progress progression advanced challenging"))
_SETUP = frozenset(phrase_tokens("setup set up position start starting"))
_VERSION = frozenset(phrase_tokens("version variant variation one kind"))
_PLAIN_WORDS = frozenset(
    phrase_tokens(
        "the a an my your i me to for of on in at with and or how do does is it this these "
        "what any some give tip tips cue cues advice trick tricks pointer pointers keep"
    )
)
_PLACEHOLDER = "it"  # a named exercise reads as "it" to the cues: "what does <it> work"


@dataclass(frozen=True)
class _Parsed:
    surface: list[str]  # the words as typed (typos repaired), for small talk and off-topic
    toks: list[str]  # every token, stemmed, for symptoms and signals
    cue_toks: list[str]  # exercise names replaced by "it", for topic cues
    free: list[str]  # tokens outside exercise names
    unknown_words: int  # words that are neither typos of known words nor known
    found: Found


class Answerer:
    def __init__(self, library: Library) -> None:
        self.library = library
        self._scorer = TopicScorer()
        self._symptoms = SymptomIndex(library)
        surface = set(COMMON) | OFF_TOPIC | set(IRREGULAR) | GREETINGS
        for phrases in CUES.values():
            surface.update(w for p in phrases for w in p.split())
        for name in (*OTHER_EXERCISES, *MUSCLE_WORDS):
            surface.update(name.split())
        for ex in library.values():
            surface.update(words(clean(ex.model_dump_json())))
        self._speller = Speller(w for w in surface if w.isalpha())
        everyday = (
            self._scorer.words | {stem(w) for w in (*COMMON, *OFF_TOPIC, *MUSCLE_WORDS)} | BODY
        )
        self._finder = ExerciseFinder(library, everyday, OTHER_EXERCISES, self._speller.stems)
        self._muscle_words = {stem(k): v for k, v in MUSCLE_WORDS.items()}
        self._pronouns = frozenset(stem(w) for w in PRONOUNS)
        # The exercise the others are built around answers a question that names none.
        self._hub = max(library, key=lambda s: len(library[s].variations + library[s].alternatives))

    def answer(self, question: str, exercise: str | None = None) -> Answer:
        if not isinstance(question, str):
            question = ""
        in_hand = exercise if exercise in self.library else None
        if len(question) > MAX_QUESTION_CHARS:
            return self._refuse("That's a lot to read mid-set! Ask me one short question.")
        parsed = self._parse(question, in_hand)
        if parsed is None:
            return self._refuse("I didn't catch a question there.")
        return self._decide(parsed, in_hand)

    def _parse(self, question: str, in_hand: str | None) -> _Parsed | None:
        # Emoji alone are no question, even the ones that carry a word ("🔥" -> "burn").
        if not re.search(r"[a-z0-9]", unicodedata.normalize("NFKC", question), re.IGNORECASE):
            return None
        cleaned = clean(question)
        fixed = [self._speller.correct(w) for w in words(cleaned)]
        unknown = sum(
            1 for w in fixed if w.isalpha() and len(w) >= 3 and not self._speller.knows(w)
        )
        toks = [stem(w) for w in fixed]
        found = self._finder.find(toks, in_hand)
        named = [False] * len(toks)
        for m in found.mentions:
            named[m.start : m.end] = [True] * (m.end - m.start)
            # "the banded version": the word after a name belongs to the name.
            if m.end < len(toks) and toks[m.end] in _VERSION:
                named[m.end] = True
        cue_toks: list[str] = []
        for i, tok in enumerate(toks):
            if not named[i]:
                cue_toks.append(tok)
            elif i == 0 or not named[i - 1]:
                cue_toks.append(_PLACEHOLDER)
        free = [t for i, t in enumerate(toks) if not named[i]]
        return _Parsed(fixed, toks, cue_toks, free, unknown, found)

    def _decide(self, p: _Parsed, in_hand: str | None) -> Answer:
        named = p.found.slugs
        points_back = in_hand is not None and any(t in self._pronouns for t in p.free)
        if p.found.others and not named and not points_back:
            return self._unknown_exercise(p.found.others[0])
        subject = named[0] if named else in_hand
        scores = self._scorer.score(p.cue_toks)
        shape = self._scorer.shape(p.free)
        for topic_, extra in shape.items():
            scores[topic_] = scores.get(topic_, 0) + extra
        symptom = self._symptom(p.toks, subject)
        if symptom is not None and symptom.telling and symptom.coverage >= 0.5:
            scores[Topic.TROUBLESHOOT] = scores.get(Topic.TROUBLESHOOT, 0) + 3 * symptom.coverage
        asked_muscles = self._asked_muscles(p.free)
        # "where do my shoulders go" names a muscle but asks about position.
        if asked_muscles and not scores.get(Topic.TROUBLESHOOT) and Topic.STEPS not in shape:
            scores[Topic.MUSCLES] = scores.get(Topic.MUSCLES, 0) + 1.5
        if len(named) == 1 and scores.get(Topic.COMPARE, 0) >= 3:
            # "banded vs regular single leg hip thrust": a telltale word is the other side.
            partners = [m.slug for m in self._finder.telltales(p.free) if m.slug != named[0]]
            named = (*named, *partners[:1])
        if len(named) >= 2:
            scores[Topic.COMPARE] = scores.get(Topic.COMPARE, 0) + 2.5
        topic, best = max(
            ((t, scores.get(t, 0.0)) for t in _PRIORITY if t is not Topic.NONE),
            key=lambda ts: ts[1],
        )  # max keeps the first of equals, so _PRIORITY breaks ties
        off_topic = any(w in OFF_TOPIC for w in p.surface) or 0 < best <= scores.get(Topic.NONE, 0)
        if off_topic and not (named and best >= 3):
            return self._refuse("That's outside what I coach, sorry!")
        about_the_body = bool(set(p.toks) & BODY) or bool(asked_muscles)
        unsure = p.unknown_words >= 2 or (p.unknown_words == 1 and best < 2.5)
        if not named and unsure and not about_the_body:
            return self._refuse("I'm not sure what you mean.")
        if best < (1.0 if (named or in_hand) else 1.5):
            if named:
                topic = Topic.OVERVIEW
            elif any(w in GREETINGS for w in p.surface):
                return self._refuse("Hi! I'm your coach for glute work between sets.")
            else:
                return self._refuse("I'm not sure what you mean.")
        if topic is Topic.TROUBLESHOOT and subject is None:
            subject, symptom = self._best_symptom(p.toks)
        slug = subject or self._hub
        ex = self.library[slug]
        if symptom is None or symptom.slug != slug:
            symptom = self._symptom(p.toks, slug)
        text = self._compose(topic, ex, p, (*named, in_hand), symptom, asked_muscles)
        return Answer(topic, slug, text)

    def _compose(
        self,
        topic: Topic,
        ex: Exercise,
        p: _Parsed,
        named: tuple[str | None, ...],
        symptom: SymptomMatch | None,
        asked_muscles: list[str],
    ) -> str:
        toks = set(p.toks)
        focus = symptom.mistake if symptom is not None and symptom.coverage >= 0.5 else None
        if topic is Topic.OVERVIEW:
            return compose.overview(ex)
        if topic is Topic.MUSCLES:
            return compose.muscles(ex, asked_muscles)
        if topic is Topic.STEPS:
            return compose.steps(ex, setup_only=bool(toks & _SETUP))
        if topic is Topic.WEIGHTED:
            return compose.weighted(ex)
        if topic is Topic.TIPS:
            return compose.tips(ex, self._tip_focus(ex, p.free))
        if topic is Topic.MISTAKES:
            return compose.mistakes(ex, focus)
        if topic is Topic.TROUBLESHOOT:
            return compose.troubleshoot(ex, focus, pain=bool(toks & _PAIN))
        if topic in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            direction = -1 if toks & _EASIER else (1 if toks & _HARDER else 0)
            return compose.related(ex, self.library, topic.value, direction)
        if topic is Topic.BENEFITS:
            return compose.benefits(ex)
        if topic is Topic.LEVEL:
            return compose.level(ex)
        if topic is Topic.PROGRAMMING:
            return compose.programming(ex)
        others = [s for s in named if s is not None and s != ex.slug]
        other = self.library[others[0]] if others else None
        return compose.compare(ex, other, self.library, p.found.others)

    def _symptom(self, toks: list[str], slug: str | None) -> SymptomMatch | None:
        return self._symptoms.match(toks, slug) if slug is not None else None

    def _best_symptom(self, toks: list[str]) -> tuple[str, SymptomMatch | None]:
        best: tuple[str, SymptomMatch | None] = (self._hub, self._symptoms.match(toks, self._hub))
        for slug in self.library:
            match = self._symptoms.match(toks, slug)
            if match is not None and (best[1] is None or match.coverage > best[1].coverage):
                best = (slug, match)
        return best

    def _asked_muscles(self, free: list[str]) -> list[str]:
        return [name for t in free for name in self._muscle_words.get(t, ())]

    @staticmethod
    def _tip_focus(ex: Exercise, free: list[str]) -> int | None:
        """The one tip the question is about ("tips for keeping my hips level"), if any."""
        asked = set(free) - _PLAIN_WORDS
        hits = [len(asked & set(phrase_tokens(tip.name))) for tip in ex.tips]
        best = max(hits, default=0)
        return hits.index(best) if best and hits.count(best) == 1 else None

    def _refuse(self, opening: str) -> Answer:
        first = self.library[self._hub]
        hint = (
            f"Ask me about an exercise I know ({compose.names_of(self.library)}): e.g. "
            f'"how do I do the {first.name.lower()}?", "what muscles does it work?", '
            '"tips" or "my quads are burning".'
        )
        return Answer(Topic.NONE, None, compose.fit([opening, hint]))

    def _unknown_exercise(self, other: str) -> Answer:
        return self._refuse(f"I don't have notes on {other}, so I won't guess.")
