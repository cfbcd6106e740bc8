"""The scheduler's side of reminder storage: due reminders, atomic claims, leases, outcomes."""

# SqlReminderClaims implements bot.reminders.domain.SchedulerStore on one session; it never commits.
# Exactly once rests on two statements: INSERT ... ON CONFLICT (reminder_id, local_date) DO NOTHING
# (a claim, or a missed record, exists at most once per reminder per local day), and conditional
# UPDATEs that only change a claim still in the state the worker last saw.

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.reminders.adherence import LOOK_BACK, adherence
from bot.reminders.domain import (
    Adherence,
    Advance,
    ClaimedOccurrence,
    Due,
    OccurrenceStatus,
    SchedulerStore,
    Wanted,
)
from bot.reminders.schedule import require_aware
from bot.storage.models import UserRow, WorkoutRow
from bot.storage.reminder_store import OccurrenceRow, ReminderRow, to_reminder

# A released claim has no lease left: wake at once for it.
_AT_ONCE = datetime(1970, 1, 1, tzinfo=UTC)


class SqlReminderClaims:
    """What the reminder scheduler reads and writes, on one AsyncSession (one unit of work)."""

    def __init__(
        self, session: AsyncSession, only_user: str | None = None, key_prefix: str | None = None
    ) -> None:
        self.session = session
        self._dialect = session.get_bind().dialect.name
        # The terminal chat sends only its own user's reminders; the Telegram bot sends those of
        # Telegram users ("tg:" keys), so a terminal user sharing its database is never paused
        # as "blocked" by a bot that cannot reach them.
        self._only_user = only_user
        self._key_prefix = key_prefix

    def _active(self) -> ColumnElement[bool]:
        """Reminders this scheduler serves: unpaused (and of its one user, when it has one).
        Every query below filters the same way, so the wake time never points at work that
        run_due would not take (which would wake it again and again)."""
        active: ColumnElement[bool] = ReminderRow.paused.is_(False)
        if self._only_user is not None:
            active = and_(active, UserRow.key == self._only_user)
        if self._key_prefix is not None:
            active = and_(active, UserRow.key.startswith(self._key_prefix, autoescape=True))
        return active

    def _occurrences(self, *columns: Any) -> Select[Any]:
        return (
            select(*columns)
            .join(ReminderRow, OccurrenceRow.reminder_id == ReminderRow.id)
            .join(UserRow, UserRow.id == ReminderRow.user_id)
            .where(self._active())
        )

    async def due_reminders(self, now: datetime, limit: int) -> list[Due]:
        # SKIP LOCKED (PostgreSQL) lets two replicas share a burst instead of racing for it;
        # the claim below is what makes a send exactly once, on any database.
        rows = await self.session.execute(
            select(ReminderRow, UserRow.key)
            .join(UserRow, UserRow.id == ReminderRow.user_id)
            .where(self._active(), ReminderRow.next_due_at <= require_aware(now))
            .order_by(ReminderRow.next_due_at, ReminderRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=ReminderRow)
        )
        return [Due(to_reminder(row), key) for row, key in rows]

    async def _insert_occurrence(
        self, reminder_id: int, local_date: date, due_at: datetime, **values: Any
    ) -> int | None:
        dialect_insert = pg_insert if self._dialect == "postgresql" else sqlite_insert
        stmt = (
            dialect_insert(OccurrenceRow)
            .values(
                reminder_id=reminder_id,
                local_date=local_date,
                due_at=require_aware(due_at),
                **values,
            )
            # The one line that makes a send exactly once: a second insert of the key is a no-op.
            .on_conflict_do_nothing(index_elements=["reminder_id", "local_date"])
            .returning(OccurrenceRow.id)
        )
        new_id: int | None = await self.session.scalar(stmt)
        return new_id

    async def claim(
        self, reminder_id: int, local_date: date, due_at: datetime, worker: str, now: datetime
    ) -> int | None:
        return await self._insert_occurrence(
            reminder_id,
            local_date,
            due_at,
            status=OccurrenceStatus.CLAIMED.value,
            claimed_by=worker,
            claimed_at=require_aware(now),
        )

    async def claim_many(self, wanted: list[Wanted], worker: str, now: datetime) -> dict[int, int]:
        if not wanted:
            return {}
        dialect_insert = pg_insert if self._dialect == "postgresql" else sqlite_insert
        claimed_at = require_aware(now)
        rows = [
            {
                "reminder_id": w.reminder_id, "local_date": w.local_date,
                "due_at": require_aware(w.due_at), "status": OccurrenceStatus.CLAIMED.value,
                "claimed_by": worker, "claimed_at": claimed_at,
            }
            for w in wanted
        ]  # fmt: skip
        # One statement for the batch, compiled once (an executemany that SQLAlchemy sends as
        # multi-row INSERTs); each row is still its own claim (ON CONFLICT DO NOTHING).
        table = cast(Table, OccurrenceRow.__table__)
        stmt = (
            dialect_insert(table)
            .on_conflict_do_nothing(index_elements=["reminder_id", "local_date"])
            .returning(table.c.reminder_id, table.c.id)
        )
        result = await self.session.execute(stmt, rows)
        return {reminder_id: occurrence_id for reminder_id, occurrence_id in result}

    async def advance_many(self, moves: list[Advance]) -> None:
        if not moves:
            return
        table = cast(Table, ReminderRow.__table__)
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.next_due_at == bindparam("b_expected"))
            .values(next_due_at=bindparam("b_next"))
        )
        params = [
            {
                "b_id": m.reminder_id,
                "b_expected": require_aware(m.expected),
                "b_next": require_aware(m.next_due_at),
            }
            for m in moves
        ]
        await self.session.execute(stmt, params)  # one executemany for the batch

    async def due_counts(self, until: datetime, limit: int) -> list[tuple[datetime, int]]:
        rows = await self.session.execute(
            select(ReminderRow.next_due_at, func.count())
            .join(UserRow, UserRow.id == ReminderRow.user_id)
            .where(self._active(), ReminderRow.next_due_at <= require_aware(until))
            .group_by(ReminderRow.next_due_at)
            .order_by(ReminderRow.next_due_at)
            .limit(limit)
        )
        return [(require_aware(moment), int(count)) for moment, count in rows if moment]

    async def claim_bool(
        self, reminder_id: int, local_date: date, due_at: datetime, worker: str, now: datetime
    ) -> bool:
        """claim() as a yes/no: True for exactly one caller per (reminder, local date)."""
        return await self.claim(reminder_id, local_date, due_at, worker, now) is not None

    async def record_missed(
        self, reminder_id: int, local_date: date, due_at: datetime, now: datetime
    ) -> bool:
        status = OccurrenceStatus.MISSED.value
        return (
            await self._insert_occurrence(reminder_id, local_date, due_at, status=status)
            is not None
        )

    async def advance(self, reminder_id: int, expected: datetime, next_due_at: datetime) -> bool:
        result = await self.session.execute(
            update(ReminderRow)
            .where(ReminderRow.id == reminder_id, ReminderRow.next_due_at == expected)
            .values(next_due_at=require_aware(next_due_at))
        )
        return bool(getattr(result, "rowcount", 0))

    async def _take(
        self, condition: Any, worker: str, now: datetime, limit: int, snoozed: bool
    ) -> list[ClaimedOccurrence]:
        """Claim occurrences matching condition, one conditional update each (so a row another
        worker took in between is simply not ours)."""
        rows = await self.session.execute(
            self._occurrences(OccurrenceRow, ReminderRow, UserRow.key)
            .where(condition)
            .order_by(OccurrenceRow.id)
            .limit(limit)
        )
        taken: list[ClaimedOccurrence] = []
        for occ, row, key in rows.all():
            same = and_(
                OccurrenceRow.id == occ.id,
                OccurrenceRow.status == occ.status,
                OccurrenceRow.claimed_at == occ.claimed_at
                if occ.claimed_at is not None
                else OccurrenceRow.claimed_at.is_(None),
            )
            result = await self.session.execute(
                update(OccurrenceRow)
                .where(same)
                .values(
                    status=OccurrenceStatus.CLAIMED.value,
                    claimed_by=worker,
                    claimed_at=require_aware(now),
                )
            )
            if getattr(result, "rowcount", 0):
                due = occ.snoozed_until if snoozed and occ.snoozed_until else occ.due_at
                taken.append(ClaimedOccurrence(occ.id, to_reminder(row), key, occ.local_date, due))
        return taken

    async def reclaim_expired(
        self, lease_start: datetime, worker: str, now: datetime, limit: int
    ) -> list[ClaimedOccurrence]:
        expired = and_(
            OccurrenceRow.status == OccurrenceStatus.CLAIMED.value,
            or_(
                OccurrenceRow.claimed_at.is_(None),
                OccurrenceRow.claimed_at < require_aware(lease_start),
            ),
        )
        return await self._take(expired, worker, now, limit, snoozed=False)

    async def claim_snoozed(
        self, now: datetime, worker: str, limit: int
    ) -> list[ClaimedOccurrence]:
        ended = and_(
            OccurrenceRow.status == OccurrenceStatus.SNOOZED.value,
            OccurrenceRow.snoozed_until <= require_aware(now),
        )
        return await self._take(ended, worker, now, limit, snoozed=True)

    async def _update_held(self, occurrence_ids: list[int], worker: str, **values: Any) -> int:
        """Change claims this worker still holds; a claim taken over meanwhile is left alone."""
        result = await self.session.execute(
            update(OccurrenceRow)
            .where(
                OccurrenceRow.id.in_(occurrence_ids),
                OccurrenceRow.status == OccurrenceStatus.CLAIMED.value,
                OccurrenceRow.claimed_by == worker,
            )
            .values(**values)
        )
        return int(getattr(result, "rowcount", 0))

    async def finish(
        self, occurrence_ids: list[int], worker: str, status: OccurrenceStatus, now: datetime
    ) -> int:
        sent_at = require_aware(now) if status is OccurrenceStatus.SENT else None
        return await self._update_held(occurrence_ids, worker, status=status.value, sent_at=sent_at)

    async def release(self, occurrence_ids: list[int], worker: str) -> int:
        return await self._update_held(occurrence_ids, worker, claimed_by=None, claimed_at=None)

    async def renew(self, occurrence_ids: list[int], worker: str, now: datetime) -> int:
        return await self._update_held(occurrence_ids, worker, claimed_at=require_aware(now))

    async def next_wake(self, lease: timedelta) -> datetime | None:
        due = await self.session.scalar(
            select(func.min(ReminderRow.next_due_at))
            .join(UserRow, UserRow.id == ReminderRow.user_id)
            .where(self._active())
        )
        snoozed = OccurrenceRow.status == OccurrenceStatus.SNOOZED.value
        snooze = await self.session.scalar(
            self._occurrences(func.min(OccurrenceRow.snoozed_until)).where(snoozed)
        )
        claimed = OccurrenceRow.status == OccurrenceStatus.CLAIMED.value
        held = await self.session.scalar(
            self._occurrences(func.min(OccurrenceRow.claimed_at)).where(claimed)
        )
        released = await self.session.scalar(
            self._occurrences(OccurrenceRow.id)
            .where(claimed, OccurrenceRow.claimed_at.is_(None))
            .limit(1)
        )
        lease_end = held + lease if held is not None else None
        moments = [due, snooze, lease_end, _AT_ONCE if released is not None else None]
        return min((m for m in moments if m is not None), default=None)

    async def pause_user(self, user_id: int) -> int:
        result = await self.session.execute(
            update(ReminderRow).where(ReminderRow.user_id == user_id).values(paused=True)
        )
        return int(getattr(result, "rowcount", 0))

    async def adherence_many(
        self, users: list[tuple[int, str]], now: datetime
    ) -> dict[int, Adherence]:
        since = require_aware(now) - LOOK_BACK
        zones = dict(users)
        answers: dict[int, list[tuple[OccurrenceStatus, date]]] = {uid: [] for uid in zones}
        workouts: dict[int, list[datetime]] = {uid: [] for uid in zones}
        rows = await self.session.execute(
            select(ReminderRow.user_id, OccurrenceRow.status, OccurrenceRow.local_date)
            .join(ReminderRow, OccurrenceRow.reminder_id == ReminderRow.id)
            .where(
                ReminderRow.user_id.in_(list(zones)),
                OccurrenceRow.due_at.between(since, require_aware(now)),
                OccurrenceRow.status != OccurrenceStatus.CLAIMED.value,
            )
            .order_by(OccurrenceRow.due_at.desc(), OccurrenceRow.id.desc())
        )
        for uid, status, local_date in rows:
            answers[uid].append((OccurrenceStatus(status), local_date))
        started = await self.session.execute(
            select(WorkoutRow.user_id, WorkoutRow.started_at).where(
                WorkoutRow.user_id.in_(list(zones)), WorkoutRow.started_at >= since
            )
        )
        for uid, moment in started:
            workouts[uid].append(moment)
        return {uid: adherence(answers[uid], workouts[uid], zones[uid], now) for uid in zones}


@asynccontextmanager
async def claims_unit(
    database: Any, only_user: str | None = None, key_prefix: str | None = None
) -> AsyncIterator[SqlReminderClaims]:
    """One unit of work of `database` (bot.storage.Database) as the scheduler's storage;
    only_user (a user key) limits it to that user's reminders (the terminal chat), key_prefix
    to users whose keys start with it (the Telegram bot: "tg:")."""
    async with database.unit() as store:
        yield SqlReminderClaims(store.session, only_user, key_prefix)


if TYPE_CHECKING:  # mypy checks that the class fits the Protocol the reminders are typed against

    def _fits(session: AsyncSession) -> SchedulerStore:
        return SqlReminderClaims(session)
