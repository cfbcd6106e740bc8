"""A fan-out's start: half its spread ahead of the due moment, counting what is ahead of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.reminders.spread import claim_until, planned_lateness, start_at

SEVEN = datetime(2026, 6, 10, 7, 0, tzinfo=UTC)
RATE = 28.8  # 30/s less the limiter's headroom


def _seconds(moment: datetime | None) -> float:
    assert moment is not None
    return (moment - SEVEN).total_seconds()


def test_ten_thousand_at_seven_start_half_their_spread_early() -> None:
    groups = [(SEVEN, 10_000)]
    assert _seconds(start_at(groups, 0, RATE)) == pytest.approx(-10_000 / RATE / 2)  # 06:57:06
    early = SEVEN - timedelta(minutes=3)
    assert claim_until(groups, 0, RATE, early) == early  # too soon: nothing of 07:00 yet
    assert claim_until(groups, 0, RATE, SEVEN - timedelta(minutes=2, seconds=50)) == SEVEN


def test_once_started_the_rest_stays_claimable_as_the_queue_drains() -> None:
    started = SEVEN - timedelta(seconds=10_000 / RATE / 2)
    for sent in range(0, 10_000, 500):
        now = started + timedelta(seconds=sent / RATE)
        queued = min(500, 10_000 - sent)
        left = 10_000 - sent - queued
        if left:
            assert claim_until([(SEVEN, left)], queued, RATE, now) >= SEVEN


def test_a_burst_right_after_another_pulls_both_earlier() -> None:
    a_minute_later = SEVEN + timedelta(minutes=1)
    groups = [(SEVEN, 10_000), (a_minute_later, 10_000)]
    # The second group's middle comes 15 000 messages in: that decides the start.
    assert _seconds(start_at(groups, 0, RATE)) == pytest.approx(60 - 15_000 / RATE)


def test_what_is_queued_already_moves_the_start_earlier() -> None:
    assert _seconds(start_at([(SEVEN, 100)], 1_000, RATE)) == pytest.approx(-(1_000 + 50) / RATE)


def test_overdue_work_is_claimable_at_once_and_nothing_planned_says_none() -> None:
    now = SEVEN + timedelta(minutes=5)
    assert claim_until([(SEVEN, 3)], 0, RATE, now) == now
    assert start_at([], 0, RATE) is None


def test_a_message_of_a_run_started_early_is_on_plan_until_as_late_as_the_run_was_early() -> None:
    assert planned_lateness(SEVEN, SEVEN - timedelta(minutes=3)) == timedelta(minutes=3)
    assert planned_lateness(SEVEN, SEVEN + timedelta(minutes=1)) == timedelta(0)
