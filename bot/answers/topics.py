"""Weighted topic cues: phrase matches, longer phrases shadow the words inside them, negation."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from bot.answers.counts import prescription
from bot.answers.exercises import phrase_tokens
from bot.answers.model import Topic
from bot.answers.vocabulary import BODY_PARTS, CUES

_NEGATORS = frozenset(phrase_tokens("no not without dont never nothing cant isnt doesnt"))
# "how do I avoid arching?": a negated fault is still a question about faults.
_NEGATION_PROOF = frozenset({Topic.MISTAKES, Topic.TROUBLESHOOT, Topic.COMPARE})


_FIRST_PERSON = frozenset(phrase_tokens("i my im me ive"))
_FEEL = frozenset(phrase_tokens("feel feels felt feeling"))
_NORMATIVE = frozenset(phrase_tokens("should supposed meant where which"))
_BODY = frozenset(phrase_tokens(" ".join(BODY_PARTS)))
_PLACE = frozenset(phrase_tokens("where how"))
_YES_NO_OPENINGS = frozenset(
    tuple(phrase_tokens(p))
    for p in ("do i", "should i", "should my", "does my", "can i", "is my", "are my")
)
# A muscle working ("hitting", "feel"); negated, it is a fault ("arent hitting my glutes").
_WORKING = frozenset(phrase_tokens("hit hitting work working feel feeling activate firing"))
# "what else hits hamstrings", "other moves that work glutes": another exercise for a muscle.
_ELSE = frozenset(phrase_tokens("else other another"))
_PAINFUL = frozenset(phrase_tokens("pain painful hurt hurts ache sharp injury injured ouch ow"))


# "my quads do it all, not my glutes": another place named before the glutes, against them.
_GLUTES = frozenset(phrase_tokens("glute glutes butt bum booty"))
_AGAINST = frozenset(phrase_tokens("than not instead nothing more mostly only over rather"))
_ASKING = frozenset(phrase_tokens("does do is are which will would can should what how"))


# "how does this one work", "how does it work", "<name> how": how the exercise goes.
_HOW = frozenset(phrase_tokens("how"))
_HOW_IT_GOES = _HOW | frozenset(
    phrase_tokens(
        "does do it this that these the one thing exercise move work works exactly then so ok okay "
        "wait tho though please even actually again"
    )
)


def how_it_goes(toks: list[str]) -> bool:
    """A bare "how": nothing asked but how the exercise works ("how often" asks more)."""
    words = set(toks)
    how_so = any(a == "how" and b == "so" for a, b in pairwise(toks))
    return bool(words & _HOW) and words <= _HOW_IT_GOES and not how_so  # "how so?" is a why


_CANT = frozenset(phrase_tokens("cant cannot couldnt unable"))
_REP = frozenset(phrase_tokens("rep reps"))
_ONE = frozenset(phrase_tokens("one single a 1 even"))


def _not_one_rep(toks: list[str]) -> bool:
    """ "can't even do 1 rep", "couldn't do a single rep": too hard, not a rep count."""
    if not set(toks) & _CANT:
        return False
    return any(t in _REP and set(toks[max(0, i - 2) : i]) & _ONE for i, t in enumerate(toks))


# Where the set-up starts from: "how do I start, sitting on the bench or the floor?".
_START = frozenset(phrase_tokens("start starting begin beginning get into"))
_SEATED = frozenset(phrase_tokens("sit sitting seated lie lying"))
_FLOOR_OR_BENCH = frozenset(phrase_tokens("floor bench"))


def starts_set_up(toks: list[str]) -> bool:
    """ "how do I start, sitting on the bench or the floor?": where the set-up starts from."""
    words = set(toks)
    return bool(words & _START and (words & _SEATED or words >= _FLOOR_OR_BENCH))


def _felt_elsewhere(toks: list[str]) -> bool:
    """A complaint that another place does the glutes' work: "my knees feel it more than my
    glutes". Asked as a question ("does it work hamstrings more than glutes") it is not one."""
    if not toks or toks[0] in _ASKING or not set(toks) & _FIRST_PERSON or not set(toks) & _AGAINST:
        return False
    glute = next((i for i, t in enumerate(toks) if t in _GLUTES), None)
    other = next((i for i, t in enumerate(toks) if t in _BODY and t not in _GLUTES), None)
    return glute is not None and other is not None and other < glute


