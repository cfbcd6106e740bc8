"""One typed line at a step where reps are asked: a set, a load, a correction, a command, or not."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.coach.entry import loads
from bot.coach.entry.loads import BODYWEIGHT_WORDS, NUMBER, UNIT, Load
from bot.coach.entry.phrases import Phrase, correction, phrase, stop_with_reason
from bot.coach.entry.results import (
    Confirm,
    Context,
    Entry,
    LoadChange,
    Option,
    PainReport,
    Ready,
    Refused,
    Replace,
    SetAnswer,
    Skip,
    Stop,
    Undo,
)
from bot.coach.entry.sets import read_set
from bot.coach.entry.tags import reports_pain
from bot.coach.entry.text import NOTE_MAX, TEXT_MAX, normalise
from bot.coach.ports import Side

# A count this far from the target is more likely a slip than a set: three times it, or over 50.
FAR_FACTOR = 3
FAR_REPS = 50

_QUESTION_START = re.compile(
    r"^(?:how|what|whats|why|when|where|which|who|should|shall|can|could|is|are|am|do|does|did i|"
    r"will|would|any|tips?|tell me|explain|help|was that|was it)\b"
)
_LEAD = (
    r"(?:@|at|now|use|using|with|on|new weight|weight(?:\s+is)?|load|"
    r"switch(?:ing|ed)?\s+to|go(?:ing)?\s+(?:up\s+|down\s+)?to|up\s+to|down\s+to|"
    r"moved?\s+(?:up\s+|down\s+)?to|moving\s+(?:up\s+|down\s+)?to|chang(?:e|ed|ing)\s+"
    r"(?:the\s+)?(?:weight\s+|load\s+)?to|bump(?:ed|ing)?\s+(?:it\s+)?(?:up\s+)?to|"
    r"dropp?(?:ed|ing)?\s+(?:it\s+)?(?:down\s+)?to|increas(?:e|ed|ing)\s+to|"
    r"decreas(?:e|ed|ing)\s+to)"
)
_TRAIL = r"(?:\s*(?:now|from now on|this set|for this set|for the rest|please|instead))?[\s.!]*"
_LOAD_ALONE = re.compile(rf"^(?P<lead>{_LEAD}\s*[:=]?\s*)?{NUMBER}\s*{UNIT}?{_TRAIL}$")
_BODYWEIGHT_ALONE = re.compile(rf"^(?:{_LEAD}\s*)?{BODYWEIGHT_WORDS}{_TRAIL}$")
_RELATIVE = re.compile(
    rf"^(?:(?P<sign>[+-])|(?P<word>add|plus|minus|drop|remove|take off|up|down))\s*"
    rf"{NUMBER}\s*{UNIT}?(?:\s+(?:more|less|on|off))?{_TRAIL}$"
)

_DOWN_WORDS = ("minus", "drop", "remove", "take off", "down")


def read_entry(text: str, context: Context) -> Entry | None:
    """What a line typed at a set prompt (or during the switch or rest) means; None: not a set.

    None is a question or chatter for the answerer. Nothing here changes anything: the caller
    logs, asks or refuses according to the result.
    """
    if len(text) > TEXT_MAX:
        return None
    norm = normalise(text)
    if not norm:
        return None
    said = phrase(norm)
    if said is not None:
        return _command(said, norm.lower(), context)
    reason = stop_with_reason(norm)
    if reason is not None:
        return Stop(reason[:NOTE_MAX], reports_pain(reason))
    corrected = correction(norm)
    if corrected is not None:
        return _correction(*corrected, context)
    low = norm.lower()
    if _QUESTION_START.match(low) or (low.endswith("?") and not re.match(r"[0-9x@]", low)):
        return None
    load = _load_alone(low, context)
    if load is not None:
        return load
    if re.fullmatch(r"[0-9]+[.,][0-9]{1,2}", low):
        return _weight_or_not(low, context)
    found = read_set(norm, context)
    if isinstance(found, SetAnswer):
        return _checked(found, context, bare=bool(re.fullmatch(r"[0-9]+", low)))
    if found is not None:
        return found
    if reports_pain(norm):
        return PainReport(norm[:NOTE_MAX])
    return None


def _command(said: Phrase, low: str, context: Context) -> Entry:
    if said is Phrase.UNDO:
        return Undo()
    if said is Phrase.STOP:
        return Stop()
    if said is Phrase.READY:
        return Ready()
    if said is Phrase.TARGET:
        return SetAnswer(context.target)
    named = re.search(r"\b(left|right)\b", low)  # "skip left": which side the lifter means
    return Skip(Side(named[1]) if named else None)


def _correction(rest: str, side_word: str | None, context: Context) -> Entry:
    found = read_set(rest, context)
    if found is None:
        return Refused("Type the corrected reps, like I meant 9.")
    if isinstance(found, Refused):
        return found
    side = Side(side_word) if side_word else found.side
    return Replace(replace(found, side=side))


def _load_alone(low: str, context: Context) -> LoadChange | Refused | None:
    """A weight with nothing else: `12 kg`, `@15kg`, `going up to 12.5`, `+2.5kg`, `bw`."""
    if _BODYWEIGHT_ALONE.match(low):
        return LoadChange(Load(None, context.unit))
    found = _LOAD_ALONE.match(low)
    if found and (found["unit"] or found["lead"]):
        checked = loads.check(float(found["value"].replace(",", ".")),
                              loads.unit_of(found["unit"], context.unit))  # fmt: skip
        return Refused(checked) if isinstance(checked, str) else LoadChange(checked)
    found = _RELATIVE.match(low)
    if found and (found["sign"] != "-" or found["unit"]):
        down = found["sign"] == "-" or found["word"] in _DOWN_WORDS
        sign = "-" if down else "+"
        unit = loads.unit_of(found["unit"], context.load.unit)
        current = Load(None, unit) if context.load.value is None else context.load
        moved = loads.relative(current, sign, float(found["value"].replace(",", ".")), unit)
        return Refused(moved) if isinstance(moved, str) else LoadChange(moved)
    return None


def _weight_or_not(low: str, context: Context) -> Confirm | Refused:
    """A bare decimal (`12.5`) is no count of reps; at plate precision it may be the weight."""
    weight = loads.check(float(low.replace(",", ".")), context.unit)
    if not isinstance(weight, Load):
        return Refused("Type the number of reps as a whole number, like 10.")
    return Confirm(
        f"Is {weight.text()} the new weight? Reps are whole numbers.",
        (Option(f"{weight.text()} from now", LoadChange(weight)), Option("No", None)),
    )


def _checked(answer: SetAnswer, context: Context, bare: bool) -> Entry:
    """Ask before logging a count far from the target or a side other than the awaited one."""
    if answer.side is not None and answer.side is not context.side:
        if context.side is Side.BOTH:
            return Refused("This one works both legs together: type the reps alone, like 12.")
        named, awaited = answer.side.value, context.side.value
        return Confirm(
            f"Your {named} leg? I was waiting for the {awaited} one.",
            (Option(f"Log as {named}", answer), Option(f"Log as {awaited}",
                                                        replace(answer, side=context.side))),
        )  # fmt: skip
    reps, target = answer.reps, context.target
    if reps < FAR_FACTOR * target and reps <= FAR_REPS:
        return answer
    tenth = reps // 10  # 100 for a target of 10: one 0 too many
    guess = tenth if reps % 10 == 0 and abs(tenth - target) <= target / 2 else target
    options = [
        Option(f"Log {reps}", answer),
        Option(f"I meant {guess}", replace(answer, reps=guess)),
    ]
    if bare and isinstance(weight := loads.check(float(reps), context.unit), Load):
        options.append(Option(f"{weight.text()} is the weight", LoadChange(weight)))
    return Confirm(f"{reps} reps? The target is {target}.", tuple(options))
