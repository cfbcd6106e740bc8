"""The reminder scheduler: claims due occurrences in the database, then sends them, rate-limited."""

# The database decides *what* is due and *who* sends it (an atomic claim per occurrence);
# APScheduler only decides *when* to look. Two jobs with fixed ids ("reminders:poll" every
# poll_seconds, and "reminders:wake" at the next moment to start) are added with
# replace_existing=True, so a restart or a second start never stacks them, and 100 000
# reminders cost two jobs. A job only starts the run, as a task of this service, and returns:
# the JobQueue never waits for a fan-out, so stop() alone decides how long stopping takes.
#
# Exactly once: a claim is a row (reminder id, local date) inserted only if absent. A claim is a
# lease (`lease`, 10 s), renewed while the fan-out holds it: sent, missed or blocked is recorded
# as soon as the send is answered (fanout.py); a claim whose holder stopped renewing (it died)
# is taken over by one worker (a conditional update) once the lease has run out, and sent then
# if still within the grace window, else recorded missed. A failed send, a replica that stops
# being able to send and a graceful stop all hand their unsent claims back at once. The one case
# that can send twice: a process killed in the few milliseconds between Telegram accepting a
# message and the outcome's write (or a send in flight when stop() gives up waiting for it).
#
# On time: a fan-out starts ahead of the due moment by half its spread (spread.py), so 10 000
# reminders due at 07:00 at 30/s go from 06:57 to 07:03, not 07:00 to 07:06.

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.content import Exercise
from bot.reminders import spread
from bot.reminders.domain import (
    LATE_AFTER,
    Advance,
    ClaimedOccurrence,
    Delivery,
    Due,
    OccurrenceStatus,
    SchedulerStore,
    Wanted,
)
from bot.reminders.fanout import FanOut, RunReport, Sender, Units
from bot.reminders.health import SendHealth
from bot.reminders.schedule import next_occurrence, occurrences_between, require_aware
from bot.reminders.send_budget import LocalBudget, SendBudget
from bot.reminders.texts import reminder_message

log = logging.getLogger(__name__)


POLL_JOB = "reminders:poll"
WAKE_JOB = "reminders:wake"
# How far ahead a fan-out's plan looks: 100 000 due at once at 30/s start ~29 minutes early.
LOOK_AHEAD = timedelta(hours=2)
# stop() waits this long for sends already on their way to Telegram, then gives up on them.
IN_FLIGHT_SECONDS = 3.0
Probe = Callable[[], Awaitable[bool]]


@dataclass
class Claimed:
    claimed: list[ClaimedOccurrence] = field(default_factory=list)
    missed: int = 0


def _key(occurrence: Any) -> tuple[Any, datetime]:
    return occurrence.local_date, occurrence.due_at


