"""One run's sending: claimed reminders queued, sent by a few senders behind one rate limit."""

# The queue is fed in batches while it drains (claiming the next batch overlaps sending the
# last), so a large fan-out keeps the budget busy. An outcome is written as soon as the write
# before it is done (what came meanwhile goes in the same transaction): the time from Telegram's
# answer to that commit is the only window in which a crash could make a taken-over claim send
# twice (see service.py on leases). A send that fails (the Bot API
# unreachable) hands its claim back at once for any replica; a few in a row end the run (see
# health.py). Claims are renewed every lease / 4, and nothing is sent on a claim whose last
# renewal is older than half the lease: by then another replica may be about to take it over.

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.reminders.domain import (
    ClaimedOccurrence,
    Delivery,
    OccurrenceStatus,
    SchedulerStore,
    SendResult,
    SendStatus,
)
from bot.reminders.health import SendHealth
from bot.reminders.send_budget import SendBudget

log = logging.getLogger(__name__)

FLUSH_ATTEMPTS = 3

Sender = Callable[[Delivery], Awaitable[SendResult]]
Units = Callable[[], contextlib.AbstractAsyncContextManager[SchedulerStore]]
Feed = Callable[[], Awaitable[list[Delivery]]]


@dataclass
class RunReport:
    """What one run_due did; the counts feed logs and metrics."""

    sent: int = 0
    late: int = 0  # sent, but more than a couple of minutes after their time
    missed: int = 0
    blocked: int = 0
    retried: int = 0  # 429s: sent again after retry_after
    failed: int = 0  # sends that could not reach the Bot API: handed back
    released: int = 0

    def add(self, other: RunReport) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Outcomes:
    """Outcomes not yet written: occurrence ids by status, users to pause."""

    ids: dict[OccurrenceStatus, list[int]] = field(default_factory=dict)
    pause_users: set[int] = field(default_factory=set)
    handed_back: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.ids or self.pause_users or self.handed_back)


