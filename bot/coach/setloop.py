"""The set loop: log a side, switch legs, rest, spot imbalances, stop, and stop for pain."""

from __future__ import annotations

from datetime import timedelta

from bot.answers.model import Topic
from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.ports import SetEntry, Side, WorkoutStatus
from bot.coach.prompts import ask, set_prompt, target
from bot.coach.replies import Timer
from bot.coach.state import State, Step, WorkoutPosition
from bot.coach.summary import finish, logged_text
from bot.coach.turn import Turn, side_label, sides
from bot.coach.typed import Invalid, Keyword, RepsAnswer

# The article's thresholds for "the sides differ": 2 reps, or 15 % of the stronger side.
GAP_REPS = 2
GAP_SHARE = 0.15
BARE_PAIN = frozenset({"pain", "hurts", "it hurts", "hurt", "ouch", "painful", "in pain"})
REPLY_MAX = 600


def uneven(a: int, b: int) -> bool:
    gap = abs(a - b)
    return gap >= GAP_REPS or gap / max(a, b) >= GAP_SHARE


def _progress(state: State) -> WorkoutPosition:
    assert state.progress is not None
    return state.progress


async def log(turn: Turn, state: State, answer: RepsAnswer) -> State:
    """Log the awaited side with these reps, then move on."""
    progress, ex = _progress(state), turn.exercise(state)
    load, unit = progress.load, progress.unit
    if answer.load is not None:
        load, unit = answer.load.value, answer.load.unit or progress.unit
    entry = SetEntry(
        workout_id=progress.workout_id,
        exercise=ex.slug,
        set_number=progress.set_number,
        side=progress.side,
        reps=answer.reps,
        load=load,
        unit=unit,
        logged_at=turn.now,
        effort=answer.effort,
        note=answer.note,
        pain=answer.pain,
    )
    await turn.store.log_set(entry)
    progress = progress.model_copy(update={"load": load, "unit": unit})
    state = state.model_copy(update={"progress": progress})
    if answer.pain:
        return await pain_stop(turn, state, answer.note or "pain", logged=True)
    label = side_label(ex, progress.side)
    return await advance(turn, state, f"{label}: {answer.reps} ✓", answer.reps)


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


async def workout_text(turn: Turn, state: State, text: str) -> State | None:
    """Typed text during a set, a switch or a rest; None when it is not an answer."""
    answer = parse.read_reps(text)
    if isinstance(answer, RepsAnswer):  # "6 pain" keeps its count
        return await log(turn, state, answer)
    if parse.reports_pain(text):
        return await pain_stop(turn, state, text)
    waiting = state.step in (Step.SWITCH, Step.REST)
    word = parse.keyword(text)
    if word is Keyword.STOP:
        return await stop(turn, state)
    if waiting and word in (Keyword.READY, Keyword.SKIP, Keyword.DONE):
        return await ready(turn, state, "")
    if word is Keyword.READY:
        await ask(turn, state, "No rest to skip: you're up.")
        return state
    if word is Keyword.SKIP:
        return await skip(turn, state)
    if word is Keyword.DONE:
        return await log(turn, state, RepsAnswer(target(_progress(state))))
    if word is Keyword.OTHER:
        turn.say("Type the reps you did, like 11 or 11 @ 12.5kg.")
        return state
    if answer is None:
        return None
    if isinstance(answer, Invalid):
        await ask(turn, state, f"{answer.message} Nothing logged.")
        return state
    return await log(turn, state, answer)


async def workout_press(turn: Turn, state: State, action: str) -> State:
    """A set, switch or rest button; the engine has already checked this step offers it."""
    if action == kb.STOP:
        return await stop(turn, state)
    if action == kb.READY:
        return await ready(turn, state, "")
    if action == kb.SKIP:
        turn.out.notice = "Skipped"
        return await skip(turn, state)
    if action == kb.OTHER:
        turn.say("Type the reps you did, like 11 or 11 @ 12.5kg.")
        return state
    turn.out.notice = "Logged"
    return await log(turn, state, RepsAnswer(int(action.removeprefix("n:"))))


async def timer_due(turn: Turn, state: State, kind: str, token: int) -> State:
    """A rest or switch countdown is over; a stale timer (moved on since) does nothing."""
    expected = {Step.SWITCH: "switch", Step.REST: "rest"}.get(state.step)
    if token != state.token or kind != expected:
        return state
    return await ready(turn, state, "Rest's over." if kind == "rest" else "Go!")
