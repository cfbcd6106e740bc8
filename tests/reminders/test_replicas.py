"""Two scheduler replicas on one database send a day for 500 users: each reminder exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import insert

from bot.content import Library
from bot.reminders.model import Delivery, SendResult
from bot.reminders.parsing import EVERY_DAY
from bot.reminders.schedule import Rule, next_occurrence, occurrences_between
from bot.reminders.service import Sender
from bot.storage import Database
from bot.storage.models import UserRow
from bot.storage.reminders import ReminderRow
from tests.reminders.conftest import Clock
from tests.reminders.helpers import service

USERS = 500
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC+05:45", "UTC")
DAY_START = datetime(2026, 6, 10, 0, 0, tzinfo=UTC)
STEP = timedelta(minutes=10)


async def _seed(database: Database) -> dict[str, Rule]:
    """500 users, one daily reminder each, at times spread over the day in six zones."""
    rules = {
        f"tg:{n}": Rule(time((n * 37) // 60 % 24, (n * 37) % 60), EVERY_DAY, ZONES[n % 6])
        for n in range(USERS)
    }
    before = DAY_START - timedelta(days=1)
    async with database.unit() as store:
        await store.session.execute(
            insert(UserRow),
            [
                {
                    "key": key, "created_at": before, "unit": "kg", "rest_seconds": 60,
                    "switch_seconds": 10, "first_side": "left", "timezone": rule.zone,
                    "state": {}, "version": 0,
                }
                for key, rule in rules.items()
            ],
        )  # fmt: skip
        store_ids = {key: (await store.load_user(key)).id for key in rules}
        await store.session.execute(
            insert(ReminderRow),
            [
                {
                    "user_id": store_ids[key], "local_time": rule.at, "days": rule.days,
                    "zone": rule.zone, "exercise": "glute-bridge", "paused": False,
                    "created_at": before,
                    "next_due_at": next_occurrence(rule, DAY_START).due_at,
                }
                for key, rule in rules.items()
            ],
        )  # fmt: skip
    return rules


async def test_two_replicas_send_a_day_of_reminders_for_500_users_exactly_once(
    database: Database, library: Library
) -> None:
    rules = await _seed(database)
    clock = Clock(DAY_START)
    sent: Counter[tuple[str, str]] = Counter()
    by_replica: Counter[str] = Counter()

    def sender(name: str) -> Sender:
        async def send(delivery: Delivery) -> SendResult:
            await asyncio.sleep(0)  # a real send yields to the loop; let the replicas interleave
            sent[(delivery.user_key, delivery.occurrence.local_date.isoformat())] += 1
            by_replica[name] += 1
            return SendResult.ok()

        return send

    other = Database(database.url.render_as_string(hide_password=False))
    try:
        a = service(database, sender("a"), library, clock, worker="a", batch=50)
        b = service(other, sender("b"), library, clock, worker="b", batch=50)
        crashed_at = DAY_START + timedelta(hours=12)
        while clock.now < DAY_START + timedelta(days=1):
            clock.advance(minutes=STEP.total_seconds() / 60)
            if clock.now == crashed_at:
                # Replica "a" claims a batch and dies before sending it; "b" carries on.
                assert (await a.claim_due(clock())).claimed  # it did hold some
                a = service(database, sender("a"), library, clock, worker="a2", batch=50)
                continue
            await asyncio.gather(a.run_due(), b.run_due())
    finally:
        await other.dispose()

    expected = {
        (key, occurrence.local_date.isoformat())
        for key, rule in rules.items()
        for occurrence in occurrences_between(rule, DAY_START, DAY_START + timedelta(days=1))
    }
    assert len(expected) == USERS
    assert set(sent) == expected  # nobody lost
    assert max(sent.values()) == 1  # nobody twice
    assert sum(by_replica.values()) == USERS
