"""Taking a set back and fixing it: undo, "I meant 9", and the questions asked before logging.

A lifter mistypes between sets; every good log lets them fix it. Undo removes the last logged
set of the workout in hand and goes back to its place; a replacement changes it where it
stands. A count far from the target, a side that is not the one awaited and "stop" are asked
about first (the CONFIRM step), with one-tap answers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.coach import keyboards as kb
from bot.coach.entry.loads import Load
from bot.coach.entry.results import BothSides, Confirm, LoadChange, Ready, SetAnswer, Stop
from bot.coach.entry.tags import Effort
from bot.coach.ports import SetEntry, Side, Unit
from bot.coach.prompts import set_prompt, weight_of
from bot.coach.state import Choice, Question, State, Step, WorkoutPosition
from bot.coach.turn import Turn, side_label

NOTHING_TO_UNDO = "Nothing to undo in this workout yet."
STOP_QUESTION = "Stop the workout here? Everything you logged is kept."
CHOICE = "q"  # the confirm step's buttons: c:<token>:q:<index>
Answer = SetAnswer | LoadChange | BothSides | Ready | Stop  # what a question's option does


def result_json(result: Answer | None) -> dict[str, Any] | None:
    """A set-entry result as JSON, to keep in the user's state until they answer."""
    if result is None:
        return None
    if isinstance(result, LoadChange):
        return {"load": _load_json(result.load)}
    if isinstance(result, BothSides):
        return {"both": [result_json(result.first), result_json(result.second)]}
    if isinstance(result, Ready | Stop):
        return {"command": "ready" if isinstance(result, Ready) else "stop"}
    return {
        "reps": result.reps,
        "load": _load_json(result.load) if result.load is not None else None,
        "side": result.side.value if result.side else None,
        "effort": result.effort.value if result.effort else None,
        "rpe": result.rpe, "rir": result.rir, "pain": result.pain, "note": result.note,
    }  # fmt: skip


def result_of(data: dict[str, Any]) -> Answer:
    if "both" in data:
        first, second = (_set_of(part) for part in data["both"])
        return BothSides(first, second)
    if "command" in data:
        return Ready() if data["command"] == "ready" else Stop()
    if "reps" not in data:
        return LoadChange(_load_of(data["load"]))
    return _set_of(data)


def _set_of(data: dict[str, Any]) -> SetAnswer:
    return SetAnswer(
        reps=int(data["reps"]),
        load=_load_of(data["load"]) if data.get("load") else None,
        side=Side(data["side"]) if data.get("side") else None,
        effort=Effort(data["effort"]) if data.get("effort") else None,
        rpe=data.get("rpe"), rir=data.get("rir"), pain=bool(data.get("pain")),
        note=data.get("note"),
    )  # fmt: skip


def _load_json(load: Load) -> dict[str, Any]:
    return {"value": load.value, "unit": load.unit.value}


def _load_of(data: dict[str, Any]) -> Load:
    return Load(data["value"], Unit(data["unit"]))


def ask_confirm(turn: Turn, state: State, confirm: Confirm) -> State:
    """Ask before logging: the set-entry language's question, its options as buttons."""
    choices = tuple(Choice(label=o.label, result=result_json(o.result)) for o in confirm.options)
    question = Question(kind="entry", text=confirm.question, back=state.step, choices=choices)
    new = state.to(Step.CONFIRM, question=question)
    say_question(turn, new)
    return new


def ask_stop(turn: Turn, state: State) -> State:
    """Stop is one tap away from Skip: asked once, answered with one tap."""
    choices = (Choice(label="Yes, stop"), Choice(label="Keep going"))
    question = Question(kind="stop", text=STOP_QUESTION, back=state.step, choices=choices)
    new = state.to(Step.CONFIRM, question=question)
    say_question(turn, new)
    return new


def question_buttons(turn: Turn, state: State) -> kb.Keyboard:
    assert state.question is not None
    return kb.choice_keyboard(state.token, [c.label for c in state.question.choices])


def say_question(turn: Turn, state: State, lead: str = "") -> None:
    assert state.question is not None
    turn.say(f"{lead}\n{state.question.text}", question_buttons(turn, state))


async def say_question_async(turn: Turn, state: State, lead: str = "") -> None:
    say_question(turn, state, lead)


