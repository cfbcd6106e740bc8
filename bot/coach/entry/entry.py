"""One typed line at a step where reps are asked: a set, a load, a correction, a command, or not."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.coach.entry import loads
from bot.coach.entry.loads import BODYWEIGHT_WORDS, EQUIPMENT, NUMBER, UNIT, Load
from bot.coach.entry.phrases import (
    Correction,
    Phrase,
    correction,
    phrase,
    skip_with_reason,
    stop_with_reason,
)
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
from bot.coach.entry.side_words import both_sides, drop_per_side, names_both, spell_sides, two_sides
from bot.coach.entry.tags import reports_pain
from bot.coach.entry.typed_text import NOTE_MAX, REPS_MAX, TEXT_MAX, as_float, normalise, plain
from bot.coach.ports import Side, Unit

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
    r"decreas(?:e|ed|ing)\s+to|grab(?:bed|bing)?|picked up|picking up|"
    r"(?:now\s+)?(?:holding|hold|held|carrying|wearing|resting)|going|goin|doing|using)"
)
# What may follow a weight and say when it counts: "now", "next set", "from here".
_TRAIL = (
    r"(?:\s*(?:now|from now on|this set|for this set|for the rest|please|instead|"
    r"(?:for\s+|on\s+|from\s+)?(?:the\s+)?next\s+(?:set|sets|one|round)|from here(?: on)?|"
    r"going forward|for the rest of the sets|lol|i think|today|this time|for today))*[\s.!]*"
)
_LOAD_ALONE = re.compile(
    rf"^(?P<lead>{_LEAD}\s*[:=]?\s*(?:(?:a|an|the|my)\s+)?)?{NUMBER}\s*{UNIT}?"
    rf"{EQUIPMENT}{{0,2}}{_TRAIL}$"
)
_BODYWEIGHT_ALONE = re.compile(rf"^(?:{_LEAD}\s*)?{BODYWEIGHT_WORDS}{_TRAIL}$")
_UP_DOWN = (
    r"(?:going|go|went|gone|moving|move|moved|bump(?:ed|ing)?(?:\s+it)?|stepping|step|"
    r"dropp?(?:ing|ed)?(?:\s+it)?|coming|come|came)"
)
_RELATIVE = re.compile(
    rf"^(?:(?P<sign>[+-])|(?P<word>(?:(?:i\s+)?(?:just\s+)?(?:add|adding|added|put on|putting on|"
    rf"threw on|throwing on|stuck on|slapped on)|plus|minus|drop|dropping|dropped|remove|"
    rf"removing|removed|take off|taking off|took off|{_UP_DOWN}\s+(?:up|down)(?:\s+by)?|"
    rf"up|down|up by|down by|another|extra)(?:\s+(?:a|an|another))?))\s*"
    rf"{NUMBER}\s*{UNIT}?{EQUIPMENT}?(?:\s+(?:more|less|on|off|extra))?{_TRAIL}$"
)

_DOWN_WORDS = re.compile(r"minus|drop|remov|take off|taking off|took off|down")
# A pair of dumbbells by their weight: "the 30s", "the 20's".
_DUMBBELLS = re.compile(r"\bthe\s+([0-9]+(?:[.,][0-9]+)?)'?s\b", re.IGNORECASE)


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
    said = phrase(plain(text)) or phrase(norm)  # "wrong one" before "one" is a count
    if said is not None:
        return _command(said, norm.lower(), context)
    command = _command_with_reason(norm, plain(text))
    if command is not None:
        return command
    pair = _BARE_PAIR.fullmatch(text.strip())
    if pair:  # typed as two numbers, not "9 tough one" read as "9 tough 1"
        return _two_numbers(int(pair["a"]), pair["b"], context)
    norm = drop_per_side(spell_sides(norm))
    corrected = correction(norm)
    if corrected is not None:
        return _correction(corrected, context)
    low = norm.lower()
    if _QUESTION_START.match(low) or (low.endswith("?") and not re.match(r"[0-9x@]", low)):
        return None
    unsure = _EITHER.match(low)
    if unsure is not None:  # "8 or 9, cant remember": which one is asked, never guessed
        return _either(int(unsure["a"]), int(unsure["b"]), context)
    low = _DUMBBELLS.sub(r"\1", low)  # "with the 30s": the pair of 30s
    norm = _DUMBBELLS.sub(r"\1", norm)
    slang = _plate_slang(norm, context)
    if slang is not None:
        return slang
    load = _load_alone(low, context) or _weight_first(low, context)
    if load is not None:
        return load
    if re.fullmatch(r"[0-9]+[.,][0-9]{1,2}", low):
        return _weight_or_not(low, context, "Reps are whole numbers.")
    if re.fullmatch(r"[0-9]+'?s", low):  # "45s": a pair of dumbbells, or a plate
        return _weight_or_not(low.rstrip("s'"), context, "")
    return _set(norm, low, context)


# Two numbers and nothing else: "10 12".
_BARE_PAIR = re.compile(r"(?P<a>[0-9]{1,3})\s+(?P<b>[0-9]{1,3}(?:[.,][0-9]{1,2})?)[.!]*")


def _two_numbers(reps: int, second: str, context: Context) -> Entry:
    """ "10 12": the reps and the weight, or a slip? Asked, never logged as a count and a note."""
    if not 1 <= reps <= REPS_MAX:
        return Refused("Type the reps you did, like 10, or 10 @ 12.5kg with the weight.")
    options = []
    weight = loads.check(as_float(second), context.unit)
    if isinstance(weight, Load):
        options.append(Option(f"{reps} @ {weight.text()}", SetAnswer(reps, weight)))
    options += [Option(f"Log {reps}", SetAnswer(reps)), Option("No", None)]
    what = "reps and weight" if isinstance(weight, Load) else "which is the count"
    return Confirm(f"{reps} and {second}: {what}?", tuple(options))


_EITHER = re.compile(
    r"^(?:maybe\s+|like\s+)?(?P<a>[0-9]{1,3})\s+or\s+(?P<b>[0-9]{1,3})\b(?!\s*(?:kg|lb))"
)


def _either(a: int, b: int, context: Context) -> Confirm | Refused:
    """Two counts with an "or": the lifter is not sure; which one they did is asked."""
    if not (1 <= a <= REPS_MAX and 1 <= b <= REPS_MAX) or a == b:
        return Refused("Type the reps you did, like 10.")
    options = (Option(f"Log {a}", SetAnswer(a)), Option(f"Log {b}", SetAnswer(b)))
    return Confirm(f"{a} or {b}? Tap the one you did.", options)


def _set(norm: str, low: str, context: Context) -> Entry | None:
    """A count and what came with it, one leg or both; pain said with no count."""
    both = two_sides(low, context)
    if both is None and names_both(low):
        reps = int(low.split()[0])
        both = ({Side.LEFT: reps, Side.RIGHT: reps}, "")
    if both is not None:
        counts, rest = both
        first = read_set(f"{counts.get(context.side, 1)}{rest}", context)
        return both_sides(counts, first, context) if isinstance(first, SetAnswer) else first
    found = read_set(norm, context)
    if isinstance(found, SetAnswer):
        return _checked(found, context, bare=bool(re.fullmatch(r"[0-9]+", low)))
    if found is not None:
        return found
    if reports_pain(norm):
        return PainReport(norm[:NOTE_MAX])
    return None


def _command_with_reason(norm: str, typed: str) -> Entry | None:
    """ "stop, knee hurts" (a stop for pain), "no right today, knee", "bench is taken, skip
    this one", "no band today" (a skip and why)."""
    reason = stop_with_reason(norm)
    if reason is not None:
        return Stop(reason[:NOTE_MAX], reports_pain(reason))
    if _QUESTION_START.match(typed.lower()):
        return None  # "should I skip this if my knee hurts?" is for the answerer
    skipped = skip_with_reason(typed)
    # Pain is no reason to skip a side: it stops the workout (read further on).
    if skipped is None or reports_pain(skipped[1]):
        return None
    named, why = skipped
    return Skip(Side(named) if named else None, why[:NOTE_MAX] or None)


