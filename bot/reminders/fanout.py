"""One run's sending: claimed reminders queued, sent by a few senders behind one rate limit."""

# The queue is fed in batches while it drains (claiming the next batch overlaps sending the
# last), so a large fan-out keeps the limiter busy. Outcomes are written in small batches, at
# most FLUSH_SECONDS after the send: that short window is the only one in which a crash could
# make a taken-over claim send twice (see service.py on leases).

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.reminders.model import (
    ClaimedOccurrence,
    Delivery,
    OccurrenceStatus,
    SchedulerStore,
    SendResult,
    SendStatus,
)
from bot.reminders.ratelimit import RateLimiter
from bot.reminders.texts import LATE_AFTER

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.05
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
    retried: int = 0
    released: int = 0

    def add(self, other: RunReport) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Outcomes:
    """Outcomes not yet written: occurrence ids by status, users to pause."""

    ids: dict[OccurrenceStatus, list[int]] = field(default_factory=dict)
    pause_users: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.ids or self.pause_users)


class FanOut:
    def __init__(
        self,
        units: Units,
        send: Sender,
        limiter: RateLimiter,
        *,
        worker: str,
        clock: Callable[[], datetime],
        grace: timedelta,
        lease: timedelta,
        concurrency: int,
        report: RunReport,
    ) -> None:
        self._units, self._send, self._limiter = units, send, limiter
        self._worker, self._clock, self._grace, self._lease = worker, clock, grace, lease
        self._concurrency = concurrency
        self.report = report
        self.waiting: set[int] = set()  # claimed by us, outcome not yet known
        self._queue: asyncio.Queue[Delivery | None] = asyncio.Queue()
        self._outcomes = Outcomes()
        self._outcome_ready = asyncio.Event()
        self._hungry = asyncio.Event()
        self._fed_all = False
        self._stopping = False
        self._closing = asyncio.Event()
        self._low_water = 0

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
            while not self._stopping:
                deliveries = await feed()
                if not deliveries:
                    break
                for delivery in deliveries:
                    self.waiting.add(delivery.occurrence.id)
                    self._queue.put_nowait(delivery)
                while self._queue.qsize() > low_water and not self._stopping:
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
        """Finish the sends in flight, start no new one."""
        self._stopping = True
        self._hungry.set()
        for _ in range(self._concurrency):
            self._queue.put_nowait(None)

    def _wake_if_done(self) -> None:
        if self._fed_all and not self.waiting:
            for _ in range(self._concurrency):
                self._queue.put_nowait(None)

    async def _sender(self) -> None:
        while not self._stopping:
            delivery = await self._queue.get()
            if self._queue.qsize() <= self._low_water:
                self._hungry.set()
            if delivery is None:
                if self._stopping or (self._fed_all and not self.waiting):
                    return
                continue
            if self._stopping:
                return
            await self._deliver(delivery)

    async def _deliver(self, delivery: Delivery) -> None:
        occurrence = delivery.occurrence
        if self._clock() - occurrence.due_at > self._grace:
            self._record(occurrence, OccurrenceStatus.MISSED)
            self.report.missed += 1
            return
        await self._limiter.acquire()
        result = await self._try_send(delivery)
        if result.status is SendStatus.OK:
            self._record(occurrence, OccurrenceStatus.SENT)
            self.report.sent += 1
            if self._clock() - occurrence.due_at > LATE_AFTER:
                self.report.late += 1
        elif result.status is SendStatus.BLOCKED:
            self._outcomes.pause_users.add(occurrence.reminder.user_id)
            self._record(occurrence, OccurrenceStatus.BLOCKED)
            self.report.blocked += 1
        else:
            # 429: everyone waits (it is one bot's limit), and this one goes round again.
            self._limiter.pause(result.retry_after)
            self.report.retried += 1
            self._queue.put_nowait(delivery)

    async def _try_send(self, delivery: Delivery) -> SendResult:
        try:
            return await self._send(delivery)
        except Exception:
            # A transport error is not the user's fault: late rather than lost.
            log.exception("sending reminder occurrence %s failed", delivery.occurrence.id)
            return SendResult.retry(1.0)

    def _record(self, occurrence: ClaimedOccurrence, status: OccurrenceStatus) -> None:
        self._outcomes.ids.setdefault(status, []).append(occurrence.id)
        self.waiting.discard(occurrence.id)
        self._outcome_ready.set()
        self._wake_if_done()

    async def _recorder(self) -> None:
        while not self._closing.is_set():
            await self._outcome_ready.wait()
            # Gather a few outcomes into one transaction, unless the run is closing now.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), FLUSH_SECONDS)
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
                return
            except Exception:
                # Unrecorded, a sent claim would be taken over after its lease and sent again.
                log.exception("recording reminder outcomes failed (attempt %s)", attempt)
                await asyncio.sleep(0.1 * attempt)

    async def _renewer(self) -> None:
        # A long fan-out (10 000 messages at 30/s) outlives a lease: keep the queue's claims ours.
        while True:
            await asyncio.sleep(self._lease.total_seconds() / 3)
            if self.waiting:
                async with self._units() as store:
                    await store.renew(sorted(self.waiting), self._worker, self._clock())
