"""The conversation state: an explicit step plus what the step needs, stored as user.state JSON."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.coach.ports import Plan, Side, Unit

SETS_MAX = 10
TARGET_MAX = 100


class Step(StrEnum):
    IDLE = "idle"
    CHOOSE = "choose"  # which exercise
    SAME = "same"  # same plan as last time?
    SETS = "sets"
    REPS = "reps"
    LOAD = "load"
    SIDE = "side"  # which leg starts (unilateral only)
    SET = "set"  # waiting for the reps of one side of one set
    SWITCH = "switch"  # changing legs; the other leg's reps are taken at once
    REST = "rest"  # between sets; the next set's reps are taken at once
    EFFORT = "effort"  # after the summary: easy, right or hard
    CONFIRM = "confirm"  # a question asked over a set step before anything is logged or stopped


PLAN_STEPS = frozenset({Step.SAME, Step.SETS, Step.REPS, Step.LOAD, Step.SIDE})
WORKOUT_STEPS = frozenset({Step.SET, Step.SWITCH, Step.REST, Step.CONFIRM})
# The steps with a countdown of their own (the user's one timer belongs to them).
TIMED_STEPS = frozenset({Step.SWITCH, Step.REST})
# How many logged sets an "undo" can take back, newest first.
UNDO_KEEP = 5


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Draft(_Model):
    """The plan being asked for, filled in question by question."""

    sets: int = Field(default=3, ge=1, le=SETS_MAX)
    reps: int = Field(default=10, ge=1, le=TARGET_MAX)
    load: float | None = Field(default=None, gt=0)
    unit: Unit = Unit.KG
    first_side: Side = Side.LEFT
    # Last time's plan for this exercise, offered as "same as last time".
    last: Plan | None = None

    def plan(self) -> Plan:
        return Plan(self.sets, self.reps, self.load, self.unit, self.first_side)


class WorkoutPosition(_Model):
    """Where the user is in a workout that has started (its sets live in the store)."""

    workout_id: int
    plan: Plan
    set_number: int = Field(ge=1, le=SETS_MAX)
    side: Side  # the side whose reps are awaited
    lead: Side  # the side that starts each set; flips to the weaker side after an imbalance
    load: float | None = Field(default=None, gt=0)  # the current weight, changed by "12 @ 12kg"
    unit: Unit = Unit.KG
    # Set once the sides of a set differ too much: the weaker side leads and sets the count ...
    weaker: Side | None = None
    # ... which the stronger side matches in the same set (the article's fix).
    match: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _within_plan(self) -> WorkoutPosition:
        if not 1 <= self.plan.sets <= SETS_MAX or not 1 <= self.plan.reps <= TARGET_MAX:
            raise ValueError("plan out of range")
        if self.set_number > self.plan.sets:
            raise ValueError("set number beyond the plan")
        return self


class LoggedMark(_Model):
    """A set logged in the workout in hand, and where the workout was before it: what undo
    takes back, and the place it goes back to."""

    set_id: int
    position: WorkoutPosition


class Choice(_Model):
    """One answer to a question the coach asked: what it does, as the set-entry language's
    result in JSON (bot/coach/corrections.py); None: nothing is logged."""

    label: str
    result: dict[str, Any] | None = None


class Question(_Model):
    """A question asked over a set step: a count far from the target, a side that is not the
    one awaited, or "stop the workout?"; its answers are one tap (or typed)."""

    kind: Literal["entry", "stop"]
    text: str
    back: Step  # the step it was asked over, where the workout goes on
    choices: tuple[Choice, ...] = ()


class AskedAbout(_Model):
    """The last question's subject (bot.answers.model.Subject as JSON) and when it was asked:
    a follow-up ("and the GHR?", "more") builds on it for a few minutes."""

    subject: dict[str, Any]
    at: int  # epoch seconds


class Dialog(_Model):
    """A feature's conversation: which feature (its button owner) and its own JSON state."""

    owner: str
    data: dict[str, Any]


class State(_Model):
    version: Literal[1] = 1
    step: Step = Step.IDLE
    # Increments with every step; buttons and timers carry it, so stale ones are recognised.
    token: int = Field(default=0, ge=0)
    exercise: str | None = None
    draft: Draft | None = None
    progress: WorkoutPosition | None = None
    # A feature's own conversation in progress (the /remind questions); None when there is
    # none. Kept beside the workout so /remind mid-rest leaves the workout where it was.
    dialog: Dialog | None = None
    # The sets this workout logged last, newest last (undo takes them back one by one).
    undo: tuple[LoggedMark, ...] = ()
    # The question the CONFIRM step asks.
    question: Question | None = None
    # What the user asked about last, for follow-ups.
    asked: AskedAbout | None = None

    @model_validator(mode="before")
    @classmethod
    def _older_dialog(cls, raw: Any) -> Any:
        """States saved before features owned dialogs kept the /remind one under its own key."""
        if isinstance(raw, dict) and "reminder_dialog" in raw:
            raw = dict(raw)
            older = raw.pop("reminder_dialog")
            if older is not None:
                raw["dialog"] = {"owner": "rm", "data": older}
        return raw

    @model_validator(mode="after")
    def _step_has_what_it_needs(self) -> State:
        if self.step in PLAN_STEPS and (self.exercise is None or self.draft is None):
            raise ValueError(f"step {self.step} needs an exercise and a draft plan")
        needs_progress = self.step in WORKOUT_STEPS or self.step is Step.EFFORT
        if needs_progress and (self.exercise is None or self.progress is None):
            raise ValueError(f"step {self.step} needs an exercise and a workout")
        if (self.step is Step.CONFIRM) != (self.question is not None):
            raise ValueError("a question is asked at the confirm step, and only there")
        return self

    def to(self, step: Step, **changes: Any) -> State:
        """The next step: a new token, so buttons and timers of this one go stale. Leaving the
        workout (idle, or a new plan) forgets what undo could take back; leaving the confirm
        step forgets its question."""
        if step not in WORKOUT_STEPS and step is not Step.EFFORT:
            changes.setdefault("undo", ())
        if step is not Step.CONFIRM:
            changes.setdefault("question", None)
        return self.model_copy(update={"step": step, "token": self.token + 1, **changes})

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def idle(token: int) -> State:
    return State(step=Step.IDLE, token=token)


def read_state(raw: dict[str, Any]) -> State | None:
    """The stored state, or None when it is invalid or from an older coach."""
    if not raw:
        return State()
    try:
        return State.model_validate(raw)
    except ValidationError:
        return None
