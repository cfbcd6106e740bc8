"""Matches what a user reports ("my quads burn") to the content's mistakes, by weighted overlap."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from bot.answers.exercises import phrase_tokens
from bot.answers.vocabulary import BODY_PARTS
from bot.content import Library

# Words every symptom shares; they say nothing about which fault it is.
_FILLER = frozenset(
    phrase_tokens(
        "i im my me it its in the a an is are am of to at on when after during with and "
        "this that so too very really just feel feels felt but not more than way get "
        "work works doing does do all"
    )
)
# Body parts alone ("my hamstrings") are a muscles question until something happens to them.
BODY = frozenset(phrase_tokens(" ".join(BODY_PARTS)))


@dataclass(frozen=True)
class SymptomMatch:
    slug: str
    mistake: int  # index into the exercise's mistakes
    coverage: float  # share of the symptom's weight the question covers, 0..1
    telling: bool  # the overlap includes something happening, not only a body part
    words: frozenset[str] = frozenset()  # the words the question shares with the symptom


class SymptomIndex:
    def __init__(self, library: Library) -> None:
        self._phrases: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self._names: dict[str, list[str]] = {}
        # Body parts and the kit ("band", "bench") are what a fault happens to or with; only
        # other words ("cave", "burn", "tilt") say that something is happening.
        self._inert = BODY | frozenset(
            t
            for ex in library.values()
            for name in (ex.name, *ex.aliases)
            for t in phrase_tokens(name)
        )
        docs: list[frozenset[str]] = []
        for slug, ex in library.items():
            rows: list[tuple[int, frozenset[str]]] = []
            for i, mistake in enumerate(ex.mistakes):
                for symptom in (*mistake.symptoms, mistake.name):
                    toks = frozenset(phrase_tokens(symptom)) - _FILLER
                    if toks:
                        rows.append((i, toks))
                        docs.append(toks)
            self._phrases[slug] = rows
            self._names[slug] = [" ".join(phrase_tokens(m.name)) for m in ex.mistakes]
        df = Counter(t for doc in docs for t in doc)
        self._idf = {t: math.log(1 + len(docs) / n) for t, n in df.items()}
        self.words = frozenset(df)

    def match(self, toks: list[str], slug: str) -> SymptomMatch | None:
        asked = frozenset(toks) - _FILLER
        best: SymptomMatch | None = None
        best_key = (0.0, 0.0)
        for mistake, phrase in self._phrases.get(slug, []):
            shared = phrase & asked
            if not shared:
                continue
            weight = sum(self._idf[t] for t in shared)
            coverage = weight / sum(self._idf[t] for t in phrase)
            # Ties on coverage go to the phrase sharing more (and rarer) words.
            key = (round(coverage, 3), weight)
            if key > best_key:
                best_key = key
                best = SymptomMatch(slug, mistake, coverage, bool(shared - self._inert), shared)
        return best

    def name(self, slug: str, mistake: int) -> str:
        """The mistake's name as stemmed words ("plac your foot too clos ...")."""
        return self._names[slug][mistake]

    def best_anywhere(self, toks: list[str], fallback: str) -> tuple[str, SymptomMatch | None]:
        """The exercise whose fault matches best, for a fault reported with no exercise."""
        best: tuple[str, SymptomMatch | None] = (fallback, self.match(toks, fallback))
        for slug in self._phrases:
            match = self.match(toks, slug)
            if match is not None and (best[1] is None or match.coverage > best[1].coverage):
                best = (slug, match)
        return best
