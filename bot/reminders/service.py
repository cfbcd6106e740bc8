"""The reminder scheduler: claims due occurrences in the database, then sends them, rate-limited."""

# The database decides *what* is due and *who* sends it (an atomic claim per occurrence);
# APScheduler only decides *when* to look. Two jobs with fixed ids ("reminders:poll" every
# poll_seconds, and "reminders:wake" at the next due moment) are added with replace_existing=True,
# so a restart or a second start never stacks them, and 100 000 reminders cost two jobs.
#
# Exactly once: a claim is a row (reminder id, local date) inserted only if absent. A claim is a
# lease: sent, missed or blocked is recorded within FLUSH_SECONDS of the send (fanout.py); a claim
# still open after `lease` (its process died between claim and send) is taken over by one worker
# (a conditional update) and sent then, if still within the grace window, else recorded missed.
# A graceful stop hands unsent claims back at once. The one case that can send twice: a process
# killed in the few milliseconds between Telegram accepting a message and the outcome's write.

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.content import Exercise
from bot.reminders.fanout import FanOut, RunReport, Sender, Units
from bot.reminders.model import (
    ClaimedOccurrence,
    Delivery,
    Due,
    OccurrenceStatus,
    SchedulerStore,
)
from bot.reminders.ratelimit import RateLimiter
from bot.reminders.schedule import next_occurrence, occurrences_between, require_aware
from bot.reminders.texts import reminder_message

log = logging.getLogger(__name__)


POLL_JOB = "reminders:poll"
WAKE_JOB = "reminders:wake"


@dataclass
class Claimed:
    claimed: list[ClaimedOccurrence] = field(default_factory=list)
    missed: int = 0


