"""An exercise described, not named: "the one on the floor", "the band one", "the normal one"."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers.exercises import phrase_tokens
from bot.answers.followup import ELLIPSIS
from bot.content import Library

_REFERS = frozenset(phrase_tokens("one ones version variation kind"))
_OBJECT = frozenset(phrase_tokens("it them these this that those just"))
_DOING = frozenset(phrase_tokens("do doing done"))
_ON = frozenset(phrase_tokens("on with using"))
_THE = frozenset(phrase_tokens("the a"))
# "the normal one" after talk of a version with kit: the one without it.
PLAIN = frozenset(phrase_tokens("normal regular plain basic standard usual"))
_LINKING = frozenset(phrase_tokens("or and a the of with"))
_OPTIONAL = "(optional)"


def kit_words(library: Library) -> dict[str, tuple[str, ...]]:
    """Each must-have kit word -> the exercises that need it ("floor" -> the glute bridge).

    A word that is also in another exercise's name ("glute" of the GHR's machine) is no
    description of this one."""
    out: dict[str, list[str]] = {}
    for slug, ex in library.items():
        for item in ex.equipment:
            if _OPTIONAL in item:
                continue
            for tok in set(phrase_tokens(item)) - _LINKING:
                out.setdefault(tok, []).append(slug)
    names = {slug: set(phrase_tokens(ex.name)) for slug, ex in library.items()}
    return {
        tok: tuple(slugs)
        for tok, slugs in out.items()
        if not any(tok in words for s, words in names.items() if s not in slugs)
    }


def span(
    toks: Sequence[str], kit: dict[str, tuple[str, ...]], thread: bool
) -> tuple[int, int, str] | None:
    """Where a question describes an exercise by its kit (start, end, kit word), or None:
    "the floor one", "the one on the floor", "do it on the machine", "and on the floor?".
    "Do it on the floor" only mid-conversation: asked first, it asks for a way round the bench."""
    for i, tok in enumerate(toks):
        if tok not in kit and tok not in PLAIN:
            continue
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if after in _REFERS and i > 0 and toks[i - 1] in _THE:
            return i - 1, i + 2, tok  # "the floor one", "the normal one"
        if tok in PLAIN:
            continue
        j = i - 1 - (i > 0 and toks[i - 1] in _THE)
        if j < 0 or toks[j] not in _ON:
            continue
        k = j - 1
        if k >= 0 and (toks[k] in _REFERS or (thread and toks[k] in _OBJECT)):
            start = k - 1 if k > 0 and toks[k - 1] in _THE | _DOING else k
            return start, i + 1, tok  # "the one on the floor", "do it on the floor"
        if thread and all(t in ELLIPSIS for t in (*toks[:j], *toks[i + 1 :])):
            return j, i + 1, tok  # "and on the floor?"
    return None


def choose(candidates: Sequence[str], in_talk: Sequence[str | None], library: Library) -> str:
    """Of the exercises a description fits, the one in talk; else the plainest."""
    for slug in in_talk:
        if slug is not None and slug in candidates:
            return slug
    return min(candidates, key=lambda s: len(phrase_tokens(library[s].name)))
