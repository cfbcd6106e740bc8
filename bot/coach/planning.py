"""Choosing the exercise and the plan (sets, target reps, load, first leg), or skipping to it."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz, process

from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.lookback import RECENT, before_plan, before_start, look_back
from bot.coach.ports import Plan, Side
from bot.coach.prompts import ask, plan_text, set_prompt
from bot.coach.state import SETS_MAX, TARGET_MAX, WORKOUT_STEPS, Draft, State, Step, WorkoutPosition
from bot.coach.summary import as_done
from bot.coach.turn import Turn, sides
from bot.coach.typed import Invalid, Load, Request
from bot.coach.units import in_unit
from bot.content import Exercise, Library
from bot.content.loader import normalise_name

# Close enough to an alias to be a typo of it ("singel leg hip thrust"), not another phrase.
FUZZY_CUTOFF = 85
_YES = {"yes", "y", "yep", "yeah", "same", "same again", "same as last time", "ok", "sure"}
_NO = {"no", "n", "nope", "change", "change plan", "new plan", "different"}
_SIDES = {
    "left": Side.LEFT, "l": Side.LEFT, "left leg": Side.LEFT, "left first": Side.LEFT,
    "right": Side.RIGHT, "r": Side.RIGHT, "right leg": Side.RIGHT, "right first": Side.RIGHT,
}  # fmt: skip
_NEXT = {Step.SAME: Step.SETS, Step.SETS: Step.REPS, Step.REPS: Step.LOAD, Step.LOAD: Step.SIDE}


def resolve(library: Library, name: str) -> str | None:
    """The slug a typed name means: an alias, or a close typo of one."""
    wanted = normalise_name(name)
    if not wanted:
        return None
    names = library.names()
    if wanted in names:
        return names[wanted]
    found = process.extractOne(wanted, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return names[found[0]] if found else None


def default_reps(ex: Exercise) -> int:
    return (ex.programming.reps.low + ex.programming.reps.high + 1) // 2


async def begin(turn: Turn, state: State, slug: str, request: Request | None = None) -> State:
    """The exercise is chosen: ask for the plan, or start at once when the request says enough."""
    ex = turn.library[slug]
    # The latest sessions of the exercise, newest first: last time's plan, and the look back
    # before the workout (a leg that stays weaker, today's suggestion) from the same read.
    recent = await turn.store.workouts(turn.user.id, slug, limit=RECENT)
    previous = recent[0] if recent else None
    settings = turn.user.settings
    first = settings.first_side if settings.first_side is not Side.BOTH else Side.LEFT
    last = as_done(ex, previous) if previous else None
    draft = Draft(
        reps=default_reps(ex),
        unit=settings.unit,
        first_side=first if ex.unilateral else Side.BOTH,
        last=last,
    )
    if request is not None:
        # Whatever the request leaves out comes from today's plan as the log suggests it (what
        # was done last time, progressed), else from last time, else from the defaults.
        _, found = await look_back(turn, slug, recent)
        base = last if last and _fits(last, ex) else draft.plan()
        if found is not None and _fits(found.plan, ex):
            base = found.plan
        load, unit = base.load, base.unit
        if request.load is not None:
            load, unit = request.load.value, request.load.unit or settings.unit
        sets, reps = request.sets or base.sets, request.reps or base.reps
        plan = Plan(sets, reps, load, unit, draft.first_side)
        await before_start(turn, slug, recent)
        return await start(turn, state, slug, plan)
    step = Step.SAME if last and _fits(last, ex) else Step.SETS
    new = state.to(step, exercise=slug, draft=draft, progress=None)
    await ask(turn, new)
    await before_plan(turn, new, recent)  # a leg that stays weaker; today's plan, one tap to accept
    return new


def _fits(plan: Plan, ex: Exercise) -> bool:
    unilateral = plan.first_side is not Side.BOTH
    return unilateral == ex.unilateral and plan.sets <= SETS_MAX and plan.reps <= TARGET_MAX


async def start(turn: Turn, state: State, slug: str, plan: Plan) -> State:
    ex = turn.library[slug]
    workout_id = await turn.store.start_workout(turn.user.id, slug, plan, turn.now)
    lead = plan.first_side if ex.unilateral else Side.BOTH
    progress = WorkoutPosition(
        workout_id=workout_id,
        plan=plan,
        set_number=1,
        side=sides(ex, lead)[0],
        lead=lead,
        load=plan.load,
        unit=plan.unit,
    )
    new = state.to(Step.SET, exercise=slug, draft=None, progress=progress)
    cues = "\n".join(f"• {cue}" for cue in ex.setup_cues)
    turn.say(
        f"{ex.name}: {plan_text(plan, ex, plan.unit)}.\nBefore you start:\n{cues}\n"
        "Tap the reps you did, or type them: 10, 10 @ 12kg, 10 hard."
    )
    await set_prompt(turn, new)
    return new


async def workout_command(turn: Turn, state: State, args: str) -> State:
    if state.step in WORKOUT_STEPS:
        await ask(turn, state, "You're mid-workout. Finish it, or /cancel to end it first.")
        return state
    if not args.strip():
        new = state.to(Step.CHOOSE, exercise=None, draft=None, progress=None)
        await ask(turn, new)
        return new
    request = parse.read_request(
        args[: parse.TEXT_MAX], SETS_MAX, TARGET_MAX, turn.user.settings.unit
    )
    if isinstance(request, Invalid):
        turn.say(request.message)
        return state
    slug = resolve(turn.library, request.name)
    if slug is None:
        new = state.to(Step.CHOOSE, exercise=None, draft=None, progress=None)
        shown = request.name[:40] or "that"
        await ask(turn, new, f"I don't know “{shown}” yet. Pick one:")
        return new
    return await begin(turn, state, slug, request)


async def choose_text(turn: Turn, state: State, text: str) -> State | None:
    request = parse.read_request(text, SETS_MAX, TARGET_MAX, turn.user.settings.unit)
    if isinstance(request, Invalid):
        return None
    slug = resolve(turn.library, request.name)
    if slug is None:
        return None
    said_plan = request.sets is not None or request.load is not None
    return await begin(turn, state, slug, request if said_plan else None)


async def _then(turn: Turn, state: State, draft: Draft, answered: Step) -> State:
    """Ask the next question after `answered`, or start the workout when none is left."""
    step = _NEXT.get(answered)
    if step is None or (step is Step.SIDE and not turn.exercise(state).unilateral):
        assert state.exercise is not None
        return await start(turn, state, state.exercise, draft.plan())
    new = state.to(step, draft=draft)
    await ask(turn, new)
    return new


async def _spec(turn: Turn, state: State, text: str) -> State | None:
    """ "3x10" or "3x10 @ 10kg" typed while the plan is being asked: take it all at once."""
    request = parse.read_request(text, SETS_MAX, TARGET_MAX, turn.user.settings.unit)
    if isinstance(request, Invalid) or request.name or request.sets is None:
        return None
    assert state.draft is not None and request.reps is not None
    draft = state.draft.model_copy(update={"sets": request.sets, "reps": request.reps})
    if request.load is None:
        return await _then(turn, state, draft, Step.REPS)
    return await _then(turn, state, _with_load(draft, request.load), Step.LOAD)


def _with_load(draft: Draft, load: Load) -> Draft:
    return draft.model_copy(update={"load": load.value, "unit": load.unit or draft.unit})


async def plan_text_answer(turn: Turn, state: State, text: str) -> State | None:
    """A typed answer to the plan question of this step; None when it is not one."""
    draft, step, words = state.draft, state.step, parse.simplify(text)
    assert draft is not None
    if step in (Step.SAME, Step.SETS) and (taken := await _spec(turn, state, text)):
        return taken
    answer: int | Load | Invalid | None = None
    if step is Step.SAME:
        if words in _YES and draft.last is not None:
            return await start(turn, state, turn.exercise(state).slug, _same(draft))
        return await _then(turn, state, draft, Step.SAME) if words in _NO else None
    if step is Step.SIDE:
        side = _SIDES.get(words)
        if side is None:
            return None
        return await _then(turn, state, draft.model_copy(update={"first_side": side}), step)
    if step is Step.SETS:
        answer = parse.read_number(text, 1, SETS_MAX, "sets")
    elif step is Step.REPS:
        answer = parse.read_number(text, 1, TARGET_MAX, "reps")
    else:
        answer = parse.read_load(text, turn.user.settings.unit)
    if answer is None:
        return None
    if isinstance(answer, Invalid):
        await ask(turn, state, answer.message)
        return state
    if isinstance(answer, Load):
        return await _then(turn, state, _with_load(draft, answer), step)
    field = "sets" if step is Step.SETS else "reps"
    return await _then(turn, state, draft.model_copy(update={field: answer}), step)


async def _today(turn: Turn, state: State) -> State:
    """Today's suggested plan, accepted: worked out afresh from the log, never from the button."""
    slug = turn.exercise(state).slug
    _, found = await look_back(turn, slug)
    if found is None:
        turn.out.notice = "That button is out of date"
        return state
    turn.out.chosen = "Today's plan"
    return await start(turn, state, slug, found.plan)


