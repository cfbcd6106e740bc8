"""Reminder storage on SQLite and PostgreSQL: a user's own reminders, and the atomic claim."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete, func, select

from bot.reminders.domain import OccurrenceStatus
from bot.reminders.parsing import EVERY_DAY, WEEKDAYS
from bot.reminders.schedule import Rule
from bot.storage import Database
from bot.storage.models import UserRow
from bot.storage.reminder_claims import SqlReminderClaims, claims_unit
from bot.storage.reminder_store import OccurrenceRow, ReminderRow, reminder_unit

NOW = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
BERLIN_7PM = Rule(time(19), WEEKDAYS, "Europe/Berlin")


async def _user(database: Database, key: str) -> int:
    async with database.unit() as store:
        return (await store.load_user(key)).id


async def test_a_user_sees_and_changes_only_their_own_reminders(database: Database) -> None:
    ana, ben = await _user(database, "ana"), await _user(database, "ben")
    async with reminder_unit(database) as store:
        mine = await store.create_reminder(ana, BERLIN_7PM, "glute-bridge", NOW)
        await store.create_reminder(ben, Rule(time(7), EVERY_DAY, "UTC"), None, NOW)
    assert mine.next_due_at == datetime(2026, 3, 27, 18, 0, tzinfo=UTC)  # 19:00 CET
    async with reminder_unit(database) as store:
        assert [r.id for r in await store.list_reminders(ana)] == [mine.id]
        # Ben pressing Ana's buttons (a forged id) changes nothing.
        assert await store.set_paused(ben, mine.id, True, NOW) is None
        assert await store.update_reminder(ben, mine.id, BERLIN_7PM, None, NOW) is None
        assert await store.delete_reminder(ben, mine.id) is False
    async with reminder_unit(database) as store:
        (still,) = await store.list_reminders(ana)
        assert not still.paused and still.exercise == "glute-bridge"
        paused = await store.set_paused(ana, mine.id, True, NOW)
        assert paused is not None and paused.paused
        assert await store.delete_reminder(ana, mine.id) is True
        assert await store.list_reminders(ana) == []
        assert len(await store.list_reminders(ben)) == 1


async def test_moving_zone_keeps_the_wall_clock_time(database: Database) -> None:
    ana = await _user(database, "ana")
    async with reminder_unit(database) as store:
        await store.create_reminder(ana, BERLIN_7PM, None, NOW)
        assert await store.set_zone(ana, "America/New_York", NOW) == 1
        (moved,) = await store.list_reminders(ana)
    assert moved.zone == "America/New_York" and moved.at == time(19)
    assert moved.next_due_at == datetime(2026, 3, 27, 23, 0, tzinfo=UTC)  # 19:00 EDT


async def test_deleting_a_user_deletes_their_reminders_and_occurrences(database: Database) -> None:
    ana = await _user(database, "ana")
    async with reminder_unit(database) as store:
        reminder = await store.create_reminder(ana, BERLIN_7PM, None, NOW)
    async with claims_unit(database) as claims:
        assert await claims.claim(reminder.id, date(2026, 3, 27), NOW, "w1", NOW) is not None
    async with database.unit() as store:
        await store.session.execute(delete(UserRow).where(UserRow.id == ana))
    async with database.unit() as store:
        assert await store.session.scalar(select(func.count()).select_from(ReminderRow)) == 0
        assert await store.session.scalar(select(func.count()).select_from(OccurrenceRow)) == 0


async def test_many_concurrent_claims_of_one_occurrence_win_once(database: Database) -> None:
    ana = await _user(database, "ana")
    async with reminder_unit(database) as store:
        reminder = await store.create_reminder(ana, BERLIN_7PM, None, NOW)
    due = datetime(2026, 3, 27, 18, 0, tzinfo=UTC)

    async def claim(worker: int) -> bool:
        async with database.unit() as unit:
            claims = SqlReminderClaims(unit.session)
            return await claims.claim_bool(reminder.id, date(2026, 3, 27), due, f"w{worker}", due)

    results = await asyncio.gather(*(claim(i) for i in range(40)))
    assert results.count(True) == 1
    async with database.unit() as unit:
        rows = (await unit.session.scalars(select(OccurrenceRow))).all()
    assert [(r.status, r.local_date) for r in rows] == [("claimed", date(2026, 3, 27))]


async def test_two_databases_claiming_at_once_win_once(database: Database) -> None:
    """Two engines (two replicas) racing for the same occurrences: one winner each."""
    ana = await _user(database, "ana")
    async with reminder_unit(database) as store:
        ids = [(await store.create_reminder(ana, BERLIN_7PM, None, NOW)).id for _ in range(5)]
    other = Database(database.url.render_as_string(hide_password=False))
    try:

        async def claim(database: Database, rid: int, worker: str) -> bool:
            async with claims_unit(database) as claims:
                return await claims.claim_bool(rid, date(2026, 3, 30), NOW, worker, NOW)

        wins = await asyncio.gather(
            *(claim(db, rid, name) for rid in ids for db, name in ((database, "a"), (other, "b")))
        )
    finally:
        await other.dispose()
    assert sum(wins) == len(ids)


async def test_a_claim_is_finished_only_by_its_holder(database: Database) -> None:
    ana = await _user(database, "ana")
    async with reminder_unit(database) as store:
        reminder = await store.create_reminder(ana, BERLIN_7PM, None, NOW)
    async with claims_unit(database) as claims:
        oid = await claims.claim(reminder.id, date(2026, 3, 27), NOW, "a", NOW)
        assert oid is not None
        assert await claims.finish([oid], "b", OccurrenceStatus.SENT, NOW) == 0
        assert await claims.finish([oid], "a", OccurrenceStatus.SENT, NOW) == 1
        # Already sent: a late second report changes nothing.
        assert await claims.finish([oid], "a", OccurrenceStatus.MISSED, NOW) == 0


async def test_the_wake_time_ignores_what_this_scheduler_would_not_take(database: Database) -> None:
    ana, ben = await _user(database, "ana"), await _user(database, "ben")
    async with reminder_unit(database) as store:
        mine = await store.create_reminder(ana, BERLIN_7PM, None, NOW)
        theirs = await store.create_reminder(ben, Rule(time(7), EVERY_DAY, "UTC"), None, NOW)
    lease = timedelta(minutes=5)
    async with claims_unit(database) as claims:
        # Ben's claim is left open by a dead worker, and then Ben pauses his reminder.
        assert await claims.claim(theirs.id, date(2026, 3, 27), NOW, "dead", NOW) is not None
        assert await claims.next_wake(lease) == NOW + lease
    async with reminder_unit(database) as store:
        await store.set_paused(ben, theirs.id, True, NOW)
    async with claims_unit(database) as claims:
        assert await claims.next_wake(lease) == mine.next_due_at  # no wake for paused work
    async with claims_unit(database, only_user="ben") as claims:
        assert await claims.next_wake(lease) is None  # the terminal of Ben: nothing of his
    async with claims_unit(database, only_user="ana") as claims:
        assert [d.user_key for d in await claims.due_reminders(NOW + timedelta(days=1), 9)] == [
            "ana"
        ]


async def test_the_telegram_scheduler_leaves_terminal_users_reminders_alone(
    database: Database,
) -> None:
    # One database shared by `coach chat --user ana` and the bot: the bot cannot reach "ana",
    # so it must not claim her reminder (and then pause it as if she had blocked the bot).
    ana, tg = await _user(database, "ana"), await _user(database, "tg:42")
    async with reminder_unit(database) as store:
        await store.create_reminder(ana, BERLIN_7PM, None, NOW)
        await store.create_reminder(tg, BERLIN_7PM, None, NOW)
    later = NOW + timedelta(days=1)
    async with claims_unit(database, key_prefix="tg:") as claims:
        assert [d.user_key for d in await claims.due_reminders(later, 9)] == ["tg:42"]
    async with claims_unit(database) as claims:
        assert sorted(d.user_key for d in await claims.due_reminders(later, 9)) == ["ana", "tg:42"]
