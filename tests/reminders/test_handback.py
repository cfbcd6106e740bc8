"""A replica that cannot send hands its claims back at once and stops claiming; stop is quick."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.content import Library
from bot.reminders.domain import Delivery, SendResult
from bot.storage import Database
from bot.storage.reminder_store import OccurrenceRow
from tests.reminders.conftest import Clock, Outbox
from tests.reminders.helpers import remind, service

ONE_PM = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)
DAILY = "daily 13:00 UTC glute bridge"
USERS = 10


class Unreachable:
    """A send whose Bot API is cut off: every try fails, and each is counted."""

    def __init__(self) -> None:
        self.tries = 0

    async def __call__(self, delivery: Delivery) -> SendResult:
        self.tries += 1
        return SendResult.failed()


async def _held(database: Database) -> dict[str | None, int]:
    """Claims not yet sent, by holder (None: handed back, anyone may take them)."""
    async with database.unit() as store:
        rows = await store.session.execute(
            select(OccurrenceRow.claimed_by).where(OccurrenceRow.status == "claimed")
        )
        held: dict[str | None, int] = {}
        for (holder,) in rows:
            held[holder] = held.get(holder, 0) + 1
        return held


async def _due(database: Database, library: Library, clock: Clock) -> None:
    for n in range(USERS):
        await remind(database, library, f"tg:{n}", DAILY, clock())
    clock.now = ONE_PM


async def test_a_replica_that_cannot_send_hands_everything_back_and_stops_claiming(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await _due(database, library, clock)
    cut = Unreachable()
    a = service(database, cut, library, clock, worker="a", concurrency=1)
    report = await a.run_due()
    assert (report.sent, report.failed, report.released) == (0, 3, USERS)
    assert not a.able_to_send
    assert await _held(database) == {None: USERS}  # back for anyone, no lease to wait out
    assert (await a.run_due()).failed == 0 and cut.tries == 3  # claims nothing while stopped

    b = service(database, outbox, library, clock, worker="b")
    assert (await b.run_due()).sent == USERS  # at once, on the same clock
    assert sorted(d.user_key for _, d in outbox.sent) == sorted(f"tg:{n}" for n in range(USERS))
    assert await _held(database) == {}


async def test_after_its_pause_a_stopped_replica_tries_one_and_resumes_when_it_works(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await _due(database, library, clock)
    cut = Unreachable()
    a = service(database, cut, library, clock, worker="a", concurrency=1)
    await a.run_due()
    clock.advance(seconds=5)  # the first pause is over: one try, which fails again
    assert ((await a.run_due()).failed, cut.tries) == (1, 4)
    clock.advance(seconds=5)  # the pause doubled: not yet
    assert (await a.run_due()).failed == 0 and not a.able_to_send
    a._send = outbox  # the connection is back
    clock.advance(seconds=5)
    first = await a.run_due()
    assert first.sent == 1 and a.able_to_send  # the try worked: healthy again
    assert (await a.run_due()).sent == USERS - 1


async def test_one_failed_send_goes_back_while_the_rest_go_out(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await _due(database, library, clock)
    failed_once: set[str] = set()

    async def flaky(delivery: Delivery) -> SendResult:
        if delivery.user_key == "tg:3" and delivery.user_key not in failed_once:
            failed_once.add(delivery.user_key)
            return SendResult.failed()
        return await outbox(delivery)

    a = service(database, flaky, library, clock, worker="a")
    report = await a.run_due()
    assert (report.sent, report.failed, report.released) == (USERS - 1, 1, 1)
    assert a.able_to_send  # one failure among successes is not a cut
    assert await _held(database) == {None: 1}
    # Handed back, it is claimable at once: the next run (the wake job's, on any replica).
    assert (await a.run_due()).sent == 1
    assert sorted(d.user_key for _, d in outbox.sent) == sorted(f"tg:{n}" for n in range(USERS))


async def test_stop_during_a_429_pause_returns_at_once_and_hands_the_claims_back(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await _due(database, library, clock)
    told_to_wait = asyncio.Event()

    async def flooded(delivery: Delivery) -> SendResult:
        told_to_wait.set()
        return SendResult.retry(600.0)  # Telegram: wait ten minutes

    a = service(database, flooded, library, clock, worker="a", rate_per_second=30.0)
    running = asyncio.create_task(a.run_due())
    await told_to_wait.wait()
    # Without stop() ending the waits, this would take the ten minutes (the suite's timeout).
    await asyncio.wait_for(a.stop(), timeout=60)
    report = await running
    assert report.sent == 0 and report.released == USERS
    assert await _held(database) == {None: USERS}
    b = service(database, outbox, library, clock, worker="b")
    assert (await b.run_due()).sent == USERS


async def test_reminders_due_soon_are_claimed_ahead_by_half_their_spread(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    for n in range(USERS):
        await remind(database, library, f"tg:{n}", DAILY, clock())
    rate = 2.0 / 0.96  # 2 a second after the headroom: ten take 5 s, so start 2.5 s early
    a = service(database, outbox, library, clock, rate_per_second=rate, batch=USERS)
    clock.now = ONE_PM - timedelta(seconds=3)
    assert (await a.claim_due(clock())).claimed == []
    clock.now = ONE_PM - timedelta(seconds=2.5)
    claimed = (await a.claim_due(clock())).claimed
    assert len(claimed) == USERS and {c.due_at for c in claimed} == {ONE_PM}
