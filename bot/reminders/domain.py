"""Reminder records, what a send returns, and the storage the reminders need, as a Protocol."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from bot.coach.replies import Reply
from bot.reminders.schedule import Rule

# A reminder this much past its time says it is late, so the user knows why it came now.
LATE_AFTER = timedelta(minutes=2)


class OccurrenceStatus(StrEnum):
    CLAIMED = "claimed"  # a worker holds it and is about to send (until its lease runs out)
    SENT = "sent"
    MISSED = "missed"  # due while nobody could send it, past the grace window: recorded, not sent
    SNOOZED = "snoozed"  # sent, and the user asked for it again at snoozed_until
    SKIPPED = "skipped"  # the user pressed Skip today
    STARTED = "started"  # the user pressed Start now
    BLOCKED = "blocked"  # Telegram said the user blocked the bot; their reminders are paused


# Answers that keep an adherence streak going: the user trained, or said they would not today.
KEPT = frozenset({OccurrenceStatus.STARTED, OccurrenceStatus.SKIPPED})


@dataclass(frozen=True)
class Reminder:
    id: int
    user_id: int
    at: time  # wall-clock time in `zone`
    days: int  # weekday mask, bit 0 = Monday
    zone: str  # IANA name or "UTC+05:30", copied from the user's settings
    exercise: str | None  # a content slug; None means "any exercise"
    paused: bool
    next_due_at: datetime | None = None

    @property
    def rule(self) -> Rule:
        return Rule(self.at, self.days, self.zone)


@dataclass(frozen=True)
class Due:
    """A reminder whose next occurrence has come, with the key of its recipient."""

    reminder: Reminder
    user_key: str


@dataclass(frozen=True)
class ClaimedOccurrence:
    """An occurrence this worker holds the right to send."""

    id: int
    reminder: Reminder
    user_key: str
    local_date: date
    due_at: datetime  # when it was due: the rule's instant, or the end of a snooze


@dataclass(frozen=True)
class UserOccurrence:
    """An occurrence as its owner's button presses see it."""

    id: int
    reminder: Reminder
    local_date: date
    status: OccurrenceStatus


@dataclass(frozen=True)
class Adherence:
    sessions_this_week: int  # days trained since Monday (the user's week), see adherence.py
    streak: int  # latest occurrences in a row answered: Start now, Skip today, or trained


class SendStatus(StrEnum):
    OK = "ok"
    BLOCKED = "blocked"  # 403: the user blocked the bot; never retried
    RETRY = "retry"  # 429: the bot's budget is spent; this message goes again after retry_after
    FAILED = "failed"  # the Bot API could not be reached: handed back for any replica to send


@dataclass(frozen=True)
class SendResult:
    status: SendStatus
    retry_after: float = 0.0

    @classmethod
    def ok(cls) -> SendResult:
        return cls(SendStatus.OK)

    @classmethod
    def blocked(cls) -> SendResult:
        return cls(SendStatus.BLOCKED)

    @classmethod
    def retry(cls, after: float) -> SendResult:
        return cls(SendStatus.RETRY, max(0.0, after))

    @classmethod
    def failed(cls) -> SendResult:
        return cls(SendStatus.FAILED)


@dataclass(frozen=True)
class Delivery:
    """One reminder message to send: to whom, for which occurrence, and the message itself."""

    user_key: str
    occurrence: ClaimedOccurrence
    reply: Reply
    # Sent later than this after its time, it counts as late; a fan-out started ahead of the due
    # moment plans part of its spread after it, and those are on time.
    late_after: timedelta = LATE_AFTER