class FanOut:
    def __init__(
        self,
        units: Units,
        send: Sender,
        budget: SendBudget,
        *,
        worker: str,
        clock: Callable[[], datetime],
        grace: timedelta,
        lease: timedelta,
        concurrency: int,
        report: RunReport,
        health: SendHealth,
    ) -> None:
        self._units, self._send, self._budget = units, send, budget
        self._worker, self._clock, self._grace, self._lease = worker, clock, grace, lease
        self._concurrency = concurrency
        self.report = report
        self._health = health
        self.waiting: set[int] = set()  # claimed by us, outcome not yet known
        self._held_since: dict[int, datetime] = {}  # claimed or last renewed at
        self._queue: asyncio.Queue[Delivery | None] = asyncio.Queue()
        self._outcomes = Outcomes()
        self._outcome_ready = asyncio.Event()
        self._hungry = asyncio.Event()
        self._fed_all = False
        self.stopping = False
        self._closing = asyncio.Event()
        self._low_water = 0
        self._waits: set[asyncio.Timeout] = set()  # senders waiting for the budget

    async def run(self, feed: Feed, low_water: int) -> None:
        """Send what feed() hands over, asking for more when the queue runs low, until it is
        empty; whatever is left unsent when stopped is released for any worker to take."""
        self._low_water = low_water
        tasks = [asyncio.create_task(self._sender()) for _ in range(self._concurrency)]
        recorder, renewer = (
            asyncio.create_task(self._recorder()),
            asyncio.create_task(self._renewer()),
        )
        try:
            while not self.stopping:
                deliveries = await feed()
                if not deliveries:
                    break
                now = self._clock()
                for delivery in deliveries:
                    self.waiting.add(delivery.occurrence.id)
                    self._held_since[delivery.occurrence.id] = now
                    self._queue.put_nowait(delivery)
                while self._queue.qsize() > low_water and not self.stopping:
                    self._hungry.clear()
                    await self._hungry.wait()
            self._fed_all = True
            self._wake_if_done()
            await asyncio.gather(*tasks)
        finally:
            for task in (*tasks, renewer):
                task.cancel()
            await asyncio.gather(*tasks, renewer, return_exceptions=True)
            # The recorder is never cancelled mid-write: told to close, it writes what it holds.
            self._closing.set()
            self._outcome_ready.set()
            await recorder
            await self._flush()
            if self.waiting:  # stopped (or cancelled) before these were sent: hand them back
                async with self._units() as store:
                    self.report.released += await store.release(sorted(self.waiting), self._worker)

    def stop(self) -> None:
        """Finish the sends in flight, start no new one; waits for the budget end now."""
        self.stopping = True
        self._hungry.set()
        now = asyncio.get_running_loop().time()
        for wait in self._waits:
            wait.reschedule(now)
        for _ in range(self._concurrency):
            self._queue.put_nowait(None)

    def _wake_if_done(self) -> None:
        if self._fed_all and not self.waiting:
            for _ in range(self._concurrency):
                self._queue.put_nowait(None)

    async def _sender(self) -> None:
        while not self.stopping:
            delivery = await self._queue.get()
            if self._queue.qsize() <= self._low_water:
                self._hungry.set()
            if delivery is None:
                if self.stopping or (self._fed_all and not self.waiting):
                    return
                continue
            if self.stopping or not await self._budget_for(delivery):
                return
            await self._deliver(delivery)

    async def _budget_for(self, delivery: Delivery) -> bool:
        """Wait for the right to send; False when stop() ended the wait (a 429 pause, say)."""
        try:
            async with asyncio.timeout(None) as wait:
                self._waits.add(wait)
                try:
                    await self._budget.acquire(delivery.user_key)
                finally:
                    self._waits.discard(wait)
        except TimeoutError:
            return False
        return not self.stopping

    async def _deliver(self, delivery: Delivery) -> None:
        occurrence = delivery.occurrence
        now = self._clock()
        if now - occurrence.due_at > self._grace:
            self._record(occurrence, OccurrenceStatus.MISSED)
            self.report.missed += 1
            return
        if now - self._held_since.get(occurrence.id, now) > self._lease / 2:
            # Not renewed for half the lease (the database did not answer): another replica may
            # take it over any moment, so it is not sent here; the lease decides who sends it.
            self._forget(occurrence.id)
            return
        result = await self._try_send(delivery)
        if result.status is SendStatus.OK:
            self._health.sent()
            self._record(occurrence, OccurrenceStatus.SENT)
            self.report.sent += 1
            if self._clock() - occurrence.due_at > delivery.late_after:
                self.report.late += 1
        elif result.status is SendStatus.BLOCKED:
            self._health.sent()  # Telegram answered: the way to it works
            self._outcomes.pause_users.add(occurrence.reminder.user_id)
            self._record(occurrence, OccurrenceStatus.BLOCKED)
            self.report.blocked += 1
        elif result.status is SendStatus.RETRY:
            # 429: everyone waits (it is one bot's limit), and this one goes round again.
            await self._budget.pause(result.retry_after)
            self.report.retried += 1
            self._queue.put_nowait(delivery)
        else:
            # Unreachable from here: back at once for another replica, not kept for a retry.
            self.report.failed += 1
            self._outcomes.handed_back.append(occurrence.id)
            self._forget(occurrence.id)
            self._outcome_ready.set()
            if self._health.failed():
                log.warning("reminders: %s sends failed in a row; handing all claims back",
                            self._health.failures_in_a_row)  # fmt: skip
                self.stop()

    async def _try_send(self, delivery: Delivery) -> SendResult:
        try:
            return await self._send(delivery)
        except Exception:
            # Not the user's fault, and maybe not this message's: hand it back (late, not lost).
            log.exception("sending reminder occurrence %s failed", delivery.occurrence.id)
            return SendResult.failed()

    def _forget(self, occurrence_id: int) -> None:
        self.waiting.discard(occurrence_id)
        self._held_since.pop(occurrence_id, None)
        self._wake_if_done()

    def _record(self, occurrence: ClaimedOccurrence, status: OccurrenceStatus) -> None:
        self._outcomes.ids.setdefault(status, []).append(occurrence.id)
        self._outcome_ready.set()
        self._forget(occurrence.id)

    async def _recorder(self) -> None:
        while not self._closing.is_set():
            await self._outcome_ready.wait()
            await asyncio.sleep(0)  # sends answered in the same turn of the loop come along
            self._outcome_ready.clear()
            await self._flush()

    async def _flush(self) -> None:
        outcomes, self._outcomes = self._outcomes, Outcomes()
        if not outcomes:
            return
        for attempt in range(1, FLUSH_ATTEMPTS + 1):
            try:
                async with self._units() as store:
                    for status, ids in outcomes.ids.items():
                        await store.finish(ids, self._worker, status, self._clock())
                    for user_id in sorted(outcomes.pause_users):
                        await store.pause_user(user_id)
                    if outcomes.handed_back:
                        self.report.released += await store.release(
                            outcomes.handed_back, self._worker
                        )
                return
            except Exception:
                # Unrecorded, a sent claim would be taken over after its lease and sent again.
                log.exception("recording reminder outcomes failed (attempt %s)", attempt)
                await asyncio.sleep(0.1 * attempt)

    async def _renewer(self) -> None:
        # A long fan-out (10 000 messages at 30/s) outlives a lease: keep the queue's claims ours.
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 4)
            if self.waiting:
                now = self._clock()
                held = sorted(self.waiting)
                try:
                    async with self._units() as store:
                        await store.renew(held, self._worker, now)
                except Exception:
                    log.exception("renewing %s reminder claims failed", len(held))
                    continue
                for occurrence_id in held:
                    if occurrence_id in self._held_since:
                        self._held_since[occurrence_id] = now
