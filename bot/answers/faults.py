"""Follow-ups about a fault just named: "is that bad?" (its reason), "how do I fix it" (its fix)."""

from __future__ import annotations

from itertools import pairwise

from bot.answers.exercises import phrase_tokens
from bot.answers.followup import ORDINAL_WORDS, ordinal
from bot.answers.model import Subject, Topic
from bot.content import Library

# "is that bad", "does it matter", "is that a problem", "is that normal", "should I worry".
_VERDICT = frozenset(
    phrase_tokens(
        "bad matter matters problem problems issue normal ok okay fine wrong worry worried "
        "concern concerned deal serious dangerous harmful alright"
    )
)
_JUDGING = _VERDICT | frozenset(
    phrase_tokens(
        "is it its that thats this does do did would be so a an the big really then but and "
        "though tho even actually should i me to about much all that too or not hmm um "
        "for very kind of something why how come"
    )
)
# "how do I stop doing it", "how do I fix that", "how can I avoid it", "what do I do about it".
_REMEDY = frozenset(
    phrase_tokens("stop fix avoid prevent correct quit cure sort solve change get rid")
)
_REMEDYING = _REMEDY | frozenset(
    phrase_tokens(
        "how do i can could should would what is the best way to it that this doing from "
        "happening so ok okay then but and tho though of me my please pls about you",
    )
)
_HOW = frozenset(phrase_tokens("how way what"))
_WHAT_DO = (phrase_tokens("what do"), phrase_tokens("what can"))
_WHY = frozenset(phrase_tokens("why how come"))
_LINKING = frozenset(phrase_tokens("your you the a to too of on in at with and or my"))
_BARE = frozenset(phrase_tokens("the and ok okay so what about then that"))
_FAULT_TOPICS = (Topic.MISTAKES, Topic.TROUBLESHOOT)
_ATOM_KINDS = ("facts:", "setup:", "steps:", "loaded:", "tips:")


def judged(toks: list[str]) -> bool:
    """ "is that bad?", "does it matter", "is that normal": a verdict asked, and no more."""
    words = set(toks)
    return bool(words & _VERDICT) and words <= _JUDGING


def remedy_asked(toks: list[str]) -> bool:
    """ "how do I stop doing it", "how do I fix that", "what do I do about it"."""
    words = set(toks)
    if not words <= _REMEDYING | frozenset(phrase_tokens("do")):
        return False
    asked = bool(words & _HOW) or any(pair in _WHAT_DO for pair in pairwise(toks))
    return asked and (bool(words & _REMEDY) or "about" in words)


def after_fault(
    toks: list[str], previous: Subject | None, slug: str | None, mistakes: int
) -> Subject | None:
    """The fault in talk again: its reason for a verdict, its fix for "how do I stop it".

    After a fix with its own cause (a troubleshooting fact) that fix again; after a list of
    faults, the first one listed, or the one counted ("the second one, how do I fix it")."""
    if previous is None or previous.topic not in _FAULT_TOPICS or slug is None:
        return None
    fault = next((f for f in previous.focus if f.startswith("mistakes:")), None)
    place = ordinal(toks) if fault is None and mistakes else None
    if place is not None:
        toks = [t for t in toks if t not in ORDINAL_WORDS]
        if -mistakes <= place < mistakes:
            fault = f"mistakes:{place % mistakes}"
    if judged(toks):
        lead = "why"
    elif remedy_asked(toks):
        lead = "fix"
    elif place is not None and fault is not None and set(toks) <= _BARE:
        return Subject(topic=Topic.MISTAKES, exercise=slug, focus=(fault,))  # "the second one"
    else:
        return None
    if fault is None and any(f.startswith(_ATOM_KINDS) for f in previous.focus):
        return previous.model_copy(update={"part": 0})
    if fault is None and not mistakes:
        return None
    kept = tuple(f for f in previous.focus if f == "guess")
    return Subject(topic=previous.topic, exercise=slug, focus=(fault or "mistakes:0", lead, *kept))


def listed_fault(
    toks: list[str], previous: Subject | None, subject: Subject, library: Library
) -> Subject:
    """ "why is arching bad" right after a list of mistakes: that mistake's reason, still a
    mistake (the list's topic), not a symptom to troubleshoot. The question names the mistake
    in its own words ("arching"); "why do my hamstrings cramp" is a symptom of its own."""
    if previous is None or previous.topic is not Topic.MISTAKES:
        return subject
    if subject.topic is not Topic.TROUBLESHOOT or not set(toks) & _WHY:
        return subject
    item = next((f for f in subject.focus if f.startswith("mistakes:")), None)
    ex = library.get(subject.exercise or "")
    if item is None or ex is None or int(item.removeprefix("mistakes:")) >= len(ex.mistakes):
        return subject
    index = int(item.removeprefix("mistakes:"))
    name = set(phrase_tokens(ex.mistakes[index].name)) - _LINKING
    if not name & set(toks):
        return subject
    return subject.model_copy(update={"topic": Topic.MISTAKES, "focus": (*subject.focus, "why")})


def same_fault(previous: Subject, library: Library, slug: str) -> tuple[str, ...]:
    """ "same for the banded one?" after a fault: that fault on the other exercise, by name."""
    old = library.get(previous.exercise or "")
    new = library.get(slug)
    item = next((f for f in previous.focus if f.startswith("mistakes:")), None)
    if old is None or new is None or item is None or old.slug == slug:
        return ()
    index = int(item.removeprefix("mistakes:"))
    if index >= len(old.mistakes):
        return ()
    name = old.mistakes[index].name.lower()
    return tuple(f"mistakes:{i}" for i, m in enumerate(new.mistakes) if m.name.lower() == name)[:1]
