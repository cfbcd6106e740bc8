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
    phrase_tokens(
        "easier easiest simpler simplest regress regression beginner gentler lighter cant struggle"
    )
)
HARDER = frozenset(
    phrase_tokens(
        "harder hardest tougher toughest progress progression advanced challenging next level"
    )
)
SETUP = frozenset(phrase_tokens("setup set up position start starting begin beginning"))
VERSION = frozenset(phrase_tokens("version variant variation one kind"))
# "is that ok", "is it normal", "is that bad": asking whether a feeling is expected.
NORMAL = frozenset(phrase_tokens("normal ok okay fine bad alright expected usual"))
# "is my lower back supposed to be working", "should I feel it in my hamstrings": expected?
EXPECTED = frozenset(phrase_tokens("supposed suppose meant should"))
# As typed, not stemmed: "be working" is a muscle at work, "do glute work" is a plan.
_WORKING_NOW = frozenset({
    "feel", "feels", "feeling", "felt", "burn", "burns", "burning", "working", "worked", "firing",
    "activating",
})  # fmt: skip


def working_now(surface: list[str]) -> bool:
    """ "be working", "meant to work", "burn": a muscle at work in the set, typed words."""
    return bool(set(surface) & _WORKING_NOW) or any(
        a in ("to", "be") and b in ("work", "works") for a, b in pairwise(surface)
    )


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
        "wrong such even actually happen happens should i care much"
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


# "the two legged one", "double leg", "with both feet": the two-leg version of a one-leg lift.
_TWO = frozenset(phrase_tokens("two double"))
_BOTH = frozenset(phrase_tokens("both"))
_LEGS = frozenset(phrase_tokens("leg legs legged foot feet"))
_USING = frozenset(phrase_tokens("with using"))
_ON = frozenset(phrase_tokens("on"))
_PLANTED = frozenset(phrase_tokens("floor ground flat plant planted"))
_FEET = frozenset(phrase_tokens("foot feet"))
_BILATERAL = frozenset(phrase_tokens("bilateral"))
_DOWN = phrase_tokens("down")


def two_legged(toks: list[str]) -> tuple[int, int] | None:
    """Where a question says "on two legs" (start, end), or None. "Both legs" only counts with
    "with" or "using" before it: "the same reps on both legs" is one exercise, both sides."""
    for i, tok in enumerate(toks):
        if tok in _BILATERAL:
            return i, i + 1
        if i + 1 >= len(toks) or toks[i + 1] not in _LEGS:
            continue
        # "two feet on the floor" is the set-up; "on two feet", "with both feet" a version.
        before = toks[i - 1] if i else ""
        both = tok in _BOTH and before in _USING
        two = tok in _TWO and (toks[i + 1] not in _FEET or before in _USING | _ON)
        rest = toks[i + 2 : i + 5]
        planted = bool(set(rest) & _PLANTED)  # "two feet on the floor", "both feet flat"
        if (both or two) and not planted:
            end = i + 2 + (tuple(toks[i + 2 : i + 3]) == _DOWN)
            return (i - 1 if tok in _BOTH else i), end
    return None


# Loading asked three ways: when to go heavier, where the weight sits, how it goes on at all.
_WHEN = frozenset(phrase_tokens("when time ready soon yet know"))
_MORE = frozenset(
    phrase_tokens("add adding heavier increase increasing more up bump raise progress")
)
WHERE = frozenset(phrase_tokens("where wheres"))
_PLACED = frozenset(phrase_tokens("hold put place position sit sits rest balance steady"))
_PUTTING = frozenset(phrase_tokens("put putting use using start starting"))
_HOW = frozenset(phrase_tokens("how way can"))
_ADDING = frozenset(phrase_tokens("add adding load loaded"))
_HOW_MUCH = frozenset(phrase_tokens("much heavy heavier kg kgs lb lbs pound light big small"))
_WHICH = frozenset(phrase_tokens("what which"))
_A_WEIGHT = frozenset(phrase_tokens("weight dumbbell kettlebell plate size load"))


