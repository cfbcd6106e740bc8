"""A past session opened from /history: fix a set, delete a set, or delete the whole session.

Buttons name the session or the set by id; every press checks that it belongs to the presser
and is not the workout in progress (undo and "I meant" fix that one), so forged data can reach
nothing of anyone else's. Deleting asks once.
"""

from __future__ import annotations

from dataclasses import replace

from bot.coach.entry.entry import read_entry
from bot.coach.entry.loads import Load
from bot.coach.entry.results import Confirm, Context, Refused, SetAnswer
from bot.coach.keyboards import Keyboard
from bot.coach.ports import SetEntry, Side, Unit, WorkoutRecord, WorkoutStatus
from bot.coach.replies import Button
from bot.coach.state import Dialog, State
from bot.coach.summary import SIDE_NAMES
from bot.coach.turn import Turn
from bot.coach.units import load_text
from bot.progress import buttons as pb
from bot.progress.history import day_label
from bot.progress.local_dates import user_zone
from bot.reminders.actions import small_id

OPEN, EDIT, DROP_SET, DROP_SET_YES = pb.OPEN, pb.FIX_SET, pb.DROP_SET, pb.DROP_SET_YES
DROP_SESSION, DROP_SESSION_YES = pb.DROP_SESSION, pb.DROP_SESSION_YES
BUTTONED_SETS = 20  # a session's sets with buttons of their own (10 sets × 2 sides)
ASK_VALUE = "Type the new numbers for it, like 9 or 9 @ 12.5kg (or cancel)."


async def owned(turn: Turn, raw_id: str) -> WorkoutRecord | None:
    """The presser's own finished session with this id; None for anything else."""
    workout_id = small_id(raw_id)
    workout = await turn.store.workout(workout_id) if workout_id is not None else None
    if workout is None or workout.user_id != turn.user.id:
        return None
    return None if workout.status is WorkoutStatus.ACTIVE else workout


def _set_line(number: int, entry: SetEntry, unit: Unit) -> str:
    """One set as /history shows it: its load in the user's unit (unit), like the page."""
    reps = "pain" if entry.reps is None else str(entry.reps)
    extra = "".join(
        f" · {part}"
        for part in (entry.effort, f"rpe {entry.rpe:g}" if entry.rpe else None, entry.note)
        if part
    )
    side = SIDE_NAMES.get(entry.side, entry.side.value)
    weight = load_text(entry.load, entry.unit, unit)
    return f"{number}. Set {entry.set_number} {side}: {reps} @ {weight}{extra}"


def _keyboard(token: int, workout: WorkoutRecord) -> Keyboard:
    rows: list[tuple[Button, ...]] = []
    for number, entry in enumerate(workout.sets[:BUTTONED_SETS], start=1):
        if entry.id is None:
            continue
        rows.append(pb.row(
            pb.button(f"✏ Fix {number}", token, EDIT, str(entry.id)),
            pb.button(f"🗑 Delete {number}", token, DROP_SET, str(entry.id)),
        ))  # fmt: skip
    rows.append(pb.row(pb.button("Delete this session", token, DROP_SESSION, str(workout.id))))
    return tuple(rows)


def show(turn: Turn, state: State, workout: WorkoutRecord, lead: str = "") -> None:
    name = turn.library[workout.exercise].name if workout.exercise in turn.library else ""
    day = day_label(workout.started_at, user_zone(turn.user.settings.timezone), turn.now)
    lines = [
        lead,
        f"{day} · {name}",
        *(_set_line(n, e, turn.user.settings.unit) for n, e in enumerate(workout.sets, 1)),
    ]
    if not workout.sets:
        lines.append("Nothing logged.")
    turn.say("\n".join(line for line in lines if line), _keyboard(state.token, workout))


async def _set_of(turn: Turn, raw_id: str) -> tuple[WorkoutRecord, SetEntry] | None:
    set_id = small_id(raw_id)
    if set_id is None:
        return None
    for workout in await turn.store.workouts(turn.user.id, limit=200, logged_only=True):
        found = next((e for e in workout.sets if e.id == set_id), None)
        if found is not None and workout.status is not WorkoutStatus.ACTIVE:
            return workout, found
    return None


