"""Questions that say a fact without its words: read as if they had said them.

"right does 12, left only 6" names a weaker side by its counts; "hold at the top or pump
them out" asks about the pause. Each is read with the fact's own words added, so retrieval
and the topic cues find it the usual way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bot.answers.exercises import phrase_tokens
from bot.answers.parsed import Parsed
from bot.answers.symptoms import BODY, SymptomIndex

_SIDE = frozenset(phrase_tokens("left right"))
_UNEVEN = frozenset(phrase_tokens("only weaker stronger weak strong less fewer"))
_NUMBER = re.compile(r"^\d{1,3}$")
_HOLD = frozenset(phrase_tokens("hold pause pausing holding squeeze"))
_TOP = frozenset(phrase_tokens("top"))
# Reps done without a break: "pump them out", "rep it out", "bang them out", "go fast".
_NON_STOP = frozenset(phrase_tokens("pump pumping bang crank rep reps fast quick quickly"))
_OR = frozenset(phrase_tokens("or"))
_PUMP_WORDS = _NON_STOP | frozenset(phrase_tokens("out"))


def _add(
    p: Parsed, phrase: str, drop: frozenset[str], alone: bool = False, named: str = ""
) -> Parsed:
    """The question with phrase's words added (and drop's taken out); alone, the phrase is
    all that is looked up: the rest of the line only tells the story."""
    extra = [*phrase_tokens(phrase), *named.split()]

    def keep(toks: list[str]) -> list[str]:
        return [t for t in toks if t not in drop] + extra

    query = extra if alone else keep(p.query)
    return replace(p, toks=keep(p.toks), cue_toks=keep(p.cue_toks), free=keep(p.free), query=query)


def uneven_sides(toks: list[str]) -> bool:
    """ "right does 12 left only 6", "my left only gets 5": a side named with a count that
    falls short (two different counts, or "only", "weaker" with one)."""
    if not set(toks) & _SIDE:
        return False
    counts = [t for t in toks if _NUMBER.match(t)]
    return bool(counts) and (len(set(counts)) >= 2 or bool(set(toks) & _UNEVEN))


def hold_or_not(toks: list[str]) -> bool:
    """ "hold at the top or pump them out", "pause or rep it out": the pause asked about."""
    said = set(toks)
    return bool(said & _HOLD and said & _OR and said & _NON_STOP) and bool(
        said & _TOP or "paus" in said
    )


_LOADED = frozenset(phrase_tokens("weight kettlebell kb dumbbell db plate barbell bar"))
_KNEE = frozenset(phrase_tokens("knee knees leg"))
_TUCK = frozenset(phrase_tokens("tuck tucked tucking bend bent bring"))
_CANT = frozenset(phrase_tokens("cant cannot impossible hard stops stop wont able"))
_PUTTING = frozenset(phrase_tokens("can put place hold"))


def knee_under_load(toks: list[str]) -> bool:
    """ "I can't tuck my knee up with the kettlebell on": the free leg under a weight."""
    said = set(toks)
    return bool(said & _LOADED and said & _KNEE and said & _TUCK)


_WHICH = frozenset(phrase_tokens("which"))
_START = frozenset(phrase_tokens("start begin"))
_LEG = frozenset(phrase_tokens("leg legs side sides left right foot"))  # "which leg first"
_NEW_HERE = (
    ("just", "joined"), ("just", "started"), ("new", "to"), ("never", "lifted"),
    ("never", "trained"), ("complete", "newbie"), ("just", "starting"),
)  # fmt: skip
_NEW_HERE_TOKS = tuple(tuple(phrase_tokens(" ".join(pair))) for pair in _NEW_HERE)


def new_here(toks: list[str]) -> bool:
    """ "I literally just joined a gym", "which should I start with": a beginner asking."""
    said = set(toks)
    if said & _WHICH and said & _START and "with" in said and not said & _LEG:
        return True
    pairs = set(pairwise(toks))
    return any(pair in pairs for pair in _NEW_HERE_TOKS)


_TIPS = frozenset(phrase_tokens("tip tips advice trick tricks cue cues"))
_FEEL = frozenset(phrase_tokens("feel feeling fire firing activate"))
_GLUTE = frozenset(phrase_tokens("glute glutes butt booty bum"))
_NOT = frozenset(phrase_tokens("cant dont not never no doesnt isnt"))


def wish_to_feel(toks: list[str]) -> bool:
    """ "any tips to feel it in the glute": where it should be felt, asked for as a tip; no
    complaint of feeling it somewhere ("feel it in my knees") or not at all."""
    said = set(toks)
    return bool(said & _TIPS and said & _FEEL and said & _GLUTE) and not said & _NOT


_HEIGHT = frozenset(phrase_tokens("height"))  # not "max": that is the gluteus maximus
_RISING = frozenset(phrase_tokens("thrust thrusting push drive lift raise hips hip up"))
_SEAT = frozenset(phrase_tokens("bench box couch sofa step chair seat"))


def hips_height(toks: list[str]) -> bool:
    """ "how far up should I thrust, max height?": how high the hips go, not the bench."""
    said = set(toks)
    return bool(said & _HEIGHT and said & _RISING) and not said & _SEAT


def reread(p: Parsed) -> Parsed:
    """The question with the words of the fact it means, when it says it another way."""
    if hips_height(p.toks):
        p = _add(p, "how high", _HEIGHT)
    if wish_to_feel(p.toks):
        # "feel it in" says a fault only of a place it shouldn't be felt.
        p = replace(p, cue_toks=[t for t in p.cue_toks if t not in _FEEL])
    if new_here(p.toks) and "beginner" not in p.toks:
        p = _add(p, "beginner", frozenset())
    if knee_under_load(p.toks):
        # Not a fault of the feet ("tucked in close"): the loaded step on the free leg.
        # "can I put it on" asks nothing here about where the weight sits.
        drop = _TUCK | _CANT | _PUTTING
        return _add(p, "weight stop tucking knee leg straight", drop, alone=True)
    if uneven_sides(p.toks):
        numbers = frozenset(t for t in p.toks if _NUMBER.match(t))
        return _add(p, "one side weaker", numbers, alone=True)
    if hold_or_not(p.toks):
        return _add(p, "pause at the top", _PUMP_WORDS)
    return p


# "my feet are really close to my butt, is that bad": a set-up choice, judged.
_SET_UP = frozenset(
    phrase_tokens("feet foot bench box knee knees hands arms chin head heels bar hips")
)
_PLACED = frozenset(phrase_tokens("close closer near far high higher low lower wide narrow"))
_JUDGED = frozenset(
    phrase_tokens("bad ok okay wrong fine problem issue normal matter alright right good")
)
_FELT = frozenset(phrase_tokens("feel feels feeling felt burn burns burning hurt hurts sore"))


def judged_choice(p: Parsed, slug: str | None, symptoms: SymptomIndex) -> Parsed:
    """ "bench too high, is that bad", "my feet are close to my butt, is that ok": the
    fault that choice is, when the content has one; else the set-up fact about it. The
    verdict words ("bad", "ok") and the place it is measured from ("my butt") ask nothing."""
    said = set(p.toks)
    if slug is None or not (said & _SET_UP and said & _PLACED and said & _JUDGED):
        return p
    if said & _FELT or "together" in said:  # felt: a muscle; "close together": the stance
        return p
    keep = _SET_UP | _PLACED
    drop = frozenset(t for t in said if t in _JUDGED or (t in BODY and t not in keep))
    p = _add(p, "", drop)
    fault = symptoms.match(p.toks, slug)
    if fault is not None and fault.coverage >= 0.4 and set(p.toks) & _PLACED & fault.words:
        # Said in the fault's own words, so the fault leads.
        return _add(p, "mistake bad form", frozenset(), named=symptoms.name(slug, fault.mistake))
    # No such fault: how it should be ("how high", "how far"), the set-up fact that says it.
    return _add(p, "how", frozenset())
