"""Word sets that signal what a question asks: pain, a direction, a set-up, help, a feeling."""

from __future__ import annotations

from itertools import pairwise

from bot.answers.exercises import phrase_tokens

PAIN = frozenset(
    phrase_tokens(
        "pain painful hurt hurts hurting ache aching sharp injury injured injure sore tweak "
        "tweaked strain strained numb tingle tingling pinch pinches bruise bruised agony ouch ow "
        "killing"
    )
)
EASIER = frozenset(
    phrase_tokens("easier simpler regress regression beginner gentler lighter cant struggle")
)
HARDER = frozenset(
    phrase_tokens("harder tougher progress progression advanced challenging next level")
)
SETUP = frozenset(phrase_tokens("setup set up position start starting"))
VERSION = frozenset(phrase_tokens("version variant variation one kind"))
# "is that ok", "is it normal", "is that bad": asking whether a feeling is expected.
NORMAL = frozenset(phrase_tokens("normal ok okay fine bad alright expected usual"))
# Words that compare one exercise with another even when only one is named.
COMPARING = frozenset(
    phrase_tokens("vs versus difference differ different compare compared comparison or")
)
# A working muscle is felt: "is it normal to feel this in my hammies", "burning too?".
FEELING = frozenset(
    phrase_tokens("feel feels feeling felt burn burns burning working work sore soreness doms")
)
# Words that say the question is about glute work, the exercises here.
GLUTE = frozenset(phrase_tokens("glute glutes booty bum butt"))
# "physio gave me 3x10 bridges": a plan someone who knows the person set; it comes first.
PRESCRIBERS = {
    "physio": "physio", "physiotherapist": "physio", "therapist": "therapist", "pt": "PT",
    "doctor": "doctor", "doc": "doctor", "gp": "doctor", "surgeon": "surgeon",
}  # fmt: skip
PRESCRIBING = frozenset(
    phrase_tokens("gave give given told prescribed assigned recommended set wants wanted put")
)


# "why?", "how come", "why is that bad", "why does it matter": a reason asked for, and no more.
_WHY = frozenset(phrase_tokens("why whys"))
_BARE_WHY = frozenset(
    phrase_tokens(
        "why whys how come is it its that thats this does do did would be so bad a an the problem "
        "issue matter matters important big deal but and though tho exactly really then ok okay "
        "wrong such"
    )
)


_HOW_COME = phrase_tokens("how come")


def bare_why(toks: list[str]) -> bool:
    """Nothing but a why: the reason for what was just said is asked."""
    words = set(toks)
    how_come = any(pair == _HOW_COME for pair in pairwise(toks))
    return bool(words & _WHY or how_come) and words <= _BARE_WHY


# "which is harder", "is it easier than", "better for a beginner": how hard, asked of a pair.
_HARDER_ASKED = frozenset(
    phrase_tokens("harder tougher difficult demanding challenging advanced intense brutal")
)
_EASIER_ASKED = frozenset(phrase_tokens("easier simpler gentler lighter"))
_NEWCOMER = frozenset(phrase_tokens("beginner beginners novice newbie newbies newcomer"))
_LESS = frozenset(phrase_tokens("less least"))


def difficulty(toks: list[str]) -> str | None:
    """ "which is tougher" -> "harder"; "easier than", "less demanding" -> "easier";
    "better for a beginner" -> "beginner"; None when the question weighs up something else."""
    words = set(toks)
    if words & _NEWCOMER:
        return "beginner"
    less = bool(words & _LESS)
    if words & _EASIER_ASKED:
        return "harder" if less else "easier"
    if words & _HARDER_ASKED:
        return "easier" if less else "harder"
    return None


SIDES = frozenset(phrase_tokens("left right side sides leg legs other"))


def sides_compared(toks: list[str]) -> bool:
    """ "left side way weaker than right": "than" between two sides, not two exercises."""
    if "than" not in toks:
        return False
    i = toks.index("than")
    return bool(set(toks[:i]) & SIDES) and bool(set(toks[i + 1 : i + 3]) & SIDES)


def prescriber(toks: list[str]) -> str | None:
    """ "my physio gave me 3x10" -> "physio": who set the plan, if the question says so."""
    if not set(toks) & PRESCRIBING:
        return None
    return next((PRESCRIBERS[t] for t in toks if t in PRESCRIBERS), None)


HELP = frozenset(
    phrase_tokens(p)
    for p in (
        "help", "help me", "help please", "what can you do", "what can i ask", "what can i ask you",
        "commands", "how do i use this", "how do i use you", "how do i log", "how to log",
        "how do i log a set", "menu", "what do you do",
    )
)  # fmt: skip


# "ok it's easy now", "once I've mastered it": the exercise in talk has been outgrown.
_MASTERED = frozenset(phrase_tokens("master mastered mastering nailed outgrown"))
_NOW = frozenset(phrase_tokens("now already"))


def outgrown(toks: list[str]) -> bool:
    words = set(toks)
    return bool(words & _MASTERED or ("easy" in words and words & _NOW))


def direction(toks: list[str]) -> list[str]:
    """ "easier", "too hard" -> ["easier"]; "harder", "too easy" -> ["harder"]; else []."""
    words = set(toks)
    too = "too" in words
    if words & EASIER or (too and words & {"hard", "difficult", "heavy"}):
        return ["easier"]
    if words & HARDER or (too and words & {"easy", "light"}):
        return ["harder"]
    return []
