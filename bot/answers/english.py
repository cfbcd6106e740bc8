"""Is a word real English? A full word list (wordfreq, offline): typo repair leaves those be."""

from __future__ import annotations

from functools import lru_cache

import wordfreq

# Zipf 2.5 is about 3 uses per 10 million words. Rarer entries in the list are mostly typos
# ("excercise" 2.3, "thurst" 1.1); real words people type to a coach sit well above it
# ("prob" 3.4, "disc" 4.1, "write" 5.0).
ZIPF_REAL = 2.5


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    # Ships inside the wordfreq package: nothing is downloaded.
    return wordfreq.get_frequency_dict("en", wordlist="large")


_CUTOFF = 10 ** (ZIPF_REAL - 9)


def is_english(word: str) -> bool:
    """True for a word common enough in English that it is what the user meant to type."""
    return _frequencies().get(word, 0.0) >= _CUTOFF


def load() -> None:
    """Read the word list now (start-up) rather than on the first question."""
    _frequencies()
