"""Finds which exercises a question names: fuzzy alias spans, partial names, telltale words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.answers.text import stem, words
from bot.content import Library

# Words after which a telltale word names a variant: "the barbell one", "the banded version".
_VERSION_WORDS = frozenset(stem(w) for w in ("version", "one", "variant", "variation", "kind"))
# Aliases shorter than this (GHR, SLHT, 2u1d) must be typed exactly: fuzzy on them is noise.
_FUZZY_MIN_CHARS = 7
_FUZZY_CUTOFF = 88.0
_MAX_SPAN = 7
# Words that alone never make a partial name ("up one", "two up").
_FUNCTION = frozenset(
    ("the", "a", "an", "of", "on", "in", "to", "up", "down", "one", "two", "and", "with")
)
# A part of a name may not start or end on these ("a band", "up one"); "one leg" is fine.
_EDGE = _FUNCTION - {"one", "two"}
# "single or double leg hip thrust": the first word borrows the rest of the second name.
_CONJUNCTIONS = frozenset(("or", "vs", "and", "versus", "v"))


def phrase_tokens(text: str) -> tuple[str, ...]:
    """A name or cue as the same stemmed tokens a question becomes (no typo repair)."""
    return tuple(stem(w) for w in words(text.lower().replace("-", " ").replace("'", "")))


def _parts(toks: tuple[str, ...], everyday: frozenset[str]) -> list[str]:
    """Every run of words in a name that could stand for it: no function word at either end
    ("a band" no), and a single word only if long and not everyday ("thrust" yes, "glute" no)."""
    out: list[str] = []
    for i in range(len(toks)):
        for j in range(i + 1, len(toks) + 1):
            part = toks[i:j]
            if len(part) == 1 and (part[0] in everyday or len(part[0]) < 5):
                continue
            if part[0] not in _EDGE and part[-1] not in _EDGE and part != ("one",):
                out.append("".join(part))
    return out


@dataclass(frozen=True)
class Mention:
    slug: str
    start: int
    end: int  # exclusive


_SUBJECTS = frozenset(phrase_tokens("i you u we"))
_KIT_NOUNS = frozenset(phrase_tokens("mat ball block strap towel"))
# "when I push up", "as you step up": a verb and its particle, not the lift of that name.
_PARTICLES = frozenset(phrase_tokens("up ups through over out"))


@dataclass(frozen=True)
class Found:
    """What a question names: exercises in order of appearance, and other sports it names."""

    slugs: tuple[str, ...]
    mentions: tuple[Mention, ...]
    others: tuple[str, ...]


class ExerciseFinder:
    def __init__(
        self,
        library: Library,
        everyday_words: Iterable[str],
        others: dict[str, str],
        known_words: Iterable[str] = (),
    ) -> None:
        # Words spelt right are already right: only a span holding an unknown or glued-together
        # word ("hipthrust", "thurst") is worth a fuzzy look.
        self._known = frozenset(known_words)
        self._exact: dict[str, str] = {}
        name_tokens: dict[str, set[str]] = {}
        for slug, ex in library.items():
            tokens_seen: set[str] = set()
            for name in (ex.name, slug.replace("-", " "), *ex.aliases):
                toks = phrase_tokens(name)
                self._exact.setdefault("".join(toks), slug)
                tokens_seen.update(toks)
            name_tokens[slug] = tokens_seen
        self._fuzzy_keys = sorted(k for k in self._exact if len(k) >= _FUZZY_MIN_CHARS)
        self._alias_words = frozenset(t for ws in name_tokens.values() for t in ws)
        everyday = frozenset(everyday_words)
        self._partial = self._partial_names(library, everyday)
        self._name_words = {slug: frozenset(phrase_tokens(ex.name)) for slug, ex in library.items()}
        # A word found in only one exercise's names ("banded", "ghr", "bridge") names it alone.
        counts = Counter(t for ws in name_tokens.values() for t in ws)
        self._telltale: dict[str, str] = {}
        self._telltale_everyday: dict[str, str] = {}
        for slug, words_of_slug in name_tokens.items():
            for tok in words_of_slug:
                if counts[tok] == 1 and len(tok) >= 3 and tok not in _FUNCTION:
                    target = self._telltale_everyday if tok in everyday else self._telltale
                    target[tok] = slug
        self._others = {phrase_tokens(k): v for k, v in others.items()}

    @staticmethod
    def _partial_names(library: Library, everyday: frozenset[str]) -> dict[str, str]:
        """Part of a name or alias ("single leg", "one leg") -> the plainest exercise using it."""
        best: dict[str, tuple[int, str]] = {}
        for slug, ex in library.items():
            plainness = len(phrase_tokens(ex.name))
            for name in (ex.name, *ex.aliases):
                for key in _parts(phrase_tokens(name), everyday):
                    # Several exercises share "single leg": the one with the shortest name is
                    # what someone means by it.
                    if key not in best or plainness < best[key][0]:
                        best[key] = (plainness, slug)
        return {k: slug for k, (_, slug) in best.items()}

    def find(self, toks: list[str], in_hand: str | None = None) -> Found:
        """Names in toks; a bare "thrust" or "banded" means the exercise in hand if it fits."""
        taken = [False] * len(toks)
        mentions: list[Mention] = []
        for candidates in (self._alias_spans(toks), self._partial_spans(toks)):
            full = list(mentions)
            for _, start, end, slug in sorted(candidates, key=lambda c: -c[0]):
                # Part of a name right next to a whole one qualifies it: "single leg glute
                # bridge" is a glute bridge done on one leg, not two exercises.
                if full and any(m.start == end or m.end == start for m in full):
                    continue
                if not any(taken[start:end]):
                    taken[start:end] = [True] * (end - start)
                    mentions.append(Mention(slug, start, end))
            mentions.extend(self._ellipses(toks, mentions, taken))
        if not mentions:
            mentions.extend(self.telltales(toks))
            for m in mentions:
                taken[m.start] = True
        else:
            mentions = [self._narrowed(m, toks) for m in mentions]
        if in_hand in self._name_words:
            mentions = [self._prefer_in_hand(m, toks, in_hand) for m in mentions]
        mentions.sort(key=lambda m: m.start)
        slugs = tuple(dict.fromkeys(m.slug for m in mentions))
        return Found(slugs, tuple(mentions), self._other_sports(toks, taken))

    def _narrowed(self, m: Mention, toks: list[str]) -> Mention:
        """A telltale word beside a name picks the variant: eccentric hip thrust, banded slht."""
        for i in (m.start - 1, m.end):
            variant = self._telltale.get(toks[i]) if 0 <= i < len(toks) else None
            if variant is not None and self._name_words[variant] >= self._name_words[m.slug]:
                return Mention(variant, min(i, m.start), max(i + 1, m.end))
        return m

    def _prefer_in_hand(self, m: Mention, toks: list[str], in_hand: str) -> Mention:
        if m.end - m.start == 1 and toks[m.start] in self._name_words[in_hand]:
            return Mention(in_hand, m.start, m.end)
        return m

    def _ellipses(
        self, toks: list[str], mentions: list[Mention], taken: list[bool]
    ) -> list[Mention]:
        out: list[Mention] = []
        for m in mentions:
            if m.start < 2 or toks[m.start - 1] not in _CONJUNCTIONS or taken[m.start - 2]:
                continue
            for k in range(1, m.end - m.start):
                slug = self._exact.get(toks[m.start - 2] + "".join(toks[m.start + k : m.end]))
                if slug is not None and slug != m.slug:
                    taken[m.start - 2] = True
                    out.append(Mention(slug, m.start - 2, m.start - 1))
                    break
        return out

    def _alias_spans(self, toks: list[str]) -> list[tuple[float, int, int, str]]:
        found: list[tuple[float, int, int, str]] = []
        n = len(toks)
        for start in range(n):
            for end in range(start + 1, min(n, start + _MAX_SPAN) + 1):
                key = "".join(toks[start:end])
                slug = self._exact.get(key)
                if slug is not None:
                    found.append((len(key) + 0.5, start, end, slug))
                elif len(key) >= _FUZZY_MIN_CHARS and self._worth_fuzzing(toks[start:end]):
                    hit = process.extractOne(
                        key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
                    )
                    if hit is not None:
                        found.append((len(key) * hit[1] / 100, start, end, self._exact[hit[0]]))
        return found

    def _worth_fuzzing(self, span: list[str]) -> bool:
        # Only spans that start and end on a word of some exercise's name (or a glued-together
        # word like "hipthrust") can be a misspelt name; the rest would only add false hits.
        def namey(tok: str) -> bool:
            return tok in self._alias_words or len(tok) >= 8

        unsure = any(t not in self._known or len(t) >= 8 for t in span)
        return unsure and namey(span[0]) and namey(span[-1])

    def _partial_spans(self, toks: list[str]) -> list[tuple[float, int, int, str]]:
        found: list[tuple[float, int, int, str]] = []
        for start in range(len(toks)):
            for end in range(start + 1, min(len(toks), start + 4) + 1):
                slug = self._partial.get("".join(toks[start:end]))
                if slug is not None:
                    found.append((end - start, start, end, slug))
        return found

    def telltales(self, toks: list[str]) -> list[Mention]:
        """Single words only one exercise's names use ("banded", "ghr", "eccentric")."""
        out: list[Mention] = []
        for i, tok in enumerate(toks):
            slug = self._telltale.get(tok)
            if slug is None and i + 1 < len(toks) and toks[i + 1] in _VERSION_WORDS:
                slug = self._telltale_everyday.get(tok)
            if slug is not None:
                out.append(Mention(slug, i, i + 1))
        return out

    def _other_sports(self, toks: list[str], taken: list[bool]) -> tuple[str, ...]:
        out: list[str] = []
        for start in range(len(toks)):
            for size in (3, 2, 1):
                end = start + size
                if end > len(toks) or any(taken[start:end]):
                    continue
                name = self._others.get(tuple(toks[start:end]))
                # "when I push up" is a verb, "a yoga mat" is kit: neither names a sport.
                # ("how do I deadlift" still does: one word is the lift's name.)
                phrasal = toks[end - 1] in _PARTICLES  # "I bench press" is still the lift
                if size > 1 and start > 0 and toks[start - 1] in _SUBJECTS and phrasal:
                    continue
                if end < len(toks) and toks[end] in _KIT_NOUNS:
                    continue
                if name is not None and name not in out:
                    out.append(name)
        return tuple(out)
