"""Follow-ups: "more?", "and the GHR?", "how do I do it?" read against the last subject."""

from __future__ import annotations

from bot.answers.exercises import phrase_tokens
from bot.answers.model import Subject, Topic
from bot.answers.signals import WHERE
from bot.answers.text import stem
from bot.content import Exercise


def _phrases(*texts: str) -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_tokens(t) for t in texts)


# Whole messages that ask for the next part of the last answer.
CONTINUE = _phrases(
    "more",
    "more please",
    "more pls",
    "next",
    "next part",
    "next one",
    "continue",
    "go on",
    "keep going",
    "carry on",
    "and then",
    "then what",
    "what else",
    "rest of it",
    "the rest",
    "and",
    "and more",
    "tell me more",
    "more info",
    "more?",
    "ok more",
    "ok next",
    "yes",
    "yes please",
    "yeah",
    "yep",
    "sure",
    "more details",
    "give me more",
    "show more",
    "keep going please",
    "go ahead",
    "whats next",
    "what next",
    "then",
    "after that",
    "another",
    "another one",
    "one more",
    "next tip",
    "another tip",
)
# Words around a bare exercise name that only say "the same, for this one".
ELLIPSIS = frozenset(
    phrase_tokens(
        "and what about how about same for the a an too also then ok okay so one version "
        "that this please pls instead for with on of it is"
    )
)
_FILLER = frozenset(phrase_tokens("ok okay so please pls um uh hmm right cool thanks"))

# Parts of a focus that belong to one exercise and do not carry over to another.
_OWN = ("setup:", "steps:", "loaded:", "tips:", "mistakes:", "other:")


# "and the step after that", "next step pls": the next part of what was shown, in other words.
_NEXT_STEP_WORDS = frozenset(phrase_tokens("and the step part after that next then whats what is"))
_STEP = frozenset(phrase_tokens("step part"))
_AFTER = frozenset(phrase_tokens("after next"))


def asks_for_more(toks: list[str]) -> bool:
    core = tuple(t for t in toks if t not in _FILLER)
    if core and set(core) <= _NEXT_STEP_WORDS and set(core) & _STEP and set(core) & _AFTER:
        return True
    return bool(core) and core in CONTINUE


# "like what?", "such as?", "for example?", "eg?": the examples behind what was just said.
EXAMPLES = _phrases(
    "like what", "such as", "for example", "for instance", "eg", "e g", "example", "examples",
    "an example", "give me an example", "any examples", "example please", "such as what",
    "what like", "like", "what for example", "like what exactly", "what kind", "what sort",
    "like which", "which ones", "like what then", "such as", "what are some",
)  # fmt: skip
_EXAMPLE_FILLER = _FILLER | frozenset(phrase_tokens("and but so tho though then"))


def asks_for_examples(toks: list[str]) -> bool:
    core = tuple(t for t in toks if t not in _EXAMPLE_FILLER)
    return bool(core) and core in EXAMPLES


_ATOM_KINDS = ("facts:", "setup:", "steps:", "loaded:", "tips:")


def has_detail(previous: Subject) -> bool:
    """The last answer opened with one fact, which holds its own examples."""
    return any(f.startswith(_ATOM_KINDS) for f in previous.focus)


def detailed(previous: Subject) -> Subject:
    """The last answer from its top; after a list of tips, the first tip in full."""
    if previous.topic is Topic.TIPS and not has_detail(previous):
        return previous.model_copy(update={"focus": ("tips:0",), "part": 0})
    return previous.model_copy(update={"part": 0})


def only_names(free: list[str]) -> bool:
    """Nothing but a name and linking words: "and the GHR?", "what about glute bridges".
    A "how" without "about" asks how it goes ("the GHR, how?")."""
    how_alone = "how" in free and "about" not in free
    return all(t in ELLIPSIS for t in free) and not how_alone


def carried(previous: Subject, exercise: str, has_fact: set[str]) -> tuple[str, ...]:
    """The previous focus, kept where it still means something for the new exercise."""
    out: list[str] = []
    for item in previous.focus:
        if item.startswith("facts:"):
            if item.removeprefix("facts:") in has_fact:
                out.append(item)
        elif not item.startswith(_OWN) or previous.exercise == exercise:
            out.append(item)
    return tuple(out)


_ORDINALS = {
    stem(w): i
    for i, ws in enumerate(("first 1st", "second 2nd", "third 3rd", "fourth 4th", "fifth 5th"))
    for w in ws.split()
}
_LAST = frozenset(phrase_tokens("last bottom"))
ORDINAL_WORDS = frozenset(_ORDINALS) | _LAST | frozenset(phrase_tokens("one option"))


_THAT = frozenset(phrase_tokens("that those"))


def ordinal(free: list[str]) -> int | None:
    """ "the second one" -> 1, "the last one" -> -1; None if the question counts nothing.

    "that one" right after a list is the one listed first: the suggestion on top.
    """
    if not set(free) & {stem("one"), stem("option"), stem("exercise")} and len(free) > 3:
        return None
    for tok in free:
        if tok in _ORDINALS:
            return _ORDINALS[tok]
        if tok in _LAST:
            return -1
    if set(free) & _THAT and stem("one") in free:
        return 0
    return None


def keeps_topic(previous: Subject | None) -> bool:
    return previous is not None and previous.topic is not Topic.NONE


# "which one is harder", "which is better for glutes": weighing two things up.
_WHICH = frozenset(phrase_tokens("which"))
# "which one for a beginner": a beginner's pick weighs the two up too.
_COMPARATIVE = frozenset(
    phrase_tokens("harder easier better worse tougher simpler more less best beginner")
)
INSTEAD = frozenset(phrase_tokens("instead rather over"))
PLACING = frozenset(phrase_tokens("go goes sit sits put place"))
LOADING = frozenset(phrase_tokens("weight dumbbell kettlebell plate"))


# "harder still", "even easier": one more step the same way as the last list.
FURTHER = frozenset(phrase_tokens("still even more further again yet next beyond"))
WITHOUT = frozenset(phrase_tokens("without minus no"))
# Words that only say "that version" of the exercise in talk: "and with weight?", "banded?".
_VERSION_KIT = frozenset(
    phrase_tokens("with without weight weights weighted heavy heavier load loaded band banded")
)


def only_a_version(free: list[str], kit: frozenset[str]) -> bool:
    """ "and with weight?", "what about with a band": the same question, another version."""
    return bool(free) and all(t in ELLIPSIS or t in _VERSION_KIT or t in kit for t in free)


def weighs_up(free: list[str]) -> bool:
    words = set(free)
    return bool(words & _WHICH and words & _COMPARATIVE)


def asks_where(free: list[str]) -> bool:
    """ "where does it go", "where does it sit exactly"."""
    words = set(free)
    return bool(words & WHERE and words & PLACING)


def referent(previous: Subject, ex: Exercise) -> tuple[str, ...]:
    """What "it" is in "where does it go": the weight after talk of loading, else the kit
    the exercise is named after (the band of the banded one)."""
    if previous.topic is Topic.WEIGHTED:
        return tuple(LOADING)
    named = set(phrase_tokens(ex.name))
    kit = [t for item in ex.equipment for t in phrase_tokens(item) if t in named]
    return tuple(kit) or tuple(LOADING)


def remembered(subject: Subject, previous: Subject | None) -> Subject:
    """The subject with the exercise talked about before it, for "which one is harder"."""
    if previous is None or previous.exercise is None:
        return subject
    earlier = previous.exercise if previous.exercise != subject.exercise else previous.earlier
    if earlier == subject.exercise:
        earlier = None
    return subject.model_copy(update={"earlier": earlier})
