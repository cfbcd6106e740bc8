"""A restart between claim and send, a graceful stop mid fan-out, APScheduler's two jobs."""

# Policy under test: a claim is a lease (10 s by default, renewed while its holder lives). A
# process that dies after claiming leaves the claim open; when the lease runs out, exactly one
# other worker takes it over (a conditional update) and sends it, if still within the grace
# window, or records it missed.
# A graceful stop hands unsent claims back at once.

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select
from telegram.ext import JobQueue

from bot.content import Library
from bot.reminders.domain import Delivery, SendResult
from bot.reminders.service import POLL_JOB, WAKE_JOB
from bot.storage import Database
from bot.storage.reminder_claims import claims_unit
from bot.storage.reminder_store import OccurrenceRow, reminder_unit
from tests.reminders.conftest import Clock, Outbox
from tests.reminders.helpers import remind, service

ONE_PM = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)


DAILY = "daily 13:00 UTC glute bridge"


async def _until(condition: Callable[[], bool], within: float = 5.0) -> None:
    """Real time, briefly: only for the APScheduler tests, where real timers fire."""
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


def _next_run(scheduler: AsyncIOScheduler, job_id: str) -> datetime | None:
    job = scheduler.get_job(job_id)  # a date job is gone while it runs, until re-aimed
    return None if job is None else job.next_run_time


def _waking_at(scheduler: AsyncIOScheduler, earliest: datetime, latest: datetime) -> bool:
    wake = _next_run(scheduler, WAKE_JOB)
    return wake is not None and earliest <= wake <= latest


async def _statuses(database: Database) -> list[str]:
    async with database.unit() as store:
        return list(await store.session.scalars(select(OccurrenceRow.status)))


async def test_a_claim_left_by_a_dead_process_is_sent_once_after_its_lease(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await remind(database, library, "tg:1", DAILY, clock())
    clock.now = ONE_PM
    dead = service(database, outbox, library, clock, worker="a")
    claimed = await dead.claim_due(clock())  # committed; then the process is killed
    assert len(claimed.claimed) == 1 and outbox.sent == []
    restarted = service(database, outbox, library, clock, worker="b")
    clock.advance(seconds=5)
    assert (await restarted.run_due()).sent == 0  # the lease holds: "a" may only be slow
    clock.advance(minutes=3)  # the coach was down a while: the lease is long gone
    assert (await restarted.run_due()).sent == 1
    assert (await restarted.run_due()).sent == 0
    clock.advance(minutes=10)
    assert (await restarted.run_due()).sent == 0
    assert len(outbox.sent) == 1 and await _statuses(database) == ["sent"]
    assert "Sorry it's late: it was due at 13:00." in outbox.texts()[0]


async def test_a_claim_left_past_the_grace_window_is_recorded_missed(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await remind(database, library, "tg:1", DAILY, clock())
    clock.now = ONE_PM
    await service(database, outbox, library, clock, worker="a").claim_due(clock())
    clock.advance(minutes=90)
    report = await service(database, outbox, library, clock, worker="b").run_due()
    assert (report.sent, report.missed) == (0, 1)
    assert await _statuses(database) == ["missed"]


async def test_two_restarts_racing_for_an_expired_claim_send_it_once(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    for n in range(20):
        await remind(database, library, f"tg:{n}", DAILY, clock())
    clock.now = ONE_PM
    await service(database, outbox, library, clock, worker="dead").claim_due(clock())
    clock.advance(minutes=6)
    other = Database(database.url.render_as_string(hide_password=False))
    try:
        b = service(database, outbox, library, clock, worker="b")
        c = service(other, outbox, library, clock, worker="c")
        await asyncio.gather(b.run_due(), c.run_due())
    finally:
        await other.dispose()
    assert sorted(d.user_key for _, d in outbox.sent) == sorted(f"tg:{n}" for n in range(20))


async def test_a_graceful_stop_hands_unsent_claims_back_for_another_replica(
    database: Database, library: Library, clock: Clock
) -> None:
    for n in range(10):
        await remind(database, library, f"tg:{n}", DAILY, clock())
    clock.now = ONE_PM
    first_send, release = asyncio.Event(), asyncio.Event()
    sent: list[str] = []

    async def slow(delivery: Delivery) -> SendResult:
        first_send.set()
        await release.wait()
        sent.append(delivery.user_key)
        return SendResult.ok()

    stopping = service(database, slow, library, clock, worker="a", concurrency=1)
    running = asyncio.create_task(stopping.run_due())
    await first_send.wait()
    stop = asyncio.create_task(stopping.stop())
    await asyncio.sleep(0)
    release.set()  # the send in flight completes; nothing new starts
    await stop
    report = await running
    assert (report.sent, report.released) == (1, 9)
    outbox = Outbox(clock)
    taken_over = await service(database, outbox, library, clock, worker="b").run_due()
    assert taken_over.sent == 9  # at once: no lease to wait for
    assert sorted(sent + [d.user_key for _, d in outbox.sent]) == sorted(
        f"tg:{n}" for n in range(10)
    )


async def test_two_jobs_with_fixed_ids_replaced_never_stacked(
    database: Database, library: Library, outbox: Outbox
) -> None:
    now = datetime.now(UTC)
    await remind(database, library, "tg:1", DAILY, now)
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.start()
    try:
        reminders = service(database, outbox, library, lambda: datetime.now(UTC))
        await reminders.start(scheduler)
        await reminders.start(scheduler)  # a second start (or a restart) replaces, never stacks
        assert sorted(job.id for job in scheduler.get_jobs()) == [POLL_JOB, WAKE_JOB]
        expected = datetime.combine(now.date(), datetime.min.time(), UTC) + timedelta(hours=13)
        if expected <= now:
            expected += timedelta(days=1)
        # The start-up catch-up runs at once in the background, then the wake job is aimed at
        # the next due instant, less half the time its one message takes at the rate (10 000/s).
        await _until(lambda: _waking_at(scheduler, expected - timedelta(milliseconds=1), expected))
        assert sorted(job.id for job in scheduler.get_jobs()) == [POLL_JOB, WAKE_JOB]
        await reminders.stop()
        assert scheduler.get_jobs() == []
    finally:
        scheduler.shutdown(wait=False)


async def test_the_wake_job_fires_when_another_replica_hands_a_claim_back(
    database: Database, library: Library, outbox: Outbox
) -> None:
    now = datetime.now(UTC)
    await remind(database, library, "tg:1", DAILY, now)
    async with reminder_unit(database) as store:
        (reminder,) = await store.list_reminders(1)
    scheduler = JobQueue().scheduler  # what the Telegram adapter hands over (PTB's JobQueue)
    scheduler.configure(timezone=UTC)
    scheduler.start()
    try:
        reminders = service(database, outbox, library, lambda: datetime.now(UTC), worker="b")
        await reminders.start(scheduler)
        assert reminder.next_due_at is not None
        soon = reminder.next_due_at - timedelta(milliseconds=1)
        await _until(lambda: _waking_at(scheduler, soon, reminder.next_due_at))  # caught up
        # Replica "a" claimed today's occurrence, then stopped gracefully before sending it.
        async with claims_unit(database) as store:
            oid = await store.claim(1, now.date(), now, "a", now)
            assert oid is not None
            await store.release([oid], "a")
        await reminders.changed()  # or the poll job, within poll_seconds
        await _until(lambda: bool(outbox.sent))
        assert [d.user_key for _, d in outbox.sent] == ["tg:1"]
        await reminders.stop()
    finally:
        scheduler.shutdown(wait=False)
