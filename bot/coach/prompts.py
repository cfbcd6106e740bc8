"""What each step asks, with its buttons: said when the step starts and again after a question."""

from __future__ import annotations

import math

from bot.coach import keyboards as kb
from bot.coach.ports import Plan, SetEntry, Side, Unit
from bot.coach.state import State, Step, WorkoutPosition
from bot.coach.turn import Turn, side_label, sides
from bot.coach.units import load_text
from bot.content import Exercise

# How far back to look for a session that has numbers for this leg.
LOOKBACK = 3


def plan_text(plan: Plan, ex: Exercise, unit: Unit | None = None) -> str:
    """ "3 × 10 per leg · 12.5 kg · left leg first", the load in unit (the user's)."""
    per = " per leg" if ex.unilateral else ""
    text = f"{plan.sets} × {plan.reps}{per} · {load_text(plan.load, plan.unit, unit or plan.unit)}"
    if ex.unilateral:
        text += f" · {plan.first_side.value} leg first"
    return text


def entry_text(entry: SetEntry, unit: Unit) -> str:
    reps = "stopped (pain)" if entry.reps is None else str(entry.reps)
    text = f"{reps} @ {load_text(entry.load, entry.unit, unit)}"
    return f"{text} (side unknown)" if entry.side is Side.UNKNOWN else text


def screen_unit(turn: Turn, state: State) -> Unit:
    """The one unit a screen shows loads in: the workout's (its plan's, as the user chose it)
    during a workout, else the user's."""
    return state.progress.plan.unit if state.progress else turn.user.settings.unit


def weight_of(turn: Turn, state: State, value: float | None, unit: Unit) -> str:
    """A load as the screen shows it: in its one unit, to a plate step (bot/coach/units)."""
    return load_text(value, unit, screen_unit(turn, state))


def seconds_left(turn: Turn, kind: str, default: int) -> int:
    timer = turn.out.timer or turn.user.timer
    if timer is None or timer.kind != kind:
        return default
    return max(0, math.ceil((timer.due_at - turn.now).total_seconds()))


async def last_time(turn: Turn, state: State, set_number: int, side: Side) -> SetEntry | None:
    """This set and side in the latest earlier session that logged it; of an imported session
    with no sides recorded, its set of this number (shown as side unknown)."""
    assert state.exercise is not None and state.progress is not None
    before: int | None = state.progress.workout_id
    for _ in range(LOOKBACK):
        previous = await turn.store.previous_workout(turn.user.id, state.exercise, before)
        if previous is None:
            return None
        same = [e for e in previous.sets if e.set_number == set_number]
        found = next((e for e in same if e.side is side), None)
        if found is None and side is not Side.BOTH:
            found = next((e for e in same if e.side is Side.UNKNOWN), None)
        if found is not None:
            return found
        before = previous.id
    return None


def tip(ex: Exercise, progress: WorkoutPosition) -> str:
    """One cue per set and side, rotating through the exercise's tips."""
    order = sides(ex, progress.lead)
    index = (progress.set_number - 1) * len(order) + order.index(progress.side)
    return ex.tips[index % len(ex.tips)].cue


def target(progress: WorkoutPosition) -> int:
    return progress.match or progress.plan.reps


async def set_prompt(turn: Turn, state: State, lead: str = "") -> None:
    ex, progress = turn.exercise(state), state.progress
    assert progress is not None
    label = side_label(ex, progress.side)
    lines = [lead, f"Set {progress.set_number} of {progress.plan.sets} · {label}"]
    weight = weight_of(turn, state, progress.load, progress.unit)
    if progress.match:
        lines.append(f"Match your weaker side: {progress.match} reps · {weight}")
    else:
        lines.append(f"Target: {progress.plan.reps} reps · {weight}")
    lines.append(f"Tip: {tip(ex, progress)}")
    previous = await last_time(turn, state, progress.set_number, progress.side)
    if previous is not None:
        lines.append(f"Last time: {entry_text(previous, screen_unit(turn, state))}")
    keyboard = set_buttons(turn, state)
    turn.say("\n".join(line for line in lines if line), keyboard)


async def switch_prompt(turn: Turn, state: State, lead: str = "") -> None:
    assert state.progress is not None
    seconds = seconds_left(turn, "switch", turn.user.settings.switch_seconds)
    leg = side_label(turn.exercise(state), state.progress.side).lower()
    text = f"{lead}\nSwitch to your {leg}: go in {seconds} s, or type its reps when done."
    if state.progress.match:
        text += f"\nMatch your weaker side: {state.progress.match} reps."
    turn.say(text, kb.switch_keyboard(state.token, bool(state.undo)))