def _asks_yes_no(toks: list[str]) -> bool:
    return tuple(toks[:2]) in _YES_NO_OPENINGS


class TopicScorer:
    def __init__(self) -> None:
        self._cues: dict[tuple[str, ...], dict[Topic, float]] = defaultdict(dict)
        for topic, phrases in CUES.items():
            for phrase, weight in phrases.items():
                # "tip" and "tips" stem alike: one phrase, counted once, at its higher weight.
                weights = self._cues[phrase_tokens(phrase)]
                weights[topic] = max(weight, weights.get(topic, 0.0))
        self._longest = max(len(p) for p in self._cues)
        # Words that are a cue on their own; a word inside a phrase ("add a band") is not.
        self.words = frozenset(phrase[0] for phrase in self._cues if len(phrase) == 1)

    def single_word_weights(self, topic: Topic) -> dict[str, float]:
        """The one-word cues of a topic and their weights."""
        return {p[0]: w[topic] for p, w in self._cues.items() if len(p) == 1 and topic in w}

    def score(self, toks: list[str]) -> dict[Topic, float]:
        matches: list[tuple[int, int, tuple[str, ...]]] = []
        for start in range(len(toks)):
            for size in range(1, self._longest + 1):
                phrase = tuple(toks[start : start + size])
                if len(phrase) == size and phrase in self._cues:
                    matches.append((start, start + size, phrase))
        scores: dict[Topic, float] = defaultdict(float)
        for start, end, phrase in matches:
            if self._shadowed(start, end, matches):
                continue
            negated = any(t in _NEGATORS for t in toks[max(0, start - 2) : start])
            negated = negated and phrase[0] not in _NEGATORS
            for topic, weight in self._cues[phrase].items():
                if negated and topic not in _NEGATION_PROOF:
                    continue
                scores[topic] += weight
        # "a protein shake", "a quick burn": a fault needs someone it happens to.
        if not (set(toks) & (_FIRST_PERSON | _BODY | _PAINFUL)):
            scores.pop(Topic.TROUBLESHOOT, None)
        return dict(scores)

    @staticmethod
    def shape(toks: list[str]) -> dict[Topic, float]:
        """Cues in the shape of a sentence rather than in one phrase."""
        words = set(toks)
        out: dict[Topic, float] = {}
        if how_it_goes(toks):
            out[Topic.STEPS] = 4.0  # "how does this one work", "two up one down how"
        elif _not_one_rep(toks):
            out[Topic.VARIATIONS] = 3.0  # "too hard, can't even do one rep": an easier one
        elif prescription(toks) is not None:
            out[Topic.PROGRAMMING] = 3.0  # "is 3x10 ok", "4 sets of 15 too much?"
        if words & _FIRST_PERSON and words & _FEEL and words & _BODY and not words & _NORMATIVE:
            out[Topic.TROUBLESHOOT] = 3.0  # "I feel nothing in my butt"
        elif _felt_elsewhere(toks):
            out[Topic.TROUBLESHOOT] = 3.0  # "my lower back works harder than my booty"
        elif starts_set_up(toks):
            out[Topic.STEPS] = 3.0  # "do I start sitting on the floor or on the bench"
        elif words & _NEGATORS and words & _WORKING and words & _BODY:
            out[Topic.TROUBLESHOOT] = 3.0  # "these arent hitting my glutes at all"
        elif words & _ELSE and words & _WORKING and words & _BODY:
            out[Topic.ALTERNATIVES] = 3.0  # "what else hits hamstrings like that"
        elif words & _BODY and (words & _PLACE or _asks_yes_no(toks)):
            # "where do my feet go", "should my knee stay bent", "do I lift my hips all the way"
            out[Topic.STEPS] = 1.5
        return out

    @staticmethod
    def _shadowed(start: int, end: int, matches: list[tuple[int, int, tuple[str, ...]]]) -> bool:
        """A cue inside a longer cue is part of that phrase ("set" in "set up")."""
        return any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in matches)
