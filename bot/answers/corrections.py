"""Which exercise a line means when it corrects or returns: "no, I meant the one with a band
and one leg", "back to the thrusts"."""

from __future__ import annotations

from bot.answers.exercises import phrase_tokens
from bot.answers.model import Subject, Topic
from bot.answers.parsed import Parsed, without
from bot.content import Library

_CORRECTING = frozenset(phrase_tokens("meant mean sorry actually wait"))
_DESCRIBING = _CORRECTING | frozenset(phrase_tokens("no i the one with a an and that this"))
_PICKING = frozenset(phrase_tokens("which best most better more"))
_BACK = tuple(phrase_tokens("back to"))
_EASIEST = frozenset(phrase_tokens("easiest simplest easier simpler"))
_HARDEST = frozenset(phrase_tokens("hardest toughest harder tougher"))
_WHICH = frozenset(phrase_tokens("which what whats"))
_LEVELS = ("beginner", "intermediate", "advanced")
_THE = frozenset(phrase_tokens("the those these my"))


class Corrections:
    def __init__(self, library: Library, kit: frozenset[str]) -> None:
        self._names = {
            slug: frozenset(t for n in (ex.name, *ex.aliases) for t in phrase_tokens(n))
            for slug, ex in library.items()
        }
        self._name = {slug: frozenset(phrase_tokens(ex.name)) for slug, ex in library.items()}
        self._library = library
        self._kit = kit - frozenset(phrase_tokens("a an and or the of with for on"))

    def meant(self, p: Parsed, named: tuple[str, ...]) -> tuple[Parsed, tuple[str, ...]]:
        """ "no sorry I meant the one with a band and one leg": the exercise whose name holds
        both what was named ("one leg") and the kit said with it ("band"); the words that
        only describe it are taken out, so the last question is asked again about it."""
        if not named or not set(p.toks) & _CORRECTING:
            return p, named
        said_kit = {t for t in p.free if t in self._kit}
        wanted = self._name[named[0]]
        fits = [
            s for s, words in self._names.items()
            if said_kit and said_kit <= words and wanted <= words and s != named[0]
        ]  # fmt: skip
        if not fits:
            return p, named
        # Of several, the one whose name says least beyond what was asked.
        slug = min(fits, key=lambda s: (len(self._names[s]), s))
        return without(p, _DESCRIBING | frozenset(said_kit)), (slug, *named[1:])

    def back_to(self, p: Parsed, named: tuple[str, ...], talked_of: str | None) -> tuple[str, ...]:
        """ "back to the thrusts": a short name the exercise talked about before answers to."""
        if talked_of is None or not named or named[0] == talked_of:
            return named
        toks = p.toks
        for m in p.found.mentions:
            before = [t for t in toks[max(0, m.start - 3) : m.start] if t not in _THE]
            if tuple(before[-2:]) == _BACK and set(toks[m.start : m.end]) <= self._names[talked_of]:
                return (talked_of, *(s for s in named if s != talked_of))
        return named

    def best_for(
        self,
        p: Parsed,
        listed: list[str],
        talked_of: str | None,
        muscles: dict[str, tuple[str, ...]],
    ) -> Subject | None:
        """ "which of those is best for hamstrings" after a list: the listed exercise whose main
        mover is that muscle, by the content's muscles, with a verdict against the one in talk."""
        # Every exercise here is glute work: "best for glutes" weighs them up, it picks none.
        asked = [name for t in p.free for name in muscles.get(t, ()) if "glute" not in name]
        if not listed or not asked or not set(p.free) & _PICKING or p.found.slugs:
            return None
        hits = {}
        for slug in listed:
            primary = [m.name.lower() for m in self._library[slug].muscles.primary]
            hit = next((m for m in primary for a in asked if a in m), None)
            if hit is not None:
                hits[slug] = hit
        if not hits or len(hits) == len(listed):
            return None
        slug, hit = next(iter(hits.items()))
        other = (f"other:{talked_of}",) if talked_of and talked_of != slug else ()
        return Subject(topic=Topic.COMPARE, exercise=slug, focus=(*other, f"verdict:muscle:{hit}"))

    def extreme_of(self, p: Parsed, listed: list[str]) -> Subject | None:
        """ "which of those is the easiest" after a list: the listed exercise of the lowest (or,
        for the hardest, the highest) level, and its level."""
        words = set(p.free)
        if not listed or p.found.slugs or not words & _WHICH:
            return None
        if not words & (_EASIEST | _HARDEST):
            return None
        # By level; of the same level, by the steps the others' content sets toward it (the
        # hip thrust lists the glute bridge as its easier step).
        rank = {slug: (_LEVELS.index(self._library[slug].level.value), self._steps_to(slug, listed))
                for slug in listed}  # fmt: skip
        pick = (min if words & _EASIEST else max)(listed, key=lambda slug: rank[slug])
        return Subject(topic=Topic.LEVEL, exercise=pick)

    def _steps_to(self, slug: str, listed: list[str]) -> int:
        """+1 for each listed exercise that calls this one its harder step, -1 for easier."""
        score = 0
        for other in listed:
            ex = self._library[other]
            for related in (*ex.variations, *ex.alternatives):
                if related.slug == slug and related.step in ("harder", "easier"):
                    score += 1 if related.step == "harder" else -1
        return score