class ReminderStore(Protocol):
    """Reminder storage inside one unit of work; never commits (the unit does, at the edge)."""

    async def list_reminders(self, user_id: int) -> list[Reminder]: ...

    async def create_reminder(
        self, user_id: int, rule: Rule, exercise: str | None, now: datetime
    ) -> Reminder: ...

    async def update_reminder(
        self, user_id: int, reminder_id: int, rule: Rule, exercise: str | None, now: datetime
    ) -> Reminder | None: ...

    async def set_paused(
        self, user_id: int, reminder_id: int, paused: bool, now: datetime
    ) -> Reminder | None: ...

    async def delete_reminder(self, user_id: int, reminder_id: int) -> bool: ...

    async def set_zone(self, user_id: int, zone: str, now: datetime) -> int:
        """Move every reminder of the user to this zone (same wall-clock times)."""

    async def user_occurrence(self, user_id: int, occurrence_id: int) -> UserOccurrence | None:
        """The occurrence if it belongs to this user's reminder, else None."""

    async def answer_occurrence(
        self,
        occurrence_id: int,
        from_statuses: frozenset[OccurrenceStatus],
        status: OccurrenceStatus,
        snoozed_until: datetime | None = None,
    ) -> bool:
        """Move the occurrence to status if it is in one of from_statuses; False otherwise."""


@dataclass(frozen=True)
class Wanted:
    """An occurrence to claim: which reminder, its local date, when it is due."""

    reminder_id: int
    local_date: date
    due_at: datetime


@dataclass(frozen=True)
class Advance:
    """Move a reminder's next_due_at from expected to next_due_at."""

    reminder_id: int
    expected: datetime
    next_due_at: datetime


class SchedulerStore(Protocol):
    """What the scheduler needs from storage, inside one unit of work; never commits."""

    async def due_reminders(self, now: datetime, limit: int) -> list[Due]:
        """Unpaused reminders with next_due_at <= now, oldest first; rows another worker is
        already handling (locked) are skipped where the database can tell."""

    async def claim(
        self, reminder_id: int, local_date: date, due_at: datetime, worker: str, now: datetime
    ) -> int | None:
        """Atomically take the occurrence (reminder, local date): its new id, or None when it
        already exists (another worker or an earlier run has it)."""

    async def record_missed(
        self, reminder_id: int, local_date: date, due_at: datetime, now: datetime
    ) -> bool:
        """Record an occurrence too old to send; False if it was already recorded."""

    async def advance(self, reminder_id: int, expected: datetime, next_due_at: datetime) -> bool:
        """Move next_due_at on, only if it still is `expected` (another worker may have)."""

    async def claim_many(self, wanted: list[Wanted], worker: str, now: datetime) -> dict[int, int]:
        """claim() for many in one statement: reminder id -> new occurrence id, for those
        whose (reminder, local date) nobody had yet."""

    async def advance_many(self, moves: list[Advance]) -> None:
        """advance() for many in one statement; each only if next_due_at is still `expected`."""

    async def due_counts(self, until: datetime, limit: int) -> list[tuple[datetime, int]]:
        """(due instant, how many reminders) of the unpaused reminders due by `until`, in
        order: what a fan-out has ahead of it."""

    async def reclaim_expired(
        self, lease_start: datetime, worker: str, now: datetime, limit: int
    ) -> list[ClaimedOccurrence]:
        """Take over claims whose holder claimed before lease_start and never reported."""

    async def claim_snoozed(
        self, now: datetime, worker: str, limit: int
    ) -> list[ClaimedOccurrence]:
        """Take snoozed occurrences whose snooze has ended; due_at becomes the snooze's end."""

    async def finish(
        self, occurrence_ids: list[int], worker: str, status: OccurrenceStatus, now: datetime
    ) -> int:
        """Record the outcome of claims this worker holds: sent, missed or blocked."""

    async def release(self, occurrence_ids: list[int], worker: str) -> int:
        """Give claims back unsent, claimable at once by any worker (a graceful stop)."""

    async def renew(self, occurrence_ids: list[int], worker: str, now: datetime) -> int:
        """Extend this worker's lease on claims still waiting to be sent."""

    async def pause_user(self, user_id: int) -> int:
        """Pause every reminder of the user (they blocked the bot)."""

    async def adherence_many(
        self, users: list[tuple[int, str]], now: datetime
    ) -> dict[int, Adherence]:
        """Adherence of each (user id, zone) for the reminder message."""

    async def next_wake(self, lease: timedelta) -> datetime | None:
        """The earliest moment anything becomes due: a reminder, a snooze end, a lease end."""
