"""An app's exercise name ("Hip Thrust (Barbell)") -> the content slug it is, or None."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

from bot.answers.exercises import phrase_tokens
from bot.content import Library

# Equipment words the apps put in a name or in brackets; they do not change the exercise.
# A few other languages' too, for apps that name stock exercises in the phone's language.
_EQUIPMENT = frozenset(
    phrase_tokens(
        "barbell bb dumbbell dumbbells db kettlebell kb bodyweight bw machine smith cable plate"
        " plates weighted band banded bench landmine loaded barre halteres haltere poids corps"
        " mancuerna mancuernas barra maquina peso corporal langhantel kurzhantel maschine"
        " bilanciere manubri manubrio halter halteres elastique elastico"
    )
)
# Two-leg names that, with a side marked in the name ("Hip Thrust (Left)"), mean their
# one-leg version: the library's exercise named "single-leg <name>" when it has one.
_ONE_LEG = "single leg "
# Names the apps ship that no alias spells (the rest reach an alias by the rules below).
_APP_NAMES = {
    "hip thrust machine": "hip-thrust",
    "machine hip thrust": "hip-thrust",
    "glute ham raise bodyweight": "glute-ham-raise",
    "glute ham developer sit up": "glute-ham-raise",
    "single leg glute thrust": "single-leg-hip-thrust",
    "hip thrust single leg": "single-leg-hip-thrust",
}
# A transposed pair ("thurst") scores 88.9; a name of only known words never gets here.
_FUZZY_CUTOFF = 86.0
_FUZZY_MIN_CHARS = 8
_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")
_BRAND_TAIL = re.compile(r"\s+[-–—]\s+[^-–—]+$")  # FitNotes' "Preacher Curl - Star Trac"


def _plain(text: str) -> str:
    """Accents off ("Haltères" -> "Halteres"), so they neither split a word nor miss a match."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(text: str) -> str:
    return "".join(phrase_tokens(_plain(text)))


class ExerciseMap:
    """Exact names and aliases first, then the apps' habits, then a typo-tolerant look."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._exact: dict[str, str] = {}
        for slug, ex in library.items():
            for name in (ex.name, slug.replace("-", " "), *ex.aliases):
                self._exact.setdefault(_key(name), slug)
        for name, slug in _APP_NAMES.items():
            if slug in library:
                self._exact.setdefault(_key(name), slug)
        self._known = frozenset(t for n in self._names() for t in phrase_tokens(n)) | _EQUIPMENT
        self._fuzzy_keys = sorted(k for k in self._exact if len(k) >= _FUZZY_MIN_CHARS)

    def _names(self) -> list[str]:
        return [n for slug, ex in self.library.items() for n in (ex.name, *ex.aliases, slug)]

    def slug(self, name: str) -> str | None:
        """The exercise a (side-stripped) app name means; None when it is none of the coach's."""
        candidates = _candidates(name)
        for candidate in candidates:
            slug = self._exact.get(_key(candidate))
            if slug is not None:
                return slug
        for candidate in candidates:
            slug = self._fuzzy(candidate)
            if slug is not None:
                return slug
        return None

    def one_leg_version(self, slug: str) -> str | None:
        """The single-leg exercise of a two-leg one ("hip-thrust" -> "single-leg-hip-thrust")."""
        ex = self.library.get(slug)
        if ex is None or ex.unilateral:
            return None
        found = self._exact.get(_key(_ONE_LEG + ex.name))
        return found if found is not None and self.library[found].unilateral else None

    def _fuzzy(self, candidate: str) -> str | None:
        # Only a name holding a word no exercise uses can be a misspelling; a name of known
        # words that matched nothing is another exercise ("Single Leg Glute Bridge").
        tokens = phrase_tokens(_plain(candidate))
        if all(t in self._known for t in tokens):
            return None
        key = "".join(tokens)
        if len(key) < _FUZZY_MIN_CHARS:
            return None
        hit = process.extractOne(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        return self._exact[hit[0]] if hit is not None else None


def _without_equipment(text: str) -> str:
    kept = [w for w in text.split() if not set(phrase_tokens(w)) <= _EQUIPMENT]
    return " ".join(kept)


def _candidates(name: str) -> list[str]:
    """Readings of a name, most literal first: as written, the bracket moved to the front
    ("Barbell Hip Thrust"), the brand tail or equipment words dropped."""
    text = " ".join(_plain(name).split())
    out = [text]
    inside = " ".join(m.strip() for m in _BRACKETS.findall(text))
    outside = " ".join(_BRACKETS.sub(" ", text).split())
    if inside:
        out.append(f"{inside} {outside}")
        # Only equipment may be dropped: "(Single Leg)" changes the exercise, "(Barbell)" not.
        if set(phrase_tokens(inside)) <= _EQUIPMENT:
            out.append(outside)
        else:
            outside = out[-1]
    tail_free = _BRAND_TAIL.sub("", outside)
    if tail_free != outside:
        out.append(tail_free)
    for reading in list(out):
        bare = _without_equipment(reading)
        if bare and bare not in out:
            out.append(bare)
    return out