def batch_for(rate: float) -> int:
    """Claims per batch: ~4 s of sending, so a killed replica strands few and a batch's SQL is
    a short pause of the event loop."""
    return max(50, min(500, round(rate * 4)))


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
        lease: timedelta = timedelta(seconds=10),
        batch: int | None = None,
        concurrency: int = 32,
        poll_seconds: float = 5.0,
        budget: SendBudget | None = None,
        probe: Probe | None = None,
    ) -> None:
        self._units = units
        self._send = send
        self._library = library
        self.worker = worker
        self._clock = clock
        self.grace = grace
        self.lease = lease
        self.budget = budget or LocalBudget(rate_per_second)
        self._batch = batch or batch_for(self.budget.rate)
        self._concurrency = max(1, concurrency)
        self._poll_seconds = poll_seconds
        self._probe = probe
        self.health = SendHealth(clock)
        self._running = asyncio.Lock()
        self._scheduler: Any = None
        self._stopping = False
        self._fan_out: FanOut | None = None
        self._run: asyncio.Task[None] | None = None
        self.totals = RunReport()

    @property
    def able_to_send(self) -> bool:
        """False while sending is stopped after failed sends (see health.py): for /healthz."""
        return self.health.able

    # --- the work: claim in the database, then send ---------------------------------------

    async def run_due(self, now: datetime | None = None) -> RunReport:
        """Send everything due at `now` (default: the clock), batch after batch, then return;
        what is due soon comes along when its fan-out should already have started."""
        report = RunReport()
        async with self._running:
            if self._stopping or not await self._may_send():
                return report
            started = self._clock()
            # Sending was stopped and its pause is over: one occurrence is the try.
            tries = 1 if not self.health.able else None

            async def feed() -> list[Delivery]:
                nonlocal tries
                if tries == 0:
                    return []
                moment = require_aware(now) if now is not None else self._clock()
                batch = await self.claim_due(moment, len(fan_out.waiting), tries)
                tries = 0 if tries else None
                report.missed += batch.missed
                return await self._deliveries(batch.claimed, started) if batch.claimed else []

            fan_out = self._fan_out = FanOut(
                self._units, self._send, self.budget, worker=self.worker, clock=self._clock,
                grace=self.grace, lease=self.lease, concurrency=self._concurrency, report=report,
                health=self.health,
            )  # fmt: skip
            try:
                await fan_out.run(feed, low_water=self._batch // 2)
            finally:
                self._fan_out = None
        self.totals.add(report)
        return report

    async def _may_send(self) -> bool:
        """Healthy, or stopped and the pause is over: then one try (a probe, or one claim)."""
        if self.health.able:
            return True
        if not self.health.may_try():
            return False
        if self._probe is None:
            return True  # the run claims a single occurrence: its send is the try
        try:
            answered = await self._probe()
        except Exception as exc:
            log.warning("reminders: the Bot API probe failed: %s", type(exc).__name__)
            answered = False
        if answered:
            self.health.sent()
        else:
            self.health.failed()
        return answered

    async def claim_due(self, now: datetime, queued: int = 0, limit: int | None = None) -> Claimed:
        """Step one of run_due, committed on its own: take what is due (expired claims, ended
        snoozes, reminders due by now or whose fan-out should have started), record what is too
        old as missed. Sending is step two."""
        batch = Claimed()
        limit = limit or self._batch
        async with self._units() as store:
            taken = await store.reclaim_expired(now - self.lease, self.worker, now, limit)
            taken += await store.claim_snoozed(now, self.worker, limit - len(taken))
            if len(taken) < limit:
                groups = await store.due_counts(now + LOOK_AHEAD, 2000)
                until = spread.claim_until(groups, queued + len(taken), self.budget.rate, now)
                due = await store.due_reminders(until, limit - len(taken))
                taken += await self._claim_reminders(store, due, now, batch)
            stale = [c for c in taken if now - c.due_at > self.grace]
            if stale:
                await store.finish([c.id for c in stale], self.worker, OccurrenceStatus.MISSED, now)
                batch.missed += len(stale)
            batch.claimed = [c for c in taken if now - c.due_at <= self.grace]
        return batch

    async def _claim_reminders(
        self, store: SchedulerStore, dues: list[Due], now: datetime, batch: Claimed
    ) -> list[ClaimedOccurrence]:
        """Claim each reminder's latest occurrence if within grace (a few statements for the
        batch), record older ones as missed, and move next_due_at past the claimed one (a no-op
        where another worker got there first)."""
        wanted: dict[int, tuple[Due, Wanted]] = {}
        moves = []
        for due in dues:
            reminder = due.reminder
            assert reminder.next_due_at is not None  # due_reminders only returns scheduled ones
            after = reminder.next_due_at - timedelta(microseconds=1)
            pending = occurrences_between(reminder.rule, after, max(now, reminder.next_due_at))
            for occurrence in pending:
                # Only the latest is worth sending: older ones are recorded, not replayed.
                if occurrence is pending[-1] and now - occurrence.due_at <= self.grace:
                    wanted[reminder.id] = (due, Wanted(reminder.id, *_key(occurrence)))
                elif await store.record_missed(
                    reminder.id, occurrence.local_date, occurrence.due_at, now
                ):
                    batch.missed += 1
            latest = max(now, pending[-1].due_at) if pending else now
            following = next_occurrence(reminder.rule, latest).due_at
            moves.append(Advance(reminder.id, reminder.next_due_at, following))
        ids = await store.claim_many([w for _, w in wanted.values()], self.worker, now)
        await store.advance_many(moves)
        return [
            ClaimedOccurrence(ids[rid], due.reminder, due.user_key, want.local_date, want.due_at)
            for rid, (due, want) in wanted.items()
            if rid in ids
        ]

    async def _deliveries(
        self, claimed: list[ClaimedOccurrence], started: datetime
    ) -> list[Delivery]:
        now = self._clock()
        users = list({(c.reminder.user_id, c.reminder.zone) for c in claimed})
        async with self._units() as store:
            adherence = await store.adherence_many(users, now)
        deliveries = []
        for c in claimed:
            late_after = LATE_AFTER + spread.planned_lateness(c.due_at, started)
            message = reminder_message(
                c.id, c.reminder, self._library, adherence[c.reminder.user_id], c.due_at, now,
                late_after,
            )  # fmt: skip
            deliveries.append(Delivery(c.user_key, c, message, late_after))
        return deliveries

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
        """Stop sending; unsent claims are handed back, so another replica sends them now.
        Returns within about IN_FLIGHT_SECONDS whatever the fan-out holds."""
        self._stopping = True
        if self._fan_out is not None:
            self._fan_out.stop()
        if self._scheduler is not None:
            for job_id in (POLL_JOB, WAKE_JOB):
                with contextlib.suppress(Exception):  # JobLookupError: already gone
                    self._scheduler.remove_job(job_id)
        run = self._run
        if run is not None and run is not asyncio.current_task():
            done, _ = await asyncio.wait({run}, timeout=IN_FLIGHT_SECONDS)
            if not done:
                log.warning("reminders: sends still in flight at stop; handing their claims back")
                run.cancel()
                await asyncio.gather(run, return_exceptions=True)
        async with self._running:  # a run_due called directly ends too
            pass

    async def changed(self) -> None:
        """Call after reminders changed here (created, resumed, snoozed): re-aim the wake job."""
        if self._scheduler is not None and not self._stopping:
            await self._schedule_wake()

    async def _on_timer(self) -> None:
        if self._stopping or (self._run is not None and not self._run.done()):
            return  # a fan-out is running; it keeps claiming until nothing is due
        self._run = asyncio.create_task(self._timer_run(), name="reminders:run")

    async def _timer_run(self) -> None:
        try:
            report = await self.run_due()
            if report.sent or report.missed or report.blocked or report.failed:
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
            groups = await store.due_counts(self._clock() + LOOK_AHEAD, 2000)
        start = spread.start_at(groups, 0, self.budget.rate)
        moments = [m for m in (wake, start) if m is not None]
        if not self.health.may_try() and self.health.stopped_until is not None:
            moments = [self.health.stopped_until]  # nothing to do here before the pause ends
        if moments and not self._stopping:
            self._wake_at(max(require_aware(min(moments)), self._clock() + after))

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
