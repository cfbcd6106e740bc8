"""A set line as lifters type it: what comes before its count ("set 2:", "left:", "ugh"), and
what follows it (`@ 12.5kg`, `left`, `rpe 8`, `hard`, a note); the count itself is heads.py's."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.coach.entry import loads
from bot.coach.entry.heads import (
    DECIMAL,
    UNIT_WORD,
    WORD_END,
    Head,
    at_number,
    head,
    typed_load,
    which_way,
)
from bot.coach.entry.loads import BODYWEIGHT_WORDS, EQUIPMENT, Load
from bot.coach.entry.results import Confirm, Context, Option, Refused, SetAnswer
from bot.coach.entry.tags import (
    Effort,
    effort_numbers,
    effort_of,
    leading_effort,
    negated_pain,
    piece_spans,
    reports_pain,
)
from bot.coach.entry.typed_text import NOTE_MAX, REPS_MAX, as_float
from bot.coach.ports import Side

_N, _U, _END = DECIMAL, UNIT_WORD, WORD_END

# A label in front of the count, as the coach writes its own lines and lifters copy them:
# "set 2:", "Set 2 · Right · 9 reps", "✅ 10 reps @ 25 lb", "• Left leg: 9".
_BULLET = re.compile(r"^[✅✔☑•·▪►→]+\s*")
_SET_LABEL = re.compile(
    r"^set\s*[0-9]+(?:\s*(?:of|/)\s*[0-9]+)?\s*(?:[:.)·•|-]\s*|\s(?=left|right))"
)
_SIDE_FIRST = re.compile(
    r"^(?P<side>left|right)(?:\s+(?:leg|side))?\s*[:=,·•|-]?\s*(?=[0-9x]|did|got)"
)
# An effort said before the count: "ugh 6", "tough 8", "easy, 12".
_EFFORT_FIRST = re.compile(
    r"^(?:(?:lowkey|kinda|pretty|so|really|super|very|quite|way too|too|bit)\s+)?"
    r"(?P<word>ugh+|argh+|oof+|phew|whew|easy|hard|tough|brutal|heavy|light|grindy)"
    r"\s*[,!.:-]*\s*(?=[0-9])"
)
_FILLER = re.compile(
    r"^(?:(?:ok|okay|yep|yeah|yes|alright|so|and|then|same\s+(?:weight|load))\s*[,!.:-]*\s*"
    r"(?=[0-9x])|(?:i\s+)?(?:did|got|managed|made|completed|hit|finished)(?:\s+only)?|"
    r"only(?:\s+got|\s+did)?|(?:i\s+)?(?:make|do|done)(?=\s*[0-9])|just(?:\s+did)?|"
    r"all(?!\s+but)|that\s+was|total|about|around|approx|~|x(?=\s*[0-9]))\s*"
)
_TAIL_LOAD = re.compile(
    rf"^\s*[,;-]?\s*(?:(?:but|and)\s+)?"
    rf"(?:(?:@|at\b|with\b|w/|w\b|on\b|using\b|used\b|x\b)\s*(?:(?:a|an|the|my)\s+)?)?"
    rf"(?:(?P<v>{_N})\s*(?P<u>{_U}){_END}|(?P<bw>{BODYWEIGHT_WORDS})\b){EQUIPMENT}?"
)
_TAIL_PLUS = re.compile(
    rf"^\s*[,;-]?\s*(?:(?:with|w/|and)\s*)?(?:\+|plus\b|add(?:ed|ing)?\b)\s*(?P<v>{_N})\s*"
    rf"(?P<u>{_U})?{_END}(?:\s+(?:added|extra|on top|more))?"
)
_TAIL_AT = re.compile(rf"^\s*@\s*(?P<v>(?>{_N}))(?!\s*{_U})(?![0-9a-z])")
_BODY = r"(?:knee|hip|glute|ham|hamstring|quad|calf|ankle|foot|back|butt|adductor|groin|hand)"
_TAIL_SIDE = re.compile(
    rf"^\s*[,(:-]?\s*(?:on\s+(?:the\s+|my\s+)?|for\s+(?:the\s+)?)?(?P<side>left|right)"
    rf"(?:\s+(?:leg|side))?\b(?!\s+(?:{_BODY}|in\s+the\s+tank|in\s+me))\s*\)?"
)
_TAIL_FILLER = re.compile(
    r"^\s*,?\s*(?:reps?|r|times|done|completed|total|again|(?:@\s*|at\s+|with\s+)?(?:the\s+)?same"
    r"(?:\s+(?:weight|load))?(?:\s+as\s+(?:before|last(?:\s+(?:time|set))?))?)\b"
)


def _prefix(low: str) -> tuple[int, Side | None, Effort | None]:
    """Where the count starts, past "set 2:", "ugh", "left:", "did", "x"; and the side and the
    effort said first."""
    pos, side, effort = 0, None, None
    bullet = _BULLET.match(low)
    if bullet:
        pos = bullet.end()
    label = _SET_LABEL.match(low[pos:])
    if label:
        pos += label.end()
    said = _EFFORT_FIRST.match(low[pos:])
    if said:
        effort, pos = effort_of(said["word"]) or Effort.HARD, pos + said.end()  # "ughhh"
    named = _SIDE_FIRST.match(low[pos:])
    if named:
        side, pos = Side(named["side"]), pos + named.end()
    while filler := _FILLER.match(low[pos:]):
        if not filler.end():
            break
        pos += filler.end()
    return pos, side, effort


def read_set(text: str, ctx: Context) -> SetAnswer | Confirm | Refused | None:
    """The set a line describes, or why it cannot be logged; None when it is no set."""
    low = text.lower()
    source = text if len(text) == len(low) else low  # the note keeps the case it was typed in
    pos, side, effort = _prefix(low)
    found = head(low[pos:], ctx)
    if not isinstance(found, Head):
        return found if side is None or found is not None else None
    if effort is not None and found.effort is None:
        found = replace(found, effort=effort)
    if found.reps == 0:
        return Refused("0 reps? Type skip if you skipped this one, or the reps you did.")
    if found.reps > REPS_MAX:
        return Refused(f"That's more than {REPS_MAX} reps. Type what you did, like 10.")
    start = pos + found.end
    answer = _tail(source[start:], low[start:], found, side, ctx)
    if found.either_way and isinstance(answer, SetAnswer) and answer.load is not None:
        return which_way(answer, ctx)
    if found.plan_sets is None or not isinstance(answer, SetAnswer):
        return answer
    return Confirm(
        f"{found.plan_sets} sets of {answer.reps}? I log one set at a time: "
        f"log {answer.reps} reps for this one?",
        (Option(f"Log {answer.reps}", answer), Option("No", None)),
    )


@dataclass(frozen=True)
class _Loaded:
    load: Load | None
    rpe: float | None
    cut: int
    maybe_rpe: float | None = None  # `10 @7.5` at 10 kg: a load, or an RPE


def _tail_load(low: str, cut: int, found: Head, ctx: Context) -> _Loaded | Refused:
    """The load after the count: `@ 12.5kg`, `with the 30s`, `+5kg` (added), `@ 9` (an RPE)."""
    load, rpe, maybe = found.load, found.rpe, found.maybe_rpe
    plus = _TAIL_PLUS.match(low[cut:])
    if plus and not plus["u"] and ctx.load.value is not None:
        plus = None  # "10 + 9" at 10 kg is no weight: both legs, or a slip
    if load is None and plus:
        added = _added(as_float(plus["v"]), plus["u"], ctx)
        if isinstance(added, Refused):
            return added
        load, cut = added, cut + plus.end()
    elif load is None and (extra := _TAIL_LOAD.match(low[cut:])):
        checked = Load(None, ctx.unit) if extra["bw"] else typed_load(extra["v"], extra["u"], ctx)
        if isinstance(checked, Refused):
            return checked
        load, cut = checked, cut + extra.end()
    if rpe is None and (at := _TAIL_AT.match(low[cut:])):
        if load is not None:  # `10 @ 12.5kg @9`: the weight is given, so this is an RPE
            read = at_number(found.reps, at["v"], 0, replace(ctx, load=Load(None, ctx.unit)))
        else:  # `1x10 @ 12.5`
            read = at_number(found.reps, at["v"], 0, ctx)
        if isinstance(read, Refused):
            return read
        if read.load is not None and load is not None:
            return Refused("Two weights? Type one, like 10 @ 12.5kg.")
        load, rpe, cut, maybe = load or read.load, read.rpe, cut + at.end(), read.maybe_rpe
    return _Loaded(load, rpe, cut, maybe)


def _added(value: float, unit: str | None, ctx: Context) -> Load | Refused:
    """ "+5kg" with the count: on top of the current load (of bodyweight: the 5 kg)."""
    if ctx.load.value is None:
        return typed_load(str(value), unit, ctx)
    moved = loads.relative(ctx.load, "+", value, loads.unit_of(unit, ctx.load.unit))
    return Refused(moved) if isinstance(moved, str) else moved


def _tail(
    source: str, low: str, found: Head, side: Side | None, ctx: Context
) -> SetAnswer | Confirm | Refused:
    """What follows the count: a side, a load, RPE, RIR, effort words, pain, the note."""
    side, cut = _tail_side(low, 0, side)  # the side before the load ("10 left @ 12.5kg")
    loaded = _tail_load(low, cut, found, ctx)
    if isinstance(loaded, Refused):
        return loaded
    side, cut = _tail_side(low, loaded.cut, side)  # or after it
    if re.match(r"^\s*@", low[cut:]) and not re.match(r"^\s*@\s*(?:rpe|rir|[0-9])", low[cut:]):
        return Refused(f"I got {found.reps} reps but not the weight. Try {found.reps} @ 10kg.")
    filler = _TAIL_FILLER.match(low[cut:])
    if filler:
        cut += filler.end()
    answer = _words(source[cut:], low[cut:], found, loaded.load, loaded.rpe)
    if isinstance(answer, Refused):
        return answer
    answer = answer if side is None else replace(answer, side=side)
    if loaded.maybe_rpe is not None and answer.rpe is None and answer.load is not None:
        value = loaded.maybe_rpe
        return Confirm(
            f"@{value:g}: RPE {value:g}, or {answer.load.text()}?",
            (Option(f"RPE {value:g}", replace(answer, load=None, rpe=value)),
             Option(answer.load.text(), answer)),
        )  # fmt: skip
    return answer


def _tail_side(low: str, cut: int, side: Side | None) -> tuple[Side | None, int]:
    named = _TAIL_SIDE.match(low[cut:])
    if named and side is None and _side_ends(low[cut + named.end() :]):
        return Side(named["side"]), cut + named.end()
    return side, cut


def _side_ends(rest: str) -> bool:
    """Whether a side word after the count ends there ("10 left, easy") or starts a remark
    about that leg ("8 left weaker"), which is a note."""
    rest = rest.strip()
    if not rest or rest[0] in ",;:.!()-–—@/+" or rest[0].isdigit():
        return True
    clause = piece_spans(rest)[0]
    words = rest[clause[0] : clause[1]]
    numbers = effort_numbers(words)
    return effort_of(words) is not None or numbers.rpe is not None or numbers.rir is not None


def _words(
    source: str, low: str, found: Head, load: Load | None, rpe: float | None
) -> SetAnswer | Refused:
    numbers = effort_numbers(low)
    if numbers.problem:
        return Refused(numbers.problem)
    if numbers.rpe is not None and rpe is not None and numbers.rpe != rpe:
        return Refused("Two RPEs? Type one, like 10 rpe 8.")
    for start, end in numbers.spans:
        low = low[:start] + "," * (end - start) + low[end:]
    effort, pain = found.effort, False
    kept: list[str] = []
    for start, end in piece_spans(low):
        clause, typed = low[start:end].strip(), source[start:end].strip(" ,;:-")
        if not re.search(r"[^\W_]", clause) and effort_of(clause) is None:
            continue  # a thumbs-up or a "!!!" after the count says nothing to keep
        said = effort_of(clause)
        leading = leading_effort(clause) if said is None and effort is None and not kept else None
        if leading is not None:  # "hard wobbly": the effort, then a note
            effort, clause = leading
            typed = typed[len(typed) - len(clause) :].strip(" ,;:-")
            typed = re.sub(r"^(?:but|though|and)\s+", "", typed, flags=re.I)
            said = None
        if said is not None and effort is None:
            effort = said
        elif said is None and negated_pain(clause):
            continue  # "no pain", "knee didn't hurt": nothing to log, nothing to stop for
        elif said is None and typed:
            pain = pain or reports_pain(clause)
            kept.append(typed)
    # Read again as a whole: a sore or clicking joint another part says didn't hurt is no pain.
    pain = pain and reports_pain(low)
    joined = ", ".join(kept).strip()
    note = re.sub(r"^(?:but|though|and|also|just)\s+", "", joined, flags=re.I) or None
    if note and len(note) > NOTE_MAX:
        return Refused(f"Keep the note under {NOTE_MAX} characters, please.")
    if note and note.endswith("?") and not pain:
        return Refused(f"Did you do {found.reps} reps? Send the number on its own, then ask away.")
    return SetAnswer(
        found.reps, load, None, effort, rpe if rpe is not None else numbers.rpe, numbers.rir,
        pain, note,
    )  # fmt: skip
