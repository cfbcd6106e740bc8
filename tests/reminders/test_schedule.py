"""Occurrences stay at the same wall-clock time across DST; gaps and folds fire once, on purpose."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.reminders.parsing import EVERY_DAY, WEEKDAYS
from bot.reminders.schedule import (
    Rule,
    next_occurrence,
    occurrence_key,
    occurrences_between,
    wall_clock,
)

# 2026: the EU changes clocks on 29 March and 25 October, the US on 8 March and 1 November.
CHANGES = {
    "Europe/London": (date(2026, 3, 29), date(2026, 10, 25)),
    "Europe/Berlin": (date(2026, 3, 29), date(2026, 10, 25)),
    "America/New_York": (date(2026, 3, 8), date(2026, 11, 1)),
}


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


@pytest.mark.parametrize("zone", sorted(CHANGES))
@pytest.mark.parametrize("season", [0, 1], ids=["spring", "autumn"])
def test_seven_thirty_stays_seven_thirty_local_across_the_change(zone: str, season: int) -> None:
    change = CHANGES[zone][season]
    rule = Rule(time(7, 30), EVERY_DAY, zone)
    start = datetime.combine(change - timedelta(days=3), time(), tzinfo=UTC)
    found = occurrences_between(rule, start, start + timedelta(days=6))
    assert [o.local_date for o in found] == [start.date() + timedelta(days=i) for i in range(6)]
    for occurrence in found:
        local = _local(occurrence.due_at, zone)
        assert (local.hour, local.minute, local.date()) == (7, 30, occurrence.local_date)
        assert occurrence.due_at.tzinfo is UTC
    # The UTC instant moved by exactly the clock change, which is how we know it was crossed.
    offsets = {o.due_at.hour * 60 + o.due_at.minute for o in found}
    assert len(offsets) == 2


def test_weekdays_at_seven_pm_berlin_both_sides_of_the_spring_change() -> None:
    rule = Rule(time(19), WEEKDAYS, "Europe/Berlin")
    friday_before = next_occurrence(rule, datetime(2026, 3, 27, 12, tzinfo=UTC))
    monday_after = next_occurrence(rule, friday_before.due_at)
    assert friday_before.due_at == datetime(2026, 3, 27, 18, 0, tzinfo=UTC)  # CET, UTC+1
    assert monday_after.local_date == date(2026, 3, 30)  # the weekend is skipped
    assert monday_after.due_at == datetime(2026, 3, 30, 17, 0, tzinfo=UTC)  # CEST, UTC+2
    assert wall_clock(rule, friday_before.due_at) == wall_clock(rule, monday_after.due_at)


def test_a_time_in_the_spring_gap_fires_once_an_hour_later_on_the_clock() -> None:
    # London skips 01:00-02:00 on 29 March 2026: 01:30 does not exist that night.
    rule = Rule(time(1, 30), EVERY_DAY, "Europe/London")
    start = datetime(2026, 3, 28, 12, tzinfo=UTC)
    found = occurrences_between(rule, start, start + timedelta(days=2))
    assert [o.local_date for o in found] == [date(2026, 3, 29), date(2026, 3, 30)]
    assert _local(found[0].due_at, "Europe/London").strftime("%H:%M") == "02:30"
    assert found[0].due_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert _local(found[1].due_at, "Europe/London").strftime("%H:%M") == "01:30"


def test_a_time_in_the_autumn_fold_fires_once_at_the_first_of_the_two() -> None:
    # New York shows 01:00-02:00 twice on 1 November 2026.
    rule = Rule(time(1, 30), EVERY_DAY, "America/New_York")
    start = datetime(2026, 10, 31, 12, tzinfo=UTC)
    found = occurrences_between(rule, start, start + timedelta(days=1))
    assert len(found) == 1
    assert found[0].due_at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT, not EST


def test_next_occurrence_is_strictly_after_the_instant() -> None:
    rule = Rule(time(7, 30), EVERY_DAY, "Europe/London")
    due = datetime(2026, 6, 1, 6, 30, tzinfo=UTC)
    assert next_occurrence(rule, due - timedelta(seconds=1)).due_at == due
    assert next_occurrence(rule, due).due_at == due + timedelta(days=1)


def test_fixed_offsets_and_far_east_zones_keep_the_local_date() -> None:
    rule = Rule(time(6), EVERY_DAY, "UTC+05:30")
    found = next_occurrence(rule, datetime(2026, 1, 1, 12, tzinfo=UTC))
    assert found.local_date == date(2026, 1, 2)
    assert found.due_at == datetime(2026, 1, 2, 0, 30, tzinfo=UTC)
    # 00:00 UTC is 09:00 in Tokyo: today's 08:00 has passed; tomorrow's is 23:00 UTC today.
    tokyo = Rule(time(8), EVERY_DAY, "Asia/Tokyo")
    found = next_occurrence(tokyo, datetime(2026, 1, 1, tzinfo=UTC))
    assert found.local_date == date(2026, 1, 2)
    assert found.due_at == datetime(2026, 1, 1, 23, tzinfo=UTC)


def test_naive_datetimes_are_refused() -> None:
    rule = Rule(time(7), EVERY_DAY, "Europe/London")
    with pytest.raises(ValueError, match="naive"):
        next_occurrence(rule, datetime(2026, 1, 1))  # naive on purpose


def test_a_rule_needs_days_and_a_wall_clock_time() -> None:
    with pytest.raises(ValueError):
        Rule(time(7), 0, "Europe/London")
    with pytest.raises(ValueError):
        Rule(time(7, tzinfo=UTC), EVERY_DAY, "Europe/London")


def test_occurrence_keys_name_the_reminder_and_the_local_day() -> None:
    assert occurrence_key(42, date(2026, 3, 29)) == "r42:2026-03-29"