def _command(said: Phrase, low: str, context: Context) -> Entry:
    if said is Phrase.UNDO:
        return Undo()
    if said is Phrase.STOP:
        return Stop()
    if said is Phrase.READY:
        return Ready()
    if said is Phrase.TARGET:
        return SetAnswer(context.target)
    if said is Phrase.SAME:  # the last count again, asked like a typed one when far off
        return _checked(SetAnswer(context.last or context.target), context, bare=False)
    if said is Phrase.REST_OR_STOP:
        if not context.waiting:
            return Stop()  # at a set, "the rest" can only be the sets left
        return Confirm(
            "Skip the rest before the next set, or stop the workout?",
            (Option("Next set now", Ready()), Option("Stop the workout", Stop())),
        )
    named = re.search(r"\b(left|right)\b", low)  # "skip left": which side the lifter means
    if named and context.side is not Side.BOTH and named[1] != context.side.value:
        return Refused(
            f"Your {context.side.value} leg is up now: type its reps, or skip it; skip the "
            f"{named[1]} one when it's asked."
        )
    if named:
        return Skip(Side(named[1]))
    # "skip set 2", "skip this one" in the rest skip the awaited side, not the rest.
    named_side = context.waiting and re.search(r"\b(?:side|leg|one|1)\b", low)
    return Skip(context.side if named_side or re.search(r"\bset\b", low) else None)


