"""The end of a workout: per-side summary, left/right gap, last time, progression, effort."""

from __future__ import annotations

from dataclasses import dataclass

from bot.coach import corrections
from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.entry.phrases import Phrase, phrase
from bot.coach.ports import Plan, SetEntry, Side, Unit, WorkoutRecord, WorkoutStatus
from bot.coach.prompts import LOOKBACK, ask
from bot.coach.state import State, Step
from bot.coach.turn import Turn
from bot.coach.units import in_unit, load_text
from bot.content import Exercise

# Double progression: the smallest jump a gym usually allows.
LOAD_STEP = {Unit.KG: 2.5, Unit.LB: 5.0}
FIRST_LOAD = {Unit.KG: 5.0, Unit.LB: 10.0}
# Unknown last: an imported single-leg set nobody marked counts for neither leg, nor for both.
SIDE_ORDER = (Side.LEFT, Side.RIGHT, Side.BOTH, Side.UNKNOWN)
SIDE_NAMES = {Side.LEFT: "Left", Side.RIGHT: "Right", Side.BOTH: "Both legs",
              Side.UNKNOWN: "Side unknown"}  # fmt: skip


@dataclass(frozen=True)
class SideStats:
    side: Side
    sets: int
    total: int
    best: SetEntry
    loads: tuple[str, ...]


def side_stats(entries: list[SetEntry], unit: Unit | None = None) -> list[SideStats]:
    """Per side (left, right, or both legs): sets counted, total reps, best set, loads used
    (shown in unit, the user's, when given)."""
    out = []
    for side in SIDE_ORDER:
        counted = [e for e in entries if e.side is side and e.reps is not None]
        if not counted:
            continue
        best = max(counted, key=lambda e: (e.reps or 0, e.load or 0.0))
        loads = tuple(dict.fromkeys(load_text(e.load, e.unit, unit or e.unit) for e in counted))
        total = sum(e.reps or 0 for e in counted)
        out.append(SideStats(side, len(counted), total, best, loads))
    return out


def _side_name(side: Side) -> str:
    return SIDE_NAMES[side]


def stats_lines(stats: list[SideStats]) -> list[str]:
    return [
        f"{_side_name(s.side)}: {s.total} reps in {s.sets} set{'s' if s.sets > 1 else ''}"
        f" · best {s.best.reps} · {' / '.join(s.loads)}"
        for s in stats
    ]


def gap_line(stats: list[SideStats]) -> str | None:
    totals = {s.side: s.total for s in stats}
    left, right = totals.get(Side.LEFT), totals.get(Side.RIGHT)
    if left is None or right is None:
        return None
    if left == right:
        return f"Left and right matched: {left} reps each."
    weaker, stronger = ("left", "right") if left < right else ("right", "left")
    gap = abs(left - right)
    return f"Your {weaker} did {gap} fewer rep{'s' if gap > 1 else ''} than your {stronger}."


def last_time_line(stats: list[SideStats], previous: WorkoutRecord | None) -> str:
    if previous is None:
        return "First one logged: this is your baseline."
    before = {s.side: s.total for s in side_stats(previous.sets)}
    parts = [
        f"{_side_name(s.side).lower()} {before[s.side]} → {s.total}"
        for s in stats
        if s.side in before
    ]
    return f"vs last time: {', '.join(parts)}." if parts else ""


@dataclass(frozen=True)
class Verdict:
    """Double progression's reading of one workout, from what was done: which expected sides
    did every planned set at the top of the range, or at the target, and the level reached."""

    expected: tuple[Side, ...]
    top: int  # the top of the rep range: every set there earns more load
    at_top: tuple[Side, ...]  # every planned set at the top
    on_target: tuple[Side, ...]  # every planned set at the target or more
    done: int  # the fewest reps of any counted set both sides did (0: none counted)
    load: float | None  # the weight the workout ended at ("12 @ 25kg" changes it)
    unit: Unit

    @property
    def heavier(self) -> bool:
        return len(self.at_top) == len(self.expected)

    @property
    def all_on_target(self) -> bool:
        return len(self.on_target) == len(self.expected)

    def next_reps(self, planned: int) -> int:
        """All on target: one rep more than every set reached (a set of 12 when 10 were planned
        asks for 13 next), never past the top of the range."""
        return min(max(planned, self.done) + 1, self.top)


def last_load(workout: WorkoutRecord) -> tuple[float | None, Unit]:
    """The weight at the end of the session (a "12 @ 12kg" mid-workout changes it)."""
    counted: list[SetEntry] = [e for e in workout.sets if e.reps is not None] or workout.sets
    last = counted[-1] if counted else None
    return (last.load, last.unit) if last else (workout.plan.load, workout.plan.unit)


def paired_reps(workout: WorkoutRecord, expected: list[Side]) -> dict[Side, list[int]]:
    """Each expected side's counted reps on the sets every expected side did: a stopped or
    partial workout compares only those."""
    by_set: dict[Side, dict[int, int]] = {side: {} for side in expected}
    for entry in workout.sets:
        if entry.side in by_set and entry.reps is not None:
            by_set[entry.side][entry.set_number] = entry.reps
    shared = set.intersection(*(set(reps) for reps in by_set.values())) if by_set else set()
    return {side: [reps[n] for n in sorted(shared)] for side, reps in by_set.items()}