async def rest_prompt(turn: Turn, state: State, lead: str = "") -> None:
    progress = state.progress
    assert progress is not None
    seconds = seconds_left(turn, "rest", turn.user.settings.rest_seconds)
    label = side_label(turn.exercise(state), progress.side)
    text = (
        f"{lead}\nRest {seconds} s. Next: set {progress.set_number} of {progress.plan.sets}"
        f" · {label}.\nType its reps when done, or skip rest."
    )
    turn.say(text, kb.rest_keyboard(state.token, bool(state.undo)))


async def plan_prompt(turn: Turn, state: State, lead: str = "") -> None:
    ex, draft, token = turn.exercise(state), state.draft, state.token
    assert draft is not None
    if state.step is Step.SAME and draft.last is not None:
        text = f"{ex.name}. Last time: {plan_text(draft.last, ex, draft.unit)}. Same again?"
        turn.say(f"{lead}\n{text}", kb.same_keyboard(token))
    elif state.step is Step.SETS:
        low, high = ex.programming.sets.low, ex.programming.sets.high
        text = f"{ex.name}: how many sets? {low}–{high} suit it; 3 if unsure."
        turn.say(f"{lead}\n{text}", kb.sets_keyboard(token, ex))
    elif state.step is Step.REPS:
        low, high = ex.programming.reps.low, ex.programming.reps.high
        per = "leg" if ex.unilateral else "set"
        text = f"Target reps per {per}? {low}–{high} is the range for this one."
        turn.say(f"{lead}\n{text}", kb.reps_keyboard(token, ex))
    elif state.step is Step.LOAD:
        text = "Any weight? Tap Bodyweight, or type it like 10kg or 25 lb."
        turn.say(f"{lead}\n{text}", kb.load_keyboard(token, draft.last, draft.unit))
    else:
        default = draft.first_side.value
        text = f"Which leg first? {default.capitalize()} unless you pick the other."
        turn.say(f"{lead}\n{text}", kb.side_keyboard(token))


async def ask(turn: Turn, state: State, lead: str = "") -> None:
    """Say what the current step is waiting for, after an optional lead line (the step table's
    prompt for it)."""
    await turn.ask(state, lead)


async def choose_prompt(turn: Turn, state: State, lead: str = "") -> None:
    turn.say(f"{lead}\nWhich exercise?", kb.choose_keyboard(state.token, turn.library))


async def effort_prompt(turn: Turn, state: State, lead: str = "") -> None:
    turn.say(f"{lead}\nHow did that feel?", kb.effort_keyboard(state.token, bool(state.undo)))


async def idle_prompt(turn: Turn, state: State, lead: str = "") -> None:
    text = "Type /workout to train, or ask me anything about the exercises."
    turn.say(f"{lead}\n{text}", kb.start_keyboard(state.token))


def set_buttons(turn: Turn, state: State) -> kb.Keyboard:
    assert state.progress is not None
    return kb.set_keyboard(state.token, target(state.progress), bool(state.undo))


def plan_buttons(turn: Turn, state: State) -> kb.Keyboard:
    draft, ex, token = state.draft, turn.exercise(state), state.token
    assert draft is not None
    if state.step is Step.SAME:
        # Today's plan is shown only when the log suggests one (lookback.before_plan); it is
        # accepted here either way, and worked out afresh from the log when pressed.
        today = kb.today_button(token, ex.slug)
        return (*kb.same_keyboard(token), (today,)) if today else kb.same_keyboard(token)
    if state.step is Step.SETS:
        return kb.sets_keyboard(token, ex)
    if state.step is Step.REPS:
        return kb.reps_keyboard(token, ex)
    if state.step is Step.LOAD:
        return kb.load_keyboard(token, draft.last, draft.unit)
    return kb.side_keyboard(token)


def idle_buttons(turn: Turn, state: State) -> kb.Keyboard:
    return kb.idle_keyboard(state.token, turn.library)


def choose_buttons(turn: Turn, state: State) -> kb.Keyboard:
    return kb.choose_keyboard(state.token, turn.library)


def switch_buttons(turn: Turn, state: State) -> kb.Keyboard:
    return kb.switch_keyboard(state.token, bool(state.undo))


def rest_buttons(turn: Turn, state: State) -> kb.Keyboard:
    return kb.rest_keyboard(state.token, bool(state.undo))


def effort_buttons(turn: Turn, state: State) -> kb.Keyboard:
    return kb.effort_keyboard(state.token, bool(state.undo))
