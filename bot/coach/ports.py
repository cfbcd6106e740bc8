"""The storage the coach needs, as a Protocol it owns; bot/storage implements it with SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from bot.coach.replies import Timer


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    # A single-leg set whose side nobody recorded (an import from an app without sides): never
    # counted as left, right or both; shown as "side unknown".
    UNKNOWN = "unknown"


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


class WorkoutStatus(StrEnum):
    ACTIVE = "active"
    FINISHED = "finished"
    STOPPED = "stopped"  # the user stopped or cancelled; what was logged stays
    PAIN = "pain"  # stopped because something hurt


@dataclass
class UserSettings:
    unit: Unit = Unit.KG
    rest_seconds: int = 60
    switch_seconds: int = 10
    first_side: Side = Side.LEFT
    timezone: str | None = None


@dataclass
class UserRecord:
    id: int
    key: str  # the transport's stable id: "tg:12345", or the terminal's --user name
    settings: UserSettings
    # The conversation state as JSON; its shape belongs to bot/coach (see coach/state.py).
    state: dict[str, Any]
    version: int = 0
    # The one pending timer (rest over, switch sides); stored so a restart can re-arm it.
    timer: Timer | None = None


@dataclass(frozen=True)
class Plan:
    sets: int
    reps: int
    load: float | None  # None is bodyweight
    unit: Unit
    first_side: Side


@dataclass(frozen=True)
class SetEntry:
    workout_id: int
    exercise: str
    set_number: int
    side: Side
    reps: int | None  # None when a painful set was stopped before a count
    load: float | None
    unit: Unit
    logged_at: datetime
    effort: str | None = None  # "easy" | "right" | "hard", when the user said so
    note: str | None = None
    pain: bool = False
    rpe: float | None = None  # 1-10 in half steps, when the user gave one
    rir: int | None = None  # reps in reserve, when the user gave them
    id: int | None = None  # the store's id once logged: what an undo or an edit names
    # Where an imported set came from ("strong", "hevy", "fitnotes") and its stable key in that
    # app's exports; both None for a set logged here.
    source: str | None = None
    source_key: str | None = None


@dataclass
class WorkoutRecord:
    id: int
    user_id: int
    exercise: str
    plan: Plan
    started_at: datetime
    status: WorkoutStatus
    ended_at: datetime | None = None
    effort: str | None = None
    sets: list[SetEntry] = field(default_factory=list)
    # An imported session (bot/imports): the app it came from, None when logged here.
    source: str | None = None
    imported: bool = False


class CoachStore(Protocol):
    """One unit of work: every call joins the same transaction, committed once at the edge."""

    async def load_user(self, key: str) -> UserRecord:
        """The user with this key, created with default settings on first sight.

        Locks the user's row until the unit of work ends, so two events of one user (even on two
        replicas) are applied one after the other.
        """

    async def save_user(self, user: UserRecord) -> None:
        """Store settings and state; raises StaleStateError if user.version moved meanwhile."""

    async def start_workout(
        self, user_id: int, exercise: str, plan: Plan, started_at: datetime
    ) -> int: ...

    async def end_workout(
        self, workout_id: int, ended_at: datetime, status: WorkoutStatus, effort: str | None = None
    ) -> None: ...

    async def rate_workout(self, workout_id: int, effort: str) -> None:
        """Record the effort answer given after the summary."""

    async def log_set(self, entry: SetEntry) -> int:
        """Log a set in its workout; its id."""

    async def change_set(self, entry: SetEntry) -> bool:
        """Replace the logged set with entry.id (in entry.workout_id) by entry; False if gone."""

    async def remove_set(self, workout_id: int, set_id: int) -> bool:
        """Delete one logged set of the workout; False when there is no such set."""

    async def reopen_workout(self, workout_id: int) -> None:
        """An ended workout is active again (its last set was undone after the summary)."""

    async def remove_workout(self, workout_id: int) -> bool:
        """Delete the workout and its sets; False when there is no such workout."""

    async def workout(self, workout_id: int) -> WorkoutRecord | None:
        """One workout with its sets in logging order, or None."""

    async def previous_workout(
        self, user_id: int, exercise: str, before_id: int | None = None
    ) -> WorkoutRecord | None:
        """The user's latest workout of this exercise (older than before_id) with its sets."""

    async def workouts(
        self,
        user_id: int,
        exercise: str | None = None,
        limit: int = 10,
        offset: int = 0,
        logged_only: bool = False,
    ) -> list[WorkoutRecord]:
        """The user's workouts, newest first, each with its sets; logged_only: only those
        that logged a set."""

    async def pending_timers(self) -> list[tuple[str, Timer]]:
        """(user key, timer) for every user with a timer set: what to re-arm at start-up."""

    async def workouts_since(
        self, user_id: int, exercise: str, since: datetime | None = None
    ) -> list[WorkoutRecord]:
        """The user's workouts of one exercise started at since or later (all when None),
        oldest first, each with its sets: a period of training for a chart."""

    async def forget_user(self, user_id: int) -> dict[str, int]:
        """Delete the user and every row of theirs in every table (/deleteme); rows per table.

        The user's row is gone afterwards: save_user must not be called for them in this unit.
        """


class Retryable(Exception):
    """The unit lost a race with another event (at this or another replica) and was rolled back:
    running the event again, on the fresh state, is safe."""


class StaleStateError(Retryable):
    """Another event changed the user's state first; the caller retries or reports."""


class ConflictError(Retryable):
    """The database rolled the unit back to settle a conflict with another unit (a deadlock, a
    serialization failure, a lock not granted in time): nothing of it was applied."""


class AlreadyApplied(Exception):
    """The update was applied to the user before (we died before answering it): its unit rolls
    back and it is not applied again.

    applied_at: when it was applied (None: not known, long ago). A delivery soon after is the
    same update reaching two replicas at once, whose first answer is on its way; a later one
    follows a reply that was lost, and the user is shown where they are.
    """

    def __init__(self, message: str, applied_at: datetime | None = None) -> None:
        super().__init__(message)
        self.applied_at = applied_at


class NoSuchUser(Exception):
    """The event may only reach a user who exists (a timer coming due), and there is none:
    they deleted everything (/deleteme), perhaps at another replica. Nothing is created."""