class ReminderService:
    """Rebuilt from the database at start; safe to run on every replica at once."""

    def __init__(
        self,
        units: Units,
        send: Sender,
        library: Mapping[str, Exercise],
        *,
        worker: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        grace: timedelta = timedelta(minutes=60),
        rate_per_second: float = 30.0,
        lease: timedelta = timedelta(minutes=5),
        batch: int = 500,
        concurrency: int = 32,
        poll_seconds: float = 30.0,
        limiter: RateLimiter | None = None,
    ) -> None:
        self._units = units
        self._send = send
        self._library = library
        self.worker = worker
        self._clock = clock
        self.grace = grace
        self.lease = lease
        self._batch = batch
        self._concurrency = max(1, concurrency)
        self._poll_seconds = poll_seconds
        self.limiter = limiter or RateLimiter(rate_per_second)
        self._running = asyncio.Lock()
        self._scheduler: Any = None
        self._stopping = False
        self._fan_out: FanOut | None = None
        self._timer_runs: set[asyncio.Task[Any]] = set()
        self.totals = RunReport()

    # --- the work: claim in the database, then send ---------------------------------------

    async def run_due(self, now: datetime | None = None) -> RunReport:
        """Send everything due at `now` (default: the clock), batch after batch, then return."""
        report = RunReport()
        async with self._running:
            if self._stopping:
                return report

            async def feed() -> list[Delivery]:
                moment = require_aware(now) if now is not None else self._clock()
                batch = await self.claim_due(moment)
                report.missed += batch.missed
                return await self._deliveries(batch.claimed) if batch.claimed else []

            self._fan_out = FanOut(
                self._units, self._send, self.limiter, worker=self.worker, clock=self._clock,
                grace=self.grace, lease=self.lease, concurrency=self._concurrency, report=report,
            )  # fmt: skip
            try:
                await self._fan_out.run(feed, low_water=self._batch // 2)
            finally:
                self._fan_out = None
        self.totals.add(report)
        return report

    async def claim_due(self, now: datetime) -> Claimed:
        """Step one of run_due, committed on its own: take what is due (expired claims, ended
        snoozes, due reminders), record what is too old as missed. Sending is step two."""
        batch = Claimed()
        async with self._units() as store:
            taken = await store.reclaim_expired(now - self.lease, self.worker, now, self._batch)
            taken += await store.claim_snoozed(now, self.worker, self._batch)
            for due in await store.due_reminders(now, self._batch):
                claimed = await self._claim_reminder(store, due, now, batch)
                if claimed is not None:
                    taken.append(claimed)
            stale = [c for c in taken if now - c.due_at > self.grace]
            if stale:
                await store.finish([c.id for c in stale], self.worker, OccurrenceStatus.MISSED, now)
                batch.missed += len(stale)
            batch.claimed = [c for c in taken if now - c.due_at <= self.grace]
        return batch

    async def _claim_reminder(
        self, store: SchedulerStore, due: Due, now: datetime, batch: Claimed
    ) -> ClaimedOccurrence | None:
        """Claim the reminder's latest occurrence if within grace, record older ones as missed,
        and move its next_due_at past now (a no-op when another worker got there first)."""
        reminder = due.reminder
        assert reminder.next_due_at is not None  # due_reminders only returns scheduled ones
        rule = reminder.rule
        pending = occurrences_between(rule, reminder.next_due_at - timedelta(microseconds=1), now)
        claimed = None
        for occurrence in pending:
            # Only the latest is worth sending: older ones are recorded, not replayed.
            if occurrence is pending[-1] and now - occurrence.due_at <= self.grace:
                oid = await store.claim(
                    reminder.id, occurrence.local_date, occurrence.due_at, self.worker, now
                )
                if oid is not None:
                    claimed = ClaimedOccurrence(
                        oid, reminder, due.user_key, occurrence.local_date, occurrence.due_at
                    )
            elif await store.record_missed(
                reminder.id, occurrence.local_date, occurrence.due_at, now
            ):
                batch.missed += 1
        await store.advance(reminder.id, reminder.next_due_at, next_occurrence(rule, now).due_at)
        return claimed

    async def _deliveries(self, claimed: list[ClaimedOccurrence]) -> list[Delivery]:
        now = self._clock()
        users = list({(c.reminder.user_id, c.reminder.zone) for c in claimed})
        async with self._units() as store:
            adherence = await store.adherence_many(users, now)
        return [
            Delivery(
                c.user_key,
                c,
                reminder_message(
                    c.id, c.reminder, self._library, adherence[c.reminder.user_id], c.due_at, now
                ),
            )
            for c in claimed
        ]

    # --- when to look: APScheduler (PTB's JobQueue.scheduler or a plain AsyncIOScheduler) ---

    async def start(self, scheduler: Any) -> None:
        """Add the two jobs (replacing old ones); the wake job runs at once to catch up on what
        came due while the coach was down, in the background, so start-up never waits for it."""
        from apscheduler.triggers.interval import IntervalTrigger

        self._stopping = False
        self._scheduler = scheduler
        scheduler.add_job(
            self._on_timer,
            IntervalTrigger(seconds=self._poll_seconds, timezone=UTC),
            id=POLL_JOB,
            name=POLL_JOB,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        self._wake_at(self._clock())

    async def stop(self) -> None:
        """Stop sending; unsent claims are handed back, so another replica sends them now."""
        self._stopping = True
        if self._fan_out is not None:
            self._fan_out.stop()
        if self._scheduler is not None:
            for job_id in (POLL_JOB, WAKE_JOB):
                with contextlib.suppress(Exception):  # JobLookupError: already gone
                    self._scheduler.remove_job(job_id)
        # The running fan-out winds down and releases its claims; a job run in flight ends
        # before stop() returns, so the database can be closed right after.
        runs = [task for task in self._timer_runs if task is not asyncio.current_task()]
        await asyncio.gather(*runs, return_exceptions=True)
        async with self._running:
            pass

    async def changed(self) -> None:
        """Call after reminders changed here (created, resumed, snoozed): re-aim the wake job."""
        if self._scheduler is not None and not self._stopping:
            await self._schedule_wake()

    async def _on_timer(self) -> None:
        if self._running.locked() or self._stopping:
            return  # a fan-out is running; it keeps claiming until nothing is due
        task = asyncio.current_task()
        assert task is not None
        self._timer_runs.add(task)
        try:
            await self._timer_run()
        finally:
            self._timer_runs.discard(task)

    async def _timer_run(self) -> None:
        try:
            report = await self.run_due()
            if report.sent or report.missed or report.blocked:
                log.info("reminders: %s", report)
        except Exception:
            log.exception("reminders: the run failed; the next poll tries again")
        try:
            # Right after a run, anything still in the past is not ours to take yet (another
            # replica's lease, say): look again in a second rather than spin.
            await self._schedule_wake(after=timedelta(seconds=1))
        except Exception:
            log.exception("reminders: could not read the next wake time; polling continues")

    async def _schedule_wake(self, after: timedelta = timedelta(milliseconds=10)) -> None:
        async with self._units() as store:
            wake = await store.next_wake(self.lease)
        if wake is not None and not self._stopping:
            self._wake_at(max(require_aware(wake), self._clock() + after))

    def _wake_at(self, run_at: datetime) -> None:
        from apscheduler.triggers.date import DateTrigger

        self._scheduler.add_job(
            self._on_timer,
            DateTrigger(run_date=max(run_at, datetime.now(UTC)), timezone=UTC),
            id=WAKE_JOB,
            name=WAKE_JOB,
            replace_existing=True,
            misfire_grace_time=None,
        )
