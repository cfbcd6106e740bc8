"""The scheduler on a real database with an injected clock: DST, grace, blocked, 429, snooze."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.content import Library
from bot.storage import Database
from bot.storage.reminder_store import OccurrenceRow
from tests.reminders.conftest import Clock, Outbox
from tests.reminders.helpers import Conversation, remind, service

BERLIN = ZoneInfo("Europe/Berlin")


async def _statuses(database: Database) -> list[tuple[str, str]]:
    async with database.unit() as store:
        rows = await store.session.scalars(select(OccurrenceRow).order_by(OccurrenceRow.id))
        return [(str(r.local_date), r.status) for r in rows]


@pytest.mark.parametrize(
    ("friday", "offsets"),
    [
        (datetime(2026, 3, 27, 12, tzinfo=UTC), (1, 2, 2)),  # spring: CET, then CEST
        (datetime(2026, 10, 23, 12, tzinfo=UTC), (2, 1, 1)),  # autumn: CEST, then CET
    ],
    ids=["spring", "autumn"],
)
async def test_weekdays_at_7pm_berlin_set_in_conversation_arrives_at_19_on_both_sides_of_dst(
    database: Database,
    library: Library,
    outbox: Outbox,
    friday: datetime,
    offsets: tuple[int, ...],
) -> None:
    clock = outbox.clock = Clock(friday)
    ana = Conversation(database, library, "tg:1")
    await ana.command("", clock())
    await ana.say("weekdays at 7pm, Europe/Berlin", clock())
    done = await ana.press("Glute bridge", clock())
    assert "Weekdays at 19:00 (Europe/Berlin)" in done.outcome.replies[0].text
    scheduler = service(database, outbox, library, clock)
    # Friday to Tuesday, every five minutes of each evening: the clock change is on the Sunday.
    arrivals: list[datetime] = []
    for day in range(5):
        evening = friday.replace(hour=16, minute=50) + timedelta(days=day)
        for minute in range(0, 140, 5):
            clock.now = evening + timedelta(minutes=minute)
            before = len(outbox.sent)
            await scheduler.run_due()
            arrivals += [clock.now for _ in outbox.sent[before:]]
    local = [moment.astimezone(BERLIN) for moment in arrivals]
    assert [(m.strftime("%a"), m.strftime("%H:%M")) for m in local] == [
        ("Fri", "19:00"),
        ("Mon", "19:00"),
        ("Tue", "19:00"),
    ]
    assert [m.utcoffset() for m in local] == [timedelta(hours=h) for h in offsets]
    assert "Glute bridge" in outbox.texts()[0]
    assert all(d.user_key == "tg:1" for _, d in outbox.sent)


async def test_within_grace_it_comes_late_and_says_so_beyond_it_is_recorded_missed(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await remind(database, library, "tg:1", "weekdays 7pm Europe/Berlin glute bridge", clock())
    scheduler = service(database, outbox, library, clock)
    clock.now = datetime(2026, 3, 27, 18, 40, tzinfo=UTC)  # 40 min late: the coach was down
    report = await scheduler.run_due()
    assert (report.sent, report.late, report.missed) == (1, 1, 0)
    assert "Sorry it's late: it was due at 19:00." in outbox.texts()[0]
    clock.now = datetime(2026, 3, 30, 17, 0, tzinfo=UTC) + timedelta(minutes=61)
    report = await scheduler.run_due()
    assert (report.sent, report.missed) == (0, 1)
    assert await _statuses(database) == [("2026-03-27", "sent"), ("2026-03-30", "missed")]
    clock.now = datetime(2026, 3, 31, 17, 0, tzinfo=UTC)  # and the next one is on time again
    assert (await scheduler.run_due()).sent == 1


async def test_days_of_downtime_are_recorded_missed_and_only_todays_is_sent(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    await remind(database, library, "tg:1", "every day at 7:30 London glute bridge", clock())
    clock.now = datetime(2026, 4, 2, 6, 45, tzinfo=UTC)  # 07:45 BST, six days later
    report = await service(database, outbox, library, clock).run_due()
    assert (report.sent, report.missed) == (1, 5)
    assert [s for _, s in await _statuses(database)] == ["missed"] * 5 + ["sent"]


async def test_a_user_who_blocked_the_bot_has_their_reminders_paused(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    for key in ("tg:1", "tg:2"):
        await remind(database, library, key, "daily 13:00 UTC glute bridge", clock())
    outbox.blocked.add("tg:1")
    scheduler = service(database, outbox, library, clock)
    clock.now = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)
    report = await scheduler.run_due()
    assert (report.sent, report.blocked) == (1, 1)
    listing = (await Conversation(database, library, "tg:1").command("", clock())).outcome
    assert "— paused" in listing.replies[0].text
    clock.now += timedelta(days=1)
    assert (await scheduler.run_due()).blocked == 0  # not retried forever
    assert [d.user_key for _, d in outbox.sent] == ["tg:2", "tg:2"]


async def test_429_means_late_not_lost_and_never_twice(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    for n in range(6):
        await remind(database, library, f"tg:{n}", "daily 13:00 UTC glute bridge", clock())
    outbox.retry_first = {"tg:1": 2, "tg:4": 1}
    clock.now = datetime(2026, 3, 27, 13, 0, tzinfo=UTC)
    report = await service(database, outbox, library, clock).run_due()
    assert (report.sent, report.retried) == (6, 3)
    assert sorted(d.user_key for _, d in outbox.sent) == [f"tg:{n}" for n in range(6)]


async def test_snooze_sends_it_again_after_30_minutes_and_skip_keeps_the_streak(
    database: Database, library: Library, clock: Clock, outbox: Outbox
) -> None:
    ana = await remind(database, library, "tg:1", "daily 18:00 UTC glute bridge", clock())
    scheduler = service(database, outbox, library, clock)
    clock.now = datetime(2026, 3, 27, 18, 0, tzinfo=UTC)
    await scheduler.run_due()
    ((_, first),) = outbox.sent
    assert [b.label for b in first.reply.buttons[0]] == ["Start now", "Snooze 30 min", "Skip today"]
    ana.last.append(_as_handled(first))
    snoozed = await ana.press("Snooze 30 min", clock())
    assert snoozed.outcome.chosen == "Snoozed until 18:30" and snoozed.changed
    again = await ana.press("Snooze 30 min", clock())
    assert again.outcome.notice == "Already snoozed"
    clock.advance(minutes=29)
    assert (await scheduler.run_due()).sent == 0
    clock.advance(minutes=1)
    assert (await scheduler.run_due()).sent == 1
    assert (await ana.press("Skip today", clock())).outcome.chosen == "Skipped today"
    for _ in range(2):  # two more days answered with Start now: the streak grows
        clock.now += timedelta(days=1)
        clock.now = clock.now.replace(hour=18, minute=0)
        await scheduler.run_due()
        ana.last.append(_as_handled(outbox.sent[-1][1]))
        started = await ana.press("Start now", clock())
        assert started.start_exercise == "glute-bridge"
    clock.now += timedelta(days=1)
    await scheduler.run_due()
    friday, _, saturday, sunday, monday = outbox.texts()
    assert "1st session this week" in friday and "in a row" not in friday
    assert "1st session this week" in saturday  # Friday was skipped: kept, but not a session
    assert "2nd session this week" in sunday and "kept 2 reminders in a row" in sunday
    # A new week (Monday to Sunday on the user's clock) starts the count again; the streak goes on.
    assert "1st session this week" in monday and "kept 3 reminders in a row" in monday


def _as_handled(delivery: object) -> object:
    from bot.coach.replies import Outcome
    from bot.reminders.domain import Delivery
    from bot.reminders.flow import Handled

    assert isinstance(delivery, Delivery)
    return Handled(Outcome([delivery.reply]), None)