def loading(toks: list[str]) -> str | None:
    """ "when do I add weight" -> "raise" (go heavier); "where does the dumbbell sit", "how do I
    hold the weight" -> "place"; "how do I add weight", "can I load it" -> "add" (how it goes
    on); None for anything else ("how heavy", "what weight")."""
    words = set(toks)
    if words & _WHEN and words & (_MORE | _PUTTING) and not words & WHERE:
        return "raise"  # "when should I start putting weight on"
    if words & WHERE or (words & _HOW and words & _PLACED):
        return "place"  # "how do I hold it": the how of a place, not of loading at all
    which = any(a in _WHICH and b in _A_WEIGHT for a, b in pairwise(toks))  # "what weight"
    if words & _HOW and words & _ADDING and not words & _HOW_MUCH and not which:
        return "add"
    return None


# "when do I move on", "am I ready for the full one", "when can I progress to single leg".
MOVE_TIMING = frozenset(phrase_tokens("when ready time know soon"))
READY = frozenset(phrase_tokens("ready"))
_ONWARD = frozenset(phrase_tokens("move moving progress advance graduate transition upgrade"))
# "see progress", "make progress": the noun, not the step to the next exercise.
_NOT_ONWARD = frozenset(phrase_tokens("see notice any some my make making no real"))
# "the next step", "the full one": said of the exercise to move on to, not "the next session"
# or "the full range".
_NEXT_OR_FULL = frozenset(phrase_tokens("next full"))
_STEP_ON = frozenset(
    phrase_tokens("step level one ones exercise version variation progression stage single thing")
)


def onward(toks: list[str]) -> bool:
    """ "when do I move on", "ready to progress", "the next step", "the full one"."""
    for i, tok in enumerate(toks):
        before = toks[i - 1] if i else ""
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if tok in _ONWARD and before not in _NOT_ONWARD:
            return True
        if tok in _NEXT_OR_FULL and after in _STEP_ON:
            return True
    return False


# "when do I switch to single leg": a switch said toward a named exercise ("switch legs" is not).
SWITCH = frozenset(phrase_tokens("switch change go jump"))
# Moving the weight on is loading, not the next exercise: "when do I progress the weight".
LOAD_WORDS = frozenset(
    phrase_tokens("weight weights load heavier dumbbell kettlebell plate barbell bar kg lbs")
)
FROM = frozenset(phrase_tokens("from"))
TOWARD = frozenset(phrase_tokens("to for into onto"))
FULL = frozenset(phrase_tokens("full"))


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


# "how many reps (after the warm-up)", "how many sets": the count itself is asked.
_HOW_MANY = phrase_tokens("how many")
_COUNTED = frozenset(phrase_tokens("rep reps set sets round rounds"))
# A second question in the same line keeps its own fact: "how many sets n how long rest".
_ASKED_BESIDES = frozenset(phrase_tokens("long often when why where much rest tempo pause"))


def counts_asked(toks: list[str]) -> bool:
    """ "how many reps after the warmup": a count named, and nothing else asked."""
    asked = any(
        tuple(toks[i : i + 2]) == _HOW_MANY and set(toks[i + 2 : i + 4]) & _COUNTED
        for i in range(len(toks) - 1)
    )
    return asked and not set(toks) & _ASKED_BESIDES


_THAN = "than"
_THIS_ONE = frozenset(phrase_tokens("one exercise version"))


def than_itself(free: list[str], pronouns: frozenset[str]) -> bool:
    """ "anything harder than this", "easier than this one": one exercise against itself is
    a way to go (variations), not a comparison."""
    if _THAN not in free or not direction(free):
        return False
    after = free[free.index(_THAN) + 1 :]
    return bool(after) and all(t in pronouns or t in _THIS_ONE for t in after)
