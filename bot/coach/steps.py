"""The step table: for every step, its prompt, its buttons, and what text, a press and a timer do.

This is the one place that says which step accepts what. The engine looks a step up here and
calls its row; nothing else branches on the step to decide what an answer means. The diagram
in bot/coach/README.md is generated from this table (`python -m bot.coach.steps`), and a test
checks the committed one matches it.
"""

from __future__ import annotations

from bot.coach import confirm_step, corrections, planning, prompts, setloop, summary
from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.state import PLAN_STEPS, State, Step
from bot.coach.turn import StepSpec, Turn

# Typed at the idle step, these start a workout as /workout would.
START_WORDS = frozenset({"workout", "start", "train", "start workout", "lets train"})


async def idle_text(turn: Turn, state: State, text: str) -> State | None:
    if parse.simplify(text) in START_WORDS:
        return await planning.workout_command(turn, state, "")
    return None


async def choose_press(turn: Turn, state: State, action: str) -> State:
    """Start a workout, or begin one of a named exercise (the idle and choose steps' buttons)."""
    if action == kb.START:
        return await planning.workout_command(turn, state, "")
    return await planning.begin(turn, state, action.removeprefix("e:"))


_STARTS = frozenset({Step.SAME, Step.SETS, Step.SET, Step.CHOOSE})  # what choosing leads to
# Every set step ends in the next side, a rest, the summary, a stop or a stop for pain, or asks
# first (confirm).
_SET_MOVES = frozenset({Step.SET, Step.SWITCH, Step.REST, Step.EFFORT, Step.IDLE, Step.CONFIRM})


def _plan_row(about: str, *moves: Step) -> StepSpec:
    return StepSpec(
        about,
        prompts.plan_prompt,
        prompts.plan_buttons,
        planning.plan_text_answer,
        planning.plan_press,
        frozenset(moves),
    )


STEPS: dict[Step, StepSpec] = {
    Step.IDLE: StepSpec(
        "a workout or a question",
        prompts.idle_prompt, prompts.idle_buttons, idle_text, choose_press, _STARTS,
    ),
    Step.CHOOSE: StepSpec(
        "which exercise",
        prompts.choose_prompt, prompts.choose_buttons, planning.choose_text, choose_press, _STARTS,
    ),
    # Pain typed while planning cancels the plan (idle); a full plan typed skips questions.
    Step.SAME: _plan_row("same plan as last time?", Step.SETS, Step.SIDE, Step.SET, Step.IDLE),
    Step.SETS: _plan_row("how many sets", Step.REPS, Step.LOAD, Step.SIDE, Step.SET, Step.IDLE),
    Step.REPS: _plan_row("target reps", Step.LOAD, Step.IDLE),
    Step.LOAD: _plan_row("the weight", Step.SIDE, Step.SET, Step.IDLE),
    Step.SIDE: _plan_row("which leg first", Step.SET, Step.IDLE),
    Step.SET: StepSpec(
        "the reps of one side",
        prompts.set_prompt, prompts.set_buttons, setloop.workout_text, setloop.workout_press,
        _SET_MOVES,
    ),
    Step.SWITCH: StepSpec(
        "switching legs, the other side's reps taken at once",
        prompts.switch_prompt, prompts.switch_buttons, setloop.workout_text, setloop.workout_press,
        _SET_MOVES, setloop.timer_due,
    ),
    Step.REST: StepSpec(
        "resting, the next set's reps taken at once",
        prompts.rest_prompt, prompts.rest_buttons, setloop.workout_text, setloop.workout_press,
        _SET_MOVES, setloop.timer_due,
    ),
    Step.CONFIRM: StepSpec(
        "a one-tap question before logging or stopping",
        corrections.say_question_async, corrections.question_buttons,
        confirm_step.confirm_text, confirm_step.confirm_press, _SET_MOVES,
    ),
    Step.EFFORT: StepSpec(
        "how it felt",
        prompts.effort_prompt, prompts.effort_buttons, summary.effort_text, summary.effort_press,
        frozenset({Step.IDLE, Step.SET}),  # undo after the summary goes back to the set
    ),
}  # fmt: skip

# Commands move from any step: /workout to choosing or planning, /cancel and /stop to idle.
COMMAND_MOVES = frozenset({Step.CHOOSE, *PLAN_STEPS, Step.SET, Step.IDLE})


def mermaid() -> str:
    """The step diagram, from the table: one arrow per move a step may make."""
    lines = ["stateDiagram-v2", "    [*] --> idle"]
    for step, spec in STEPS.items():
        lines.append(f"    {step.value} : {step.value} · {spec.about}")
    for step, spec in STEPS.items():
        for target in sorted(spec.moves_to - {step}, key=list(Step).index):
            lines.append(f"    {step.value} --> {target.value}")
    return "\n".join(lines)


def declared(before: Step, after: Step, by_command: bool) -> bool:
    """Is this move one the table (or a command) allows?"""
    if before is after:
        return True
    return after in STEPS[before].moves_to or (by_command and after in COMMAND_MOVES)


if __name__ == "__main__":
    print(mermaid())