async def press(turn: Turn, state: State, action: str, args: list[str]) -> State | None:
    """A session button; None when it is stale, forged or no longer there."""
    if len(args) != 1:
        return None
    if action in (OPEN, DROP_SESSION, DROP_SESSION_YES):
        workout = await owned(turn, args[0])
        if workout is None:
            return None
        if action == OPEN:
            show(turn, state, workout)
        elif action == DROP_SESSION:
            yes = pb.button("Yes, delete the session", state.token, DROP_SESSION_YES, args[0])
            turn.say(f"Delete this session and its {len(workout.sets)} sets?", (pb.row(yes),))
        else:
            await turn.store.remove_workout(workout.id)
            turn.out.chosen = "Deleted"
            turn.say("Deleted that session. /history shows the rest.")
        return state
    found = await _set_of(turn, args[0])
    if found is None or action not in (EDIT, DROP_SET, DROP_SET_YES):
        return None
    workout, entry = found
    if action == DROP_SET:
        yes = pb.button("Yes, delete it", state.token, DROP_SET_YES, args[0])
        turn.say(
            f"Delete {_set_line(workout.sets.index(entry) + 1, entry, turn.user.settings.unit)}?",
            (pb.row(yes),),
        )
        return state
    if action == DROP_SET_YES:
        assert entry.id is not None  # only logged sets get buttons
        await turn.store.remove_set(workout.id, entry.id)
        turn.out.chosen = "Deleted"
        show(turn, state, replace(workout, sets=[e for e in workout.sets if e.id != entry.id]),
             "Deleted.")  # fmt: skip
        return state
    shown = _set_line(workout.sets.index(entry) + 1, entry, turn.user.settings.unit)
    turn.say(f"Fixing {shown}\n{ASK_VALUE}")
    dialog = Dialog(owner=pb.PREFIX, data={"fix": entry.id})
    return state.model_copy(update={"dialog": dialog})


def fixing(state: State) -> int | None:
    """The set a typed line is fixing, when /history asked for its new numbers."""
    dialog = state.dialog
    if dialog is None or dialog.owner != pb.PREFIX:
        return None
    value = dialog.data.get("fix")
    return value if isinstance(value, int) else None


async def typed(turn: Turn, state: State, text: str) -> State:
    """The new numbers for the set being fixed; "cancel" leaves it as it was."""
    set_id = fixing(state)
    found = await _set_of(turn, str(set_id)) if set_id is not None else None
    closed = state.model_copy(update={"dialog": None})
    if found is None or text.strip().lower() in {"cancel", "stop", "no", "nevermind"}:
        turn.say("OK, that set stays as it was.")
        return closed
    workout, entry = found
    side = entry.side if entry.side is not Side.BOTH else Side.BOTH
    context = Context(turn.user.settings.unit, Load(entry.load, entry.unit), side, entry.reps or 10)
    answer = read_entry(text, context)
    if isinstance(answer, Confirm):  # far from the old count: what was typed is what is meant
        answer = next((o.result for o in answer.options if isinstance(o.result, SetAnswer)), None)
    if not isinstance(answer, SetAnswer):
        reason = answer.reason if isinstance(answer, Refused) else ASK_VALUE
        turn.say(reason)
        return state
    load = answer.load if answer.load is not None else Load(entry.load, entry.unit)
    fixed = replace(
        entry, reps=answer.reps, load=load.value, unit=load.unit,
        effort=answer.effort.value if answer.effort else entry.effort,
        rpe=answer.rpe if answer.rpe is not None else entry.rpe,
        rir=answer.rir if answer.rir is not None else entry.rir, pain=answer.pain,
        note=answer.note or entry.note,
    )  # fmt: skip
    await turn.store.change_set(fixed)
    sets = [fixed if e.id == entry.id else e for e in workout.sets]
    show(turn, closed, replace(workout, sets=sets), "Fixed ✓")
    return closed
