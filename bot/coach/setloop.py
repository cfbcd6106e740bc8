"""The set loop: log a side, switch legs, rest, spot imbalances, stop, and stop for pain."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from bot.answers.model import Topic
from bot.coach import corrections
from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.entry.entry import read_entry
from bot.coach.entry.loads import Load
from bot.coach.entry.results import (
    BothSides,
    Confirm,
    Context,
    Entry,
    LoadChange,
    PainReport,
    Ready,
    Refused,
    Replace,
    SetAnswer,
    Skip,
    Stop,
    Undo,
)
from bot.coach.ports import SetEntry, Side, WorkoutStatus
from bot.coach.prompts import ask, set_prompt, target, weight_of
from bot.coach.replies import Timer
from bot.coach.state import UNDO_KEEP, LoggedMark, State, Step, WorkoutPosition
from bot.coach.summary import finish, logged_text
from bot.coach.turn import Turn, side_label, sides
from bot.coach.typed import Keyword
from bot.coach.units import load_text

# The article's thresholds for "the sides differ": 2 reps, or 15 % of the stronger side.
GAP_REPS = 2
GAP_SHARE = 0.15
BARE_PAIN = frozenset({"pain", "hurts", "it hurts", "hurt", "ouch", "painful", "in pain"})
REPLY_MAX = 600
SIDE_WORDS = re.compile(r"\b(side|leg|left|right)\b", re.I)


def uneven(a: int, b: int) -> bool:
    gap = abs(a - b)
    return gap >= GAP_REPS or gap / max(a, b) >= GAP_SHARE


def _progress(state: State) -> WorkoutPosition:
    assert state.progress is not None
    return state.progress


async def log(turn: Turn, state: State, answer: SetAnswer) -> State:
    """Log the awaited side with these reps (and what else was said), then move on."""
    progress, ex = _progress(state), turn.exercise(state)
    if answer.side is not None and answer.side is not progress.side:
        return await _log_named_side(turn, state, answer)
    load, unit = progress.load, progress.unit
    if answer.load is not None:
        load, unit = answer.load.value, answer.load.unit
    entry = SetEntry(
        workout_id=progress.workout_id, exercise=ex.slug, set_number=progress.set_number,
        side=progress.side, reps=answer.reps, load=load, unit=unit, logged_at=turn.now,
        effort=answer.effort.value if answer.effort else None, note=answer.note,
        pain=answer.pain, rpe=answer.rpe, rir=answer.rir,
    )  # fmt: skip
    set_id = await turn.store.log_set(entry)
    mark = LoggedMark(set_id=set_id, position=progress)
    moved = progress.model_copy(update={"load": load, "unit": unit})
    undo = (*state.undo, mark)[-UNDO_KEEP:]
    state = state.model_copy(update={"progress": moved, "undo": undo})
    if answer.pain:
        return await pain_stop(turn, state, answer.note or "pain", logged=True)
    label = side_label(ex, moved.side)
    # A weight said with the count is the weight from now: the confirmation says so.
    changed = (load, unit) != (progress.load, progress.unit)
    weight = f" @ {load_text(load, unit, unit)}" if changed else ""
    return await advance(turn, state, f"{label}: {answer.reps}{weight} ✓", answer.reps)


async def _log_named_side(turn: Turn, state: State, answer: SetAnswer) -> State:
    """The lifter logs the other leg than the one awaited (they chose it when asked): when it
    starts the set, that leg leads it; when it was logged already, this fixes it."""
    progress, ex = _progress(state), turn.exercise(state)
    order = sides(ex, progress.lead)
    if answer.side not in order:
        return await log(turn, state, replace(answer, side=None))
    if order.index(progress.side) == 0:
        led = progress.model_copy(update={"side": answer.side, "lead": answer.side})
        return await log(
            turn, state.model_copy(update={"progress": led}), replace(answer, side=None)
        )
    return await corrections.replace_last(turn, state, replace(answer, side=None))


async def log_both(turn: Turn, state: State, both: BothSides) -> State:
    """Both legs from one message: the awaited one, then the other if it is asked next."""
    state = await log(turn, state, replace(both.first, side=None))
    following = state.progress
    if following is None or state.step not in (Step.SET, Step.SWITCH):
        return state  # the workout ended (pain, the last set) before the other leg
    if following.side is not both.second.side:
        return state
    return await log(turn, state, replace(both.second, side=None))


async def change_load(turn: Turn, state: State, load: Load) -> State:
    """A weight alone: this set and the next ones are at it; nothing is logged."""
    progress = _progress(state)
    moved = progress.model_copy(update={"load": load.value, "unit": load.unit})
    new = state.model_copy(update={"progress": moved})
    shown = weight_of(turn, state, load.value, load.unit)
    await turn.ask(new, f"Weight now {shown}, for this set and the next ones. Nothing logged.")
    return new


async def advance(turn: Turn, state: State, ack: str, reps: int | None) -> State:
    """After one side: the other side, a rest before the next set, or the summary."""
    progress, ex, settings = _progress(state), turn.exercise(state), turn.user.settings
    order = sides(ex, progress.lead)
    position = order.index(progress.side)
    if position + 1 < len(order):
        matching = reps if progress.weaker is progress.side else None
        following = progress.model_copy(update={"side": order[position + 1], "match": matching})
        if settings.switch_seconds <= 0:
            new = state.to(Step.SET, progress=following)
            await set_prompt(turn, new, ack)
            return new
        new = state.to(Step.SWITCH, progress=following)
        _arm(turn, new, "switch", settings.switch_seconds)
        await ask(turn, new, ack)
        return new
    gap, weaker = await _imbalance(turn, progress)
    ack = "\n".join(filter(None, [ack, gap]))
    if progress.set_number >= progress.plan.sets:
        return await finish(turn, state, ack)
    if weaker is not None:
        progress = progress.model_copy(update={"weaker": weaker})
    lead = (progress.weaker or progress.lead) if ex.unilateral else Side.BOTH
    following = progress.model_copy(
        update={"set_number": progress.set_number + 1, "lead": lead, "side": lead, "match": None}
    )
    if settings.rest_seconds <= 0:
        new = state.to(Step.SET, progress=following)
        await set_prompt(turn, new, ack)
        return new
    new = state.to(Step.REST, progress=following)
    _arm(turn, new, "rest", settings.rest_seconds)
    await ask(turn, new, ack)
    return new


def _arm(turn: Turn, state: State, kind: str, seconds: int) -> None:
    turn.out.timer = Timer(kind, state.token, turn.now + timedelta(seconds=seconds))


async def _imbalance(turn: Turn, progress: WorkoutPosition) -> tuple[str, Side | None]:
    """Compare the two sides of the set just finished: what to say, and the weaker side."""
    if progress.side is Side.BOTH:
        return "", None
    workout = await turn.store.workout(progress.workout_id)
    reps = {
        e.side: e.reps
        for e in (workout.sets if workout else [])
        if e.set_number == progress.set_number and e.reps is not None
    }
    left, right = reps.get(Side.LEFT), reps.get(Side.RIGHT)
    if left is None or right is None or not uneven(left, right):
        return "", None
    weaker = Side.LEFT if left < right else Side.RIGHT
    stronger = Side.RIGHT if weaker is Side.LEFT else Side.LEFT
    low, high = min(left, right), max(left, right)
    text = f"{weaker.value.capitalize()} {low} vs {stronger.value} {high}: that's a gap. "
    if progress.lead is weaker:
        text += f"Keep leading with your {weaker.value} and match its reps on the {stronger.value}."
    else:
        text += (
            f"The fix: start each set with your weaker {weaker.value} leg, then match its reps "
            f"on the {stronger.value}."
        )
    return text, weaker


async def skip(turn: Turn, state: State) -> State:
    label = side_label(turn.exercise(state), _progress(state).side)
    return await advance(turn, state, f"{label}: skipped.", None)


async def ready(turn: Turn, state: State, lead: str) -> State:
    """The rest or the switch is over (timer, "skip rest", Go now): ask for the set."""
    new = state.to(Step.SET)
    await set_prompt(turn, new, lead)
    return new


async def stop(turn: Turn, state: State) -> State:
    progress = _progress(state)
    await turn.store.end_workout(progress.workout_id, turn.now, WorkoutStatus.STOPPED)
    kept = await logged_text(turn, state)
    lead = f"Stopped. Kept what you logged:\n{kept}" if kept else "Stopped. Nothing was logged."
    new = state.to(Step.IDLE, progress=None)
    turn.say(f"{lead}\n/workout when you're ready for more.")
    return new


async def pain_stop(turn: Turn, state: State, text: str, logged: bool = False) -> State:
    """Pain ends the set and the workout: log it, say stop, point to the relevant fix."""
    progress, ex = _progress(state), turn.exercise(state)
    if not logged:
        note = text.strip()[: parse.NOTE_MAX]
        entry = SetEntry(
            progress.workout_id, ex.slug, progress.set_number, progress.side, None,
            progress.load, progress.unit, turn.now, note=note, pain=True,
        )  # fmt: skip
        await turn.store.log_set(entry)
    await turn.store.end_workout(progress.workout_id, turn.now, WorkoutStatus.PAIN)
    lines = ["Let's stop here; I've logged this set as painful.", ex.safety]
    if parse.simplify(text) not in BARE_PAIN:  # "my lower back hurts" may point to a fault
        answer = turn.answerer.answer(text, ex.slug)
        fault = answer.text.removeprefix(ex.safety).strip()
        if answer.topic is Topic.TROUBLESHOOT and len(fault) + sum(map(len, lines)) < REPLY_MAX:
            lines.append(fault)
    turn.say("\n".join(lines))
    return state.to(Step.IDLE, progress=None)


def entry_context(turn: Turn, state: State, last: int | None = None) -> Context:
    progress = _progress(state)
    return Context(
        turn.user.settings.unit, Load(progress.load, progress.unit), progress.side,
        target(progress), last=last, first=progress.side is progress.lead,
        waiting=state.step in (Step.SWITCH, Step.REST),
    )  # fmt: skip


async def last_reps(turn: Turn, state: State) -> int | None:
    """The reps of the last set logged in this workout ("same" repeats them)."""
    if not state.undo or state.progress is None:
        return None
    workout = await turn.store.workout(state.progress.workout_id)
    logged = {e.id: e.reps for e in (workout.sets if workout else [])}
    return logged.get(state.undo[-1].set_id)


async def workout_text(turn: Turn, state: State, text: str) -> State | None:
    """Typed text during a set, a switch or a rest, read by the set-entry language
    (bot/coach/entry); None when it is no answer (a question, for the answerer)."""
    if parse.keyword(text) is Keyword.OTHER:
        turn.say("Type the reps you did, like 11 or 11 @ 12.5kg.")
        return state
    entry = read_entry(text, entry_context(turn, state, await last_reps(turn, state)))
    if entry is None:
        return None
    if isinstance(entry, Skip) and SIDE_WORDS.search(text):
        return await skip(turn, state)  # "skip this side", also during the switch or a rest
    return await apply_entry(turn, state, entry)


async def apply_entry(turn: Turn, state: State, entry: Entry) -> State:
    """What a line of the set-entry language does at a set, switch or rest step."""
    waiting = state.step in (Step.SWITCH, Step.REST)
    if isinstance(entry, SetAnswer):
        return await log(turn, state, entry)
    if isinstance(entry, BothSides):
        return await log_both(turn, state, entry)
    if isinstance(entry, LoadChange):
        return await change_load(turn, state, entry.load)
    if isinstance(entry, Undo):
        return await corrections.undo(turn, state)
    if isinstance(entry, Replace):
        return await corrections.replace_last(turn, state, entry.entry, entry.set_number, entry.was)
    if isinstance(entry, Confirm):
        return corrections.ask_confirm(turn, state, entry)
    if isinstance(entry, Refused):
        await ask(turn, state, f"{entry.reason} Nothing logged.")
        return state
    if isinstance(entry, PainReport):
        return await pain_stop(turn, state, entry.note)
    if isinstance(entry, Stop):
        if entry.pain:
            return await pain_stop(turn, state, entry.reason or "pain")
        return corrections.ask_stop(turn, state)
    if isinstance(entry, Skip) and entry.reason:  # "bench is taken, skip this one"
        label = side_label(turn.exercise(state), _progress(state).side)
        return await advance(turn, state, f"{label}: skipped ({entry.reason}).", None)
    if isinstance(entry, Ready) or (waiting and isinstance(entry, Skip) and entry.side is None):
        if waiting:
            return await ready(turn, state, "")
        await ask(turn, state, "No rest to skip: you're up.")
        return state
    return await skip(turn, state)


async def workout_press(turn: Turn, state: State, action: str) -> State:
    """A set, switch or rest button; the engine has already checked this step offers it."""
    if action == kb.STOP:
        return corrections.ask_stop(turn, state)
    if action == kb.UNDO:
        return await corrections.undo(turn, state)
    if action == kb.READY:
        return await ready(turn, state, "")
    if action == kb.SKIP:
        turn.out.notice = "Skipped"
        return await skip(turn, state)
    if action == kb.OTHER:
        turn.say("Type the reps you did, like 11 or 11 @ 12.5kg.")
        return state
    turn.out.notice = "Logged"
    return await log(turn, state, SetAnswer(int(action.removeprefix("n:"))))


async def timer_due(turn: Turn, state: State, kind: str, token: int) -> State:
    """A rest or switch countdown is over; a stale timer (moved on since) does nothing."""
    expected = {Step.SWITCH: "switch", Step.REST: "rest"}.get(state.step)
    if token != state.token or kind != expected:
        return state
    return await ready(turn, state, "Rest's over." if kind == "rest" else "Go!")
