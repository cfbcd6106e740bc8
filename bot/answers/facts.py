"""Every exercise's content as small addressable facts, and BM25 retrieval over them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.answers.exercises import phrase_tokens
from bot.answers.model import Topic
from bot.content import Exercise, Library

# Words that say nothing about which fact is asked for: function words, and the words of
# a generic request ("how do I do it", "form?", "any tips") that fit every fact alike.
STOP = frozenset(
    phrase_tokens(
        "a an the i im me my mine you your u ur it its this that these those is are am be was "
        "were been do does did doing done should shall would could can will to of in on at for "
        "with and or but so if how what whats when where which who why any some there here just "
        "really very please pls plz thx thanks ok okay go goes going got make need want like "
        "know tell give about mean way one ones exercise move movement thing stuff them they "
        "form technique step steps instruction instructions tip tips cue cues advice mistake "
        "mistakes error errors muscle muscles work works benefit benefits level overview info "
        "describe explain guide proper properly correctly correct right perform execute do "
        "supposed meant rep reps set sets version variation hey hi yo lol bro nah rn tho up "
        "walk thru through talk teach show run during while from into onto than then all every "
        "each more less "
        "good best better great nice idea ideas way thing things same put place sit use start "
        "starting keep"
    )
)
# BM25's usual constants: term-frequency saturation and length normalisation.
_K1 = 1.2
_B = 0.75


@dataclass(frozen=True)
class Atom:
    """One fact: an id the subject can store ("facts:rest", "setup:2"), its topic and words."""

    id: str
    topic: Topic
    text: str
    cue: str | None
    toks: tuple[str, ...]
    # Each way people ask for it, as a set of words ("times a week" -> {time, week}).
    asks: tuple[frozenset[str], ...] = ()

    def asked_by(self, words: set[str]) -> bool:
        """All the words of one of the ways to ask for it are in the question."""
        return any(ask <= words for ask in self.asks)


@dataclass(frozen=True)
class Hit:
    atom: Atom
    coverage: float  # share of the question's (IDF-weighted) words this fact holds, 0..1
    score: float  # BM25


def _toks(*texts: str) -> tuple[str, ...]:
    return tuple(t for text in texts for t in phrase_tokens(text) if t not in STOP)


def atoms_of(ex: Exercise) -> list[Atom]:
    """The exercise's facts, set-up steps, steps, loaded steps and tips, each addressable."""
    # "which band": naming the kit or the exercise says which exercise, not which fact.
    kit = frozenset(_toks(ex.name, *ex.aliases, *ex.equipment))
    out = [
        # A fact's `asks` are how people ask for it; counted twice, they outweigh prose.
        Atom(f"facts:{f.id}", Topic(f.topic.value), f.text, f.cue,
             _toks(f.text, f.cue or "", *f.asks, *f.asks),
             tuple(ask for a in f.asks if (ask := frozenset(_toks(a))) and not ask <= kit))
        for f in ex.facts
    ]  # fmt: skip
    out += [Atom(f"setup:{i}", Topic.STEPS, s, None, _toks(s)) for i, s in enumerate(ex.setup)]
    out += [Atom(f"steps:{i}", Topic.STEPS, s, None, _toks(s)) for i, s in enumerate(ex.steps)]
    out += [
        Atom(f"loaded:{i}", Topic.WEIGHTED, s, None, _toks(s))
        for i, s in enumerate(ex.loaded_steps)
    ]
    out += [
        Atom(f"tips:{i}", Topic.TIPS, t.text, t.cue, _toks(t.name, t.text, t.cue))
        for i, t in enumerate(ex.tips)
    ]
    return out


class FactIndex:
    """BM25 over each exercise's atoms; IDF is taken over the whole library."""

    def __init__(self, library: Library) -> None:
        self._atoms = {slug: atoms_of(ex) for slug, ex in library.items()}
        self._by_id = {slug: {a.id: a for a in atoms} for slug, atoms in self._atoms.items()}
        docs = [a.toks for atoms in self._atoms.values() for a in atoms]
        df = Counter(t for doc in docs for t in set(doc))
        n = len(docs)
        self._idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        # A word no fact uses still counts against a fact's coverage, as an ordinary word would.
        self._unknown_idf = sum(self._idf.values()) / max(1, len(self._idf))
        self._avg_len = sum(map(len, docs)) / max(1, n)
        self._tf = {slug: [Counter(a.toks) for a in atoms] for slug, atoms in self._atoms.items()}

    def atom(self, slug: str, atom_id: str) -> Atom | None:
        return self._by_id.get(slug, {}).get(atom_id)

    def set_up_for(self, slug: str, word: str) -> str | None:
        """The set-up fact people ask for by this one word ("neck" -> where to look)."""
        alone = frozenset((word,))
        hits = (
            a.id for a in self._atoms.get(slug, []) if a.topic is Topic.STEPS and alone in a.asks
        )
        return next(hits, None)

    def query_words(self, toks: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(t for t in toks if t not in STOP and len(t) > 1))

    def search(self, slug: str, toks: Iterable[str], topics: set[Topic] | None = None) -> list[Hit]:
        """Atoms of one exercise that share words with the question, best first."""
        query = self.query_words(toks)
        if not query:
            return []
        total = sum(self._idf.get(t, self._unknown_idf) for t in query)
        hits: list[Hit] = []
        for atom, tf in zip(self._atoms.get(slug, []), self._tf.get(slug, []), strict=True):
            if topics is not None and atom.topic not in topics:
                continue
            shared = [t for t in query if t in tf]
            if not shared:
                continue
            norm = _K1 * (1 - _B + _B * len(atom.toks) / self._avg_len)
            score = sum(self._idf[t] * tf[t] * (_K1 + 1) / (tf[t] + norm) for t in shared)
            coverage = sum(self._idf[t] for t in shared) / total
            hits.append(Hit(atom, coverage, score))
        hits.sort(key=lambda h: (-h.coverage, -h.score, h.atom.id))
        return hits
