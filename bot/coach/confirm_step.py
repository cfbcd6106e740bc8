"""The confirm step: a one-tap question asked over a set step, answered by a tap or by typing."""

from __future__ import annotations

from bot.coach import corrections, setloop
from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.entry.entry import read_entry
from bot.coach.entry.results import Confirm, SetAnswer, Stop
from bot.coach.prompts import set_prompt
from bot.coach.state import State, Step
from bot.coach.turn import Turn

YES = frozenset({"yes", "y", "yep", "yeah", "yes stop", "ok", "sure", "do it", "confirm"})
NO = frozenset({"no", "n", "nope", "keep going", "continue", "go on", "not yet", "cancel"})


def _back(state: State) -> State:
    """The step the question was asked over, as it was (same token: nothing moved yet)."""
    assert state.question is not None
    return state.model_copy(update={"step": state.question.back, "question": None})


async def _carry_on(turn: Turn, state: State, lead: str) -> State:
    """Nothing logged, nothing stopped: the set is asked for again."""
    new = _back(state).to(Step.SET)
    await set_prompt(turn, new, lead)
    return new


async def _choose(turn: Turn, state: State, index: int) -> State:
    question = state.question
    assert question is not None
    if question.kind == "stop":
        if index == 0:
            return await setloop.stop(turn, _back(state))
        return await _carry_on(turn, state, "Good, keep going.")
    result = question.choices[index].result
    if result is None:
        return await _carry_on(turn, state, "OK, nothing logged.")
    chosen = corrections.result_of(result)
    back = _back(state)
    if isinstance(chosen, Stop):  # chosen with a tap: that is the confirmation
        return await setloop.stop(turn, back)
    if isinstance(chosen, SetAnswer):
        return await setloop.log(turn, back, chosen)
    return await setloop.apply_entry(turn, back, chosen)


async def confirm_press(turn: Turn, state: State, action: str) -> State:
    """One of the question's buttons (the engine checked the step offers it)."""
    index = int(action.removeprefix(f"{kb.CHOICE}:"))
    return await _choose(turn, state, index)


async def confirm_text(turn: Turn, state: State, text: str) -> State | None:
    """Yes or no answers the question; a set typed instead is what the lifter meant (it was
    asked about once, so it is logged as typed); anything else goes to the step asked over."""
    question = state.question
    assert question is not None
    words = parse.simplify(text)
    if words in YES:
        return await _choose(turn, state, 0)
    if words in NO:
        stop_no = question.kind == "stop"
        return await _choose(turn, state, 1) if stop_no else await _carry_on(turn, state, "OK.")
    back = _back(state)
    entry = read_entry(text, setloop.entry_context(turn, back))
    if isinstance(entry, Confirm) and question.kind == "entry":
        first = entry.options[0].result
        if isinstance(first, SetAnswer):
            return await setloop.log(turn, back, first)
    if entry is None:
        return None  # a question: answered, and this question asked again
    return await setloop.apply_entry(turn, back, entry)