def _same(draft: Draft) -> Plan:
    """Last time's plan, in the user's unit now (a kg plan after a switch to lb is in lb)."""
    last = draft.last
    assert last is not None
    if last.load is None or last.unit is draft.unit:
        return last
    return replace(last, load=in_unit(last.load, last.unit, draft.unit), unit=draft.unit)


async def plan_press(turn: Turn, state: State, action: str) -> State:
    """A plan button; the engine has already checked this step offers it."""
    draft, step = state.draft, state.step
    assert draft is not None
    if action == kb.SAME:
        return await start(turn, state, turn.exercise(state).slug, _same(draft))
    if action.startswith(f"{kb.TODAY}:"):
        return await _today(turn, state)
    if action == kb.CHANGE:
        return await _then(turn, state, draft, Step.SAME)
    if action.startswith("sd:"):
        chosen = Side(action.removeprefix("sd:"))
        return await _then(turn, state, draft.model_copy(update={"first_side": chosen}), step)
    if action == kb.BODYWEIGHT:
        return await _then(turn, state, _with_load(draft, parse.BODYWEIGHT), step)
    if action.startswith("ld:") and draft.last is not None:
        last = Load(draft.last.load, draft.last.unit)
        return await _then(turn, state, _with_load(draft, last), step)
    value = int(action.removeprefix("n:"))
    field = "sets" if step is Step.SETS else "reps"
    return await _then(turn, state, draft.model_copy(update={field: value}), step)
