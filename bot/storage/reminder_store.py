"""Reminder rules and their occurrences in SQL: the tables, and what a user's commands change."""

# SqlReminders implements bot.reminders.domain.ReminderStore on one session; it never commits (the
# unit of work does). Every method takes the user's id and filters by it, so a user only ever sees
# and changes their own reminders. The scheduler's side is in reminder_claims.py.

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Time,
    UniqueConstraint,
    delete,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.reminders.domain import OccurrenceStatus, Reminder, ReminderStore, UserOccurrence
from bot.reminders.schedule import Rule, next_occurrence, require_aware
from bot.storage.models import NO_ID_REUSE, Base, UTCDateTime

STATUSES = ", ".join(f"'{s.value}'" for s in OccurrenceStatus)


class ReminderRow(Base):
    __tablename__ = "reminders"
    __table_args__ = (
        CheckConstraint("days > 0 AND days < 128", name="days"),
        # The scheduler's scan: unpaused reminders by next due instant.
        Index("ix_reminders_due", "paused", "next_due_at"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False
    )
    local_time: Mapped[time] = mapped_column(Time, nullable=False)
    days: Mapped[int] = mapped_column(SmallInteger, nullable=False)  # bit 0 = Monday
    zone: Mapped[str] = mapped_column(String(64), nullable=False)
    exercise: Mapped[str | None] = mapped_column(String(64))
    paused: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # The next occurrence's instant: what the scheduler's index scan looks at.
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class OccurrenceRow(Base):
    __tablename__ = "reminder_occurrences"
    __table_args__ = (
        # The claim: one row per reminder per local day, inserted only if absent.
        UniqueConstraint("reminder_id", "local_date", name="uq_reminder_occurrences_key"),
        CheckConstraint(f"status IN ({STATUSES})", name="status"),
        # Expired claims and ended snoozes are found by status first.
        Index("ix_reminder_occurrences_status", "status", "claimed_at"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reminder_id: Mapped[int] = mapped_column(
        ForeignKey("reminders.id", ondelete="CASCADE"), nullable=False
    )
    local_date: Mapped[date] = mapped_column(Date, nullable=False)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


def to_reminder(row: ReminderRow) -> Reminder:
    return Reminder(
        row.id,
        row.user_id,
        row.local_time,
        row.days,
        row.zone,
        row.exercise,
        row.paused,
        row.next_due_at,
    )


class SqlReminders:
    """Reminder storage on one AsyncSession (one unit of work)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._dialect = session.get_bind().dialect.name

    # --- a user's reminders -----------------------------------------------------------------

    async def list_reminders(self, user_id: int) -> list[Reminder]:
        rows = await self.session.scalars(
            select(ReminderRow).where(ReminderRow.user_id == user_id).order_by(ReminderRow.id)
        )
        return [to_reminder(row) for row in rows]

    async def _own(self, user_id: int, reminder_id: int) -> ReminderRow | None:
        return await self.session.scalar(
            select(ReminderRow).where(ReminderRow.id == reminder_id, ReminderRow.user_id == user_id)
        )

    async def create_reminder(
        self, user_id: int, rule: Rule, exercise: str | None, now: datetime
    ) -> Reminder:
        row = ReminderRow(
            user_id=user_id,
            local_time=rule.at,
            days=rule.days,
            zone=rule.zone,
            exercise=exercise,
            paused=False,
            created_at=require_aware(now),
            next_due_at=next_occurrence(rule, now).due_at,
        )
        self.session.add(row)
        await self.session.flush()
        return to_reminder(row)

    async def update_reminder(
        self, user_id: int, reminder_id: int, rule: Rule, exercise: str | None, now: datetime
    ) -> Reminder | None:
        row = await self._own(user_id, reminder_id)
        if row is None:
            return None
        row.local_time, row.days, row.zone, row.exercise = rule.at, rule.days, rule.zone, exercise
        row.next_due_at = next_occurrence(rule, now).due_at
        await self.session.flush()
        return to_reminder(row)

    async def set_paused(
        self, user_id: int, reminder_id: int, paused: bool, now: datetime
    ) -> Reminder | None:
        row = await self._own(user_id, reminder_id)
        if row is None:
            return None
        row.paused = paused
        if not paused:  # what fell due while paused is not owed: start from now
            rule = Rule(row.local_time, row.days, row.zone)
            row.next_due_at = next_occurrence(rule, now).due_at
        await self.session.flush()
        return to_reminder(row)

    async def delete_reminder(self, user_id: int, reminder_id: int) -> bool:
        result = await self.session.execute(
            delete(ReminderRow).where(ReminderRow.id == reminder_id, ReminderRow.user_id == user_id)
        )
        return bool(getattr(result, "rowcount", 0))

    async def set_zone(self, user_id: int, zone_name: str, now: datetime) -> int:
        rows = await self.session.scalars(select(ReminderRow).where(ReminderRow.user_id == user_id))
        count = 0
        for row in rows:
            row.zone = zone_name
            row.next_due_at = next_occurrence(Rule(row.local_time, row.days, zone_name), now).due_at
            count += 1
        await self.session.flush()
        return count

    # --- occurrences as the user's buttons see them -----------------------------------------

    async def user_occurrence(self, user_id: int, occurrence_id: int) -> UserOccurrence | None:
        found = (
            await self.session.execute(
                select(OccurrenceRow, ReminderRow)
                .join(ReminderRow, OccurrenceRow.reminder_id == ReminderRow.id)
                .where(OccurrenceRow.id == occurrence_id, ReminderRow.user_id == user_id)
            )
        ).first()
        if found is None:
            return None
        occ, row = found
        return UserOccurrence(
            occ.id, to_reminder(row), occ.local_date, OccurrenceStatus(occ.status)
        )

    async def answer_occurrence(
        self,
        occurrence_id: int,
        from_statuses: frozenset[OccurrenceStatus],
        status: OccurrenceStatus,
        snoozed_until: datetime | None = None,
    ) -> bool:
        values: dict[str, Any] = {"status": status.value}
        if snoozed_until is not None:
            values["snoozed_until"] = require_aware(snoozed_until)
        result = await self.session.execute(
            update(OccurrenceRow)
            .where(
                OccurrenceRow.id == occurrence_id,
                OccurrenceRow.status.in_([s.value for s in from_statuses]),
            )
            .values(**values)
        )
        return bool(getattr(result, "rowcount", 0))


@asynccontextmanager
async def reminder_unit(database: Any) -> AsyncIterator[SqlReminders]:
    """One unit of work of `database` (bot.storage.Database), seen as reminder storage."""
    async with database.unit() as store:
        yield SqlReminders(store.session)


if TYPE_CHECKING:  # mypy checks that the class fits the Protocol the reminders are typed against

    def _fits(session: AsyncSession) -> ReminderStore:
        return SqlReminders(session)
