"""Is a word real English? A full word list (wordfreq, offline): typo repair leaves those be."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

# Zipf 2.5 is about 3 uses per 10 million words. Rarer entries in the list are mostly typos
# ("excercise" 2.3, "thurst" 1.1); real words people type to a coach sit well above it
# ("prob" 3.4, "disc" 4.1, "write" 5.0).
ZIPF_REAL = 2.5
_CUTOFF = 10 ** (ZIPF_REAL - 9)


def _cache_file() -> Path:
    # One file per wordfreq version and cut-off, so an upgrade never reads a stale list.
    base = os.environ.get("COACH_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(base) if base else Path.home() / ".cache"
    version = metadata.version("wordfreq")
    return folder / "coach" / f"english-{version}-zipf{ZIPF_REAL}.txt"


def _from_wordfreq() -> frozenset[str]:
    import wordfreq  # ~0.1 s to import and read its full list: only when there is no cache

    freqs = wordfreq.get_frequency_dict("en", wordlist="large")
    return frozenset(w for w, f in freqs.items() if f >= _CUTOFF and w.isalpha())


def _save(path: Path, words: frozenset[str]) -> None:
    """Best effort: a read-only home only means the next start reads wordfreq again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as f:
            f.write("\n".join(sorted(words)))
        os.replace(f.name, path)
    except OSError:
        pass


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """The real words, from a plain-text cache of wordfreq's list (a few ms) when there is one."""
    path = _cache_file()
    try:
        return frozenset(path.read_text(encoding="utf-8").split("\n"))
    except OSError:
        words = _from_wordfreq()
        _save(path, words)
        return words


def is_english(word: str) -> bool:
    """True for a word common enough in English that it is what the user meant to type."""
    return word in _words()


def load() -> None:
    """Read the word list now (start-up) rather than on the first question."""
    _words()
