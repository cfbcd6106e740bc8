"""Before a workout: the heads-up about a leg that stays weaker, and today's plan to accept."""

from __future__ import annotations

from bot.coach import keyboards as kb
from bot.coach.ports import WorkoutRecord
from bot.coach.replies import Reply
from bot.coach.session_sides import weaker
from bot.coach.state import State, Step
from bot.coach.trends import (
    Imbalance,
    Suggestion,
    imbalance_text,
    persistent_weaker,
    suggest,
    suggestion_text,
)
from bot.coach.turn import Turn

# Enough sessions for a streak of weaker sides and a run of misses.
RECENT = 8


def counted(workouts: list[WorkoutRecord]) -> list[WorkoutRecord]:
    """The sessions among these that counted a set, in their order."""
    return [w for w in workouts if any(e.reps is not None for e in w.sets)]


async def look_back(
    turn: Turn, slug: str, recent: list[WorkoutRecord] | None = None
) -> tuple[Imbalance | None, Suggestion | None]:
    """recent: the user's latest RECENT workouts of the exercise, newest first, if read already."""
    ex = turn.library[slug]
    if recent is None:
        recent = await turn.store.workouts(turn.user.id, slug, limit=RECENT)
    sessions = counted(recent)
    imbalance = persistent_weaker(sessions) if ex.unilateral else None
    latest = weaker(sessions[0]) if sessions and ex.unilateral else None
    # The article's fix: the weaker leg leads (a pattern first, else last session's gap).
    lead = imbalance.side if imbalance else (latest[0] if latest else None)
    return imbalance, suggest(ex, sessions, turn.user.settings.unit, lead)


async def before_plan(turn: Turn, state: State, recent: list[WorkoutRecord]) -> None:
    """The plan questions were just asked: put the heads-up and today's plan above the question,
    and the button that accepts the plan under it (only when "same as last time" is offered).
    recent: the user's latest RECENT workouts of the exercise, newest first."""
    assert state.exercise is not None
    imbalance, found = await look_back(turn, state.exercise, recent)
    lines = [imbalance_text(imbalance)] if imbalance else []
    accept = None
    if found is not None and state.step is Step.SAME:
        lines.append(suggestion_text(found))
        accept = kb.today_button(state.token, state.exercise)
    if not lines or not turn.out.replies:
        return
    prompt = turn.out.replies[-1]
    keyboard = (*prompt.buttons, (accept,)) if accept else prompt.buttons
    turn.out.replies[-1] = Reply("\n\n".join([*lines, prompt.text]), keyboard)


async def before_start(turn: Turn, slug: str, recent: list[WorkoutRecord]) -> None:
    """A workout starts straight away (/workout NAME 3x10): the heads-up alone, said first.
    recent: the user's latest RECENT workouts of the exercise, newest first."""
    if turn.library[slug].unilateral:
        imbalance = persistent_weaker(counted(recent))
        if imbalance is not None:
            turn.say(imbalance_text(imbalance))