def expected_sides(workout: WorkoutRecord) -> list[Side]:
    """The sides a session's progression is read on: both legs together, or left and right;
    an imported single-leg session that marked no side at all is read on its unknown sets."""
    if workout.plan.first_side is Side.BOTH:
        return [Side.BOTH]
    found = {e.side for e in workout.sets}
    if Side.UNKNOWN in found and not found & {Side.LEFT, Side.RIGHT}:
        return [Side.UNKNOWN]
    return [Side.LEFT, Side.RIGHT]


def verdict(ex: Exercise, workout: WorkoutRecord) -> Verdict:
    plan = workout.plan
    top = max(plan.reps, ex.programming.reps.high)
    expected = expected_sides(workout)
    reps_by_side = paired_reps(workout, expected)
    complete = {s: len(reps_by_side[s]) >= plan.sets for s in expected}
    at_top = [s for s in expected if complete[s] and min(reps_by_side[s]) >= top]
    on_target = [s for s in expected if complete[s] and min(reps_by_side[s]) >= plan.reps]
    counted = [r for s in expected for r in reps_by_side[s]]
    load, unit = last_load(workout)
    return Verdict(
        tuple(expected), top, tuple(at_top), tuple(on_target), min(counted, default=0), load, unit
    )


def as_done(ex: Exercise, workout: WorkoutRecord) -> Plan:
    """The plan as the workout went: the weight it ended at, and the reps every set reached
    when that beat the target (a target not yet reached stays the target)."""
    found = verdict(ex, workout)
    plan = workout.plan
    return Plan(plan.sets, max(plan.reps, found.done), found.load, found.unit, plan.first_side)


def progression_line(ex: Exercise, workout: WorkoutRecord, unit: Unit) -> str:
    """Double progression per side, from what was done: the weight the workout ended at and
    the reps every set reached; every set at the top of the range earns more load. In unit,
    the user's."""
    plan, found = workout.plan, verdict(ex, workout)
    top = found.top
    load = None if found.load is None else in_unit(found.load, found.unit, unit)
    weight = kb.weight_label(load, unit)
    if found.heavier:
        if load is None:
            light = kb.weight_label(FIRST_LOAD[unit], unit)
            return f"Next time: add a light weight (about {light}); every set hit {top}."
        heavier = kb.weight_label(load + LOAD_STEP[unit], unit)
        return f"Next time: go up to {heavier}; every set hit {top}."
    if found.at_top:
        behind = next(s for s in found.expected if s not in found.at_top).value
        return f"Next time: stay at {weight}; let your {behind} reach {top} on every set first."
    if found.all_on_target:
        return f"Next time: stay at {weight} and aim for {found.next_reps(plan.reps)} reps a set."
    return f"Next time: stay at {weight} and {plan.reps} reps until every set gets there."


async def previous_with_sets(turn: Turn, exercise: str, before: int) -> WorkoutRecord | None:
    for _ in range(LOOKBACK):
        previous = await turn.store.previous_workout(turn.user.id, exercise, before)
        if previous is None or previous.sets:
            return previous
        before = previous.id
    return None


async def logged_text(turn: Turn, state: State) -> str:
    """What this workout has logged so far, per side; empty when nothing is."""
    assert state.progress is not None
    workout = await turn.store.workout(state.progress.workout_id)
    unit = workout.plan.unit if workout else None
    return "\n".join(stats_lines(side_stats(workout.sets if workout else [], unit)))


async def finish(turn: Turn, state: State, lead: str) -> State:
    """Every set is done: end the workout, sum it up, and ask how it felt."""
    progress, ex = state.progress, turn.exercise(state)
    assert progress is not None
    await turn.store.end_workout(progress.workout_id, turn.now, WorkoutStatus.FINISHED)
    workout = await turn.store.workout(progress.workout_id)
    assert workout is not None
    stats = side_stats(workout.sets, workout.plan.unit)  # the workout's one unit
    previous = await previous_with_sets(turn, ex.slug, workout.id)
    lines = [lead, f"Done! {ex.name}", *stats_lines(stats)]
    if not stats:
        lines.append("Nothing logged this time; every set was skipped.")
    lines += [gap_line(stats) or "", last_time_line(stats, previous) if stats else ""]
    lines.append(progression_line(ex, workout, workout.plan.unit))
    turn.say("\n".join(line for line in lines if line))
    new = state.to(Step.EFFORT)
    await ask(turn, new)
    return new


async def rate(turn: Turn, state: State, effort: str) -> State:
    assert state.progress is not None
    await turn.store.rate_workout(state.progress.workout_id, effort)
    turn.say(f"Logged: {effort}. Nice work, see you next time.")
    return state.to(Step.IDLE, progress=None)


async def effort_text(turn: Turn, state: State, text: str) -> State | None:
    if phrase(parse.simplify(text)) is Phrase.UNDO:
        return await corrections.undo(turn, state)  # the last set, back from the summary
    effort = parse.effort_word(text)
    return await rate(turn, state, effort) if effort else None


async def effort_press(turn: Turn, state: State, action: str) -> State:
    if action == kb.UNDO:
        return await corrections.undo(turn, state)
    return await rate(turn, state, action.removeprefix("f:"))