def last_mark(state: State) -> tuple[int, WorkoutPosition] | None:
    return (state.undo[-1].set_id, state.undo[-1].position) if state.undo else None


async def _last_entry(turn: Turn, state: State) -> SetEntry | None:
    mark, progress = last_mark(state), state.progress
    if mark is None or progress is None:
        return None
    workout = await turn.store.workout(progress.workout_id)
    return next((e for e in (workout.sets if workout else []) if e.id == mark[0]), None)


def _describe(turn: Turn, state: State, entry: SetEntry) -> str:
    reps = "pain" if entry.reps is None else str(entry.reps)
    return f"{side_label(turn.exercise(state), entry.side)}, set {entry.set_number} ({reps})"


async def undo(turn: Turn, state: State) -> State:
    """Take back the last logged set and go back to it: its set, its side, its weight."""
    entry, progress = await _last_entry(turn, state), state.progress
    if entry is None or progress is None or entry.id is None:
        await turn.ask(state, NOTHING_TO_UNDO)
        return state
    await turn.store.remove_set(progress.workout_id, entry.id)
    if state.step is Step.EFFORT:  # undone after the summary: the workout goes on
        await turn.store.reopen_workout(progress.workout_id)
    back = state.undo[-1].position
    new = state.to(Step.SET, progress=back, undo=state.undo[:-1])
    turn.out.notice = "Undone"
    await set_prompt(turn, new, f"Undone: {_describe(turn, state, entry)}. Nothing of it is kept.")
    return new


async def _entry_to_fix(
    turn: Turn, state: State, side: Side | None, set_number: int | None, was: int | None
) -> SetEntry | None:
    """The logged set a correction names: the last one logged, or the last of the side or the
    set named, preferring the one that has the wrong count named ("9 not 10")."""
    progress = state.progress
    if progress is None:
        return None
    if side is None and set_number is None and was is None:
        return await _last_entry(turn, state)
    workout = await turn.store.workout(progress.workout_id)
    logged = sorted(
        (e for e in (workout.sets if workout else []) if e.id is not None and e.reps is not None),
        key=lambda e: e.id or 0,
    )
    named = [
        e for e in logged
        if (side is None or e.side is side) and (set_number is None or e.set_number == set_number)
    ]  # fmt: skip
    with_wrong_count = [e for e in named if e.reps == was]
    found = with_wrong_count or named
    return found[-1] if found else None


def _nothing_named(side: Side | None, set_number: int | None) -> str:
    which = " ".join(filter(None, [side.value if side else None, "set"]))
    where = f" {set_number}" if set_number is not None else ""
    return f"No {which}{where} logged in this workout to fix. Nothing changed."


async def replace_last(
    turn: Turn,
    state: State,
    answer: SetAnswer,
    set_number: int | None = None,
    was: int | None = None,
) -> State:
    """ "I meant 9", "left was 9", "set 1 was 11 not 12": the logged set named (the last one
    when none is) gets the numbers typed; the rest of it stays, and so does its place in undo."""
    named = answer.side is not None or set_number is not None
    entry = await _entry_to_fix(turn, state, answer.side, set_number, was)
    if entry is None:
        missing = _nothing_named(answer.side, set_number) if named else None
        await turn.ask(state, missing or f"{NOTHING_TO_UNDO} Type the reps of this set.")
        return state
    load, unit = entry.load, entry.unit
    if answer.load is not None:
        load, unit = answer.load.value, answer.load.unit
    fixed = replace(
        entry, reps=answer.reps, load=load, unit=unit,
        effort=answer.effort.value if answer.effort else entry.effort,
        rpe=answer.rpe if answer.rpe is not None else entry.rpe,
        rir=answer.rir if answer.rir is not None else entry.rir,
        note=answer.note or entry.note,
    )  # fmt: skip
    await turn.store.change_set(fixed)
    was_text = "pain" if entry.reps is None else str(entry.reps)
    label = side_label(turn.exercise(state), entry.side)
    shown = f"{answer.reps} @ {weight_of(turn, state, load, unit)}"
    await turn.ask(state, f"Fixed: {label}, set {entry.set_number}: {was_text} → {shown} ✓")
    return state