def _correction(corrected: Correction, context: Context) -> Entry:
    found = read_set(corrected.rest, context)
    if found is None:
        return Refused("Type the corrected reps, like I meant 9.")
    if isinstance(found, Refused):
        return found
    if isinstance(found, Confirm):  # "I meant 3x10": no one set to put in its place
        return Refused("Type the corrected reps of that one set, like I meant 9.")
    side = Side(corrected.side) if corrected.side else found.side
    return Replace(replace(found, side=side), corrected.set_number, corrected.was)


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
        down = found["sign"] == "-" or bool(_DOWN_WORDS.search(found["word"] or ""))
        sign = "-" if down else "+"
        unit = loads.unit_of(found["unit"], context.load.unit)
        current = Load(None, unit) if context.load.value is None else context.load
        moved = loads.relative(current, sign, float(found["value"].replace(",", ".")), unit)
        return Refused(moved) if isinstance(moved, str) else LoadChange(moved)
    return None


# A number with a unit straight after it is a weight, never a count: "12kg on the left",
# "8kg felt heavy". With no other number in the line it changes the load and logs nothing.
_WEIGHT_FIRST = re.compile(rf"^{NUMBER}\s*{UNIT}(?![0-9a-z])(?P<rest>[^0-9]*)$")


def _weight_first(low: str, context: Context) -> LoadChange | Refused | None:
    found = _WEIGHT_FIRST.match(low)
    if not found or _QUESTION_START.match(found["rest"].strip()):
        return None
    checked = loads.check(as_float(found["value"]), loads.unit_of(found["unit"], context.unit))
    return Refused(checked) if isinstance(checked, str) else LoadChange(checked)


# Plates said by name, in pounds: "a plate" is a 45 (lb), "a quarter" a 25 — a guess, so asked.
_PLATE_NAMES = re.compile(r"\b(?:a|one|1|single)\s+(?P<what>plate|quarter)\b", re.IGNORECASE)
_PLATE_LB = {"plate": 45.0, "quarter": 25.0}
_WEIGHT_SAID = re.compile(rf"[0-9]\s*{UNIT}(?![a-z])", re.IGNORECASE)


