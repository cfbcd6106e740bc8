"""Question text -> clean tokens: Unicode clean-up, emoji words, light stemming, typo repair."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz, process

# A few emoji carry meaning in a gym chat; the rest are decoration and are dropped.
EMOJI_WORDS = {
    "🍑": " glutes ",
    "🔥": " burn ",
    "🤕": " hurts ",
    "😣": " hurts ",
    "🏋": " weight ",
    "🆚": " vs ",
    "❓": " ? ",
    "🤔": " ? ",
}

# Words whose stem the suffix rules would get wrong, or that mean the same thing.
IRREGULAR = {
    "feet": "foot",
    "tipping": "tipping",
    "tipped": "tipping",
    "thighs": "thigh",
    "knees": "knee",
    "kneecaps": "knee",
    "kneecap": "knee",
    "butt": "glute",
    "bum": "glute",
    "booty": "glute",
    "buttock": "glute",
    "buttocks": "glute",
    "bottom": "bottom",
    "glutes": "glute",
    "glute": "glute",
    "gluts": "glute",
    "hams": "hamstring",
    "hammies": "hamstring",
    "hamstrings": "hamstring",
    "hamstring": "hamstring",
    "quads": "quad",
    "quadriceps": "quad",
    "quadricep": "quad",
    "abs": "abs",
    "abdominals": "abs",
    "does": "does",
    "this": "this",
    "these": "these",
    "is": "is",
    "was": "was",
    "has": "has",
    "its": "it",
    "versus": "vs",
    "v": "vs",
    "vs": "vs",
    "weights": "weight",
    "weighted": "weight",
    "dumbells": "dumbbell",
    "dumbell": "dumbbell",
    "dumbbells": "dumbbell",
    "kb": "kettlebell",
    "bb": "barbell",
    "reps": "rep",
    "repetitions": "rep",
    "repetition": "rep",
    "sets": "set",
    "1": "one",
    "2": "two",
    "3": "three",
    "pls": "please",
    "plz": "please",
    "u": "you",
    "ur": "your",
    "r": "are",
    "hows": "how is",
    "whats": "what is",
    "thats": "that is",
    "wats": "what is",
    "wat": "what",
    "whta": "what",
    "howto": "how to",
    # Chat spellings that are real words to a dictionary but mean these to a lifter.
    "thru": "through",
    "tho": "though",
    "rn": "right now",
    "slo": "slow",
    "hw": "how",
    "db": "dumbbell",
    "dbs": "dumbbell",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "ppl": "people",
    "lvl": "level",
    "warmup": "warm up",
    "warmups": "warm up",
    "hammy": "hamstring",
    "hammys": "hamstring",
    "fire": "burn",
    "shud": "should",
    "wanna": "want to",
    "diff": "differ",
    "diffs": "differ",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_WORD = re.compile(r"[a-z0-9]+")
_SPLIT_SET_UP = re.compile(
    r"\bset\s+(?:(?:it|these|this|them|that|those|everything|all|myself)\s+)+up\b"
)


def clean(raw: str) -> str:
    """NFKC, control characters out, emoji that mean something turned into words, lower case."""
    text = unicodedata.normalize("NFKC", raw)
    text = _CONTROL.sub(" ", text)
    for emoji, word in EMOJI_WORDS.items():
        if emoji in text:
            text = text.replace(emoji, word)
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    # "don't" -> "dont", "what's" -> "whats": people type them both ways.
    text = re.sub(r"(?<=[a-z])'(?=[a-z])", "", text)
    text = text.replace("&", " and ").replace("b/w", " between ").replace("b/t", " between ")
    text = text.replace("w/o", " without ").replace("w/", " with ")
    # "set these up", "set it all up": the set-up, said as a split phrasal verb.
    text = _SPLIT_SET_UP.sub("set up", text)
    # "low back" is the lower back, as lifters and physios both say it.
    text = re.sub(r"\blow(?=[\s-]+back\b)", "lower", text)
    return text


def stem(token: str) -> str:
    """A deliberately small suffix stripper: plurals, -ing, -ed, final -e; same rules everywhere."""
    if token in IRREGULAR:
        return IRREGULAR[token]
    if len(token) <= 3 or not token.isalpha():
        return token
    word = token
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) >= 6:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) >= 5 and not word.endswith("eed"):
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _undouble(word: str) -> str:
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The surface words of cleaned text, with multi-word irregulars ("howto") expanded."""
    out: list[str] = []
    for word in _WORD.findall(text):
        mapped = IRREGULAR.get(word)
        if mapped is not None and " " in mapped:
            out.extend(mapped.split())
        else:
            out.append(word)
    return out


class Speller:
    """Repairs typos against a known vocabulary with rapidfuzz; remembers what it has seen."""

    CACHE_LIMIT = 20_000

    def __init__(
        self, vocabulary: Iterable[str], is_real: Callable[[str], bool] = lambda _: False
    ) -> None:
        self._known = frozenset(vocabulary)
        # A real English word is what the user meant, even if the coach doesn't know it:
        # "prob" is not "pro", "disc" is not "digs", "write" is not "wrist".
        self._is_real = is_real
        self.stems = frozenset(stem(w) for w in self._known)
        # Typos rarely hit the first letter; keeping it stops "mache" becoming "ache".
        # Sorted so that rapidfuzz ties break the same way on every run.
        self._by_initial: dict[str, list[str]] = {}
        for w in sorted(w for w in self._known if len(w) >= 3 and w.isalpha()):
            self._by_initial.setdefault(w[0], []).append(w)
        self._cache: dict[str, str] = {}

    def knows(self, word: str) -> bool:
        return word in self._known or stem(word) in self.stems

    def correct(self, word: str) -> str:
        if len(word) < 4 or not word.isalpha() or len(word) > 20 or self.knows(word):
            return word
        if self._is_real(word):
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        # One slip in a short word, about two in a long one ("failer" is "failure"); anything
        # further is not a typo.
        cutoff = 74.0 if len(word) <= 4 else (80.0 if len(word) <= 5 else 75.0)
        choices = self._by_initial.get(word[0], [])
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        fixed = word if best is None else str(best[0])
        if len(self._cache) < self.CACHE_LIMIT:
            self._cache[word] = fixed
        return fixed
