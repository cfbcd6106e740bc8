"""A question after clean-up: its words, its cue words, its query words and what it names."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.answers.exercises import Found


@dataclass(frozen=True)
class Parsed:
    surface: list[str]  # the words as typed (typos repaired), for small talk and off-topic
    toks: list[str]  # every token, stemmed, for symptoms and signals
    cue_toks: list[str]  # exercise names replaced by "it", for topic cues
    free: list[str]  # tokens outside exercise names
    query: list[str]  # the words a detail is looked up by: free ones and one-word names ("band")
    unknown: list[str]  # words that are neither typos of known words nor known
    found: Found


def without(p: Parsed, drop: frozenset[str]) -> Parsed:
    """The question with some words taken out of its cues, free words and query."""
    return replace(
        p,
        cue_toks=[t for t in p.cue_toks if t not in drop],
        free=[t for t in p.free if t not in drop],
        query=[t for t in p.query if t not in drop],
    )