def _plate_slang(norm: str, context: Context) -> Entry | None:
    found = _PLATE_NAMES.search(norm)
    if found is None or _WEIGHT_SAID.search(norm):
        return None  # a plate with its weight said ("a 20kg plate") is read as typed
    if context.unit is not Unit.LB:  # in kilograms no plate has a name's weight
        if found["what"].lower() != "plate":
            return None  # "a quarter of the way down" is a note
        return Refused("How heavy is the plate? Type its weight, like 10 @ 20kg.")
    weight = Load(_PLATE_LB[found["what"].lower()], Unit.LB)
    said = norm[: found.start()] + f"{weight.value:g} lb" + norm[found.end() :]
    read = read_entry(said, context)
    if isinstance(read, SetAnswer) and read.load == weight:
        current = replace(read, load=None)
        if weight == context.load:  # the weight in use already: nothing to ask
            return current
        return Confirm(
            f"{read.reps} @ {weight.text()}? That's what a {found['what'].lower()} weighs.",
            (Option(f"Log {read.reps} @ {weight.text()}", read),
             Option(f"Log {read.reps} @ {context.load.text()}", current), Option("No", None)),
        )  # fmt: skip
    if isinstance(read, LoadChange) and read.load == weight:
        return Confirm(
            f"{weight.text()} from now? That's what a {found['what'].lower()} weighs.",
            (Option(f"{weight.text()} from now", read), Option("No", None)),
        )
    return None


def _weight_or_not(low: str, context: Context, why: str) -> Confirm | Refused:
    """A bare decimal (`12.5`) is no count of reps; at plate precision it may be the weight."""
    weight = loads.check(float(low.replace(",", ".")), context.unit)
    if not isinstance(weight, Load):
        return Refused("Type the number of reps as a whole number, like 10.")
    return Confirm(
        f"Is {weight.text()} the new weight? {why}".strip(),
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
    jump = _far_load(answer, context)
    if jump is not None:
        return jump
    reps, target = answer.reps, context.target
    near = reps < FAR_FACTOR * target and reps <= FAR_REPS
    if near and bare and reps * 2 >= target * 3 and _is_current_load(reps, context):
        weight = Load(float(reps), context.unit)  # `20` at 20 kg for 8 reps: the weight?
        meant = replace(answer, reps=target)
        return Confirm(
            f"{reps} reps? You're at {weight.text()} for {target}.",
            (Option(f"Log {reps}", answer), Option(f"I meant {target}", meant), Option("No", None)),
        )
    if near:
        return answer
    tenth = reps // 10  # 100 for a target of 10: one 0 too many
    guess = tenth if reps % 10 == 0 and abs(tenth - target) <= target / 2 else target
    options = [
        Option(f"Log {reps}", answer),
        Option(f"I meant {guess}", replace(answer, reps=guess)),
    ]
    if bare and isinstance(typed := loads.check(float(reps), context.unit), Load):
        options.append(Option(f"{typed.text()} is the weight", LoadChange(typed)))
    return Confirm(f"{reps} reps? The target is {target}.", tuple(options))


def _is_current_load(number: int, context: Context) -> bool:
    value = context.load.value
    if value is None:
        return False
    here = loads.kilograms(value, context.load.unit)
    typed = loads.kilograms(float(number), context.unit)
    return abs(here - typed) < 0.01


def _far_load(answer: SetAnswer, context: Context) -> Confirm | None:
    """A load over three times the current one, or under a third, is asked: `10 @ 100` at 10 kg."""
    new, current = answer.load, context.load
    if new is None or new.value is None or current.value is None:
        return None
    ratio = loads.kilograms(new.value, new.unit) / loads.kilograms(current.value, current.unit)
    if 1 / FAR_FACTOR <= ratio <= FAR_FACTOR:
        return None
    return Confirm(
        f"{answer.reps} @ {new.text()}? You were at {current.text()}.",
        (Option(f"Log {answer.reps} @ {new.text()}", answer),
         Option(f"Log {answer.reps} @ {current.text()}", replace(answer, load=None)),
         Option("No", None)),
    )  # fmt: skip
