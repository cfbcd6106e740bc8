"""Times, days and timezones as people type them; bad input gets a re-prompt, never an error."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.reminders.parsing import (
    EVERY_DAY,
    WEEKDAYS,
    WEEKENDS,
    NotUnderstood,
    describe_days,
    parse_days,
    parse_time,
)
from bot.reminders.zones import parse_zone, zone

MON, TUE, WED, THU, FRI, SAT, SUN = (1 << i for i in range(7))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:30", time(7, 30)),
        ("07:30", time(7, 30)),
        ("7pm", time(19, 0)),
        ("7 pm", time(19, 0)),
        ("7:45 p.m.", time(19, 45)),
        ("19:00", time(19, 0)),
        ("0730", time(7, 30)),
        ("730", time(7, 30)),
        ("noon", time(12, 0)),
        ("Midnight", time(0, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("at 6am", time(6, 0)),
        ("6 in the evening", time(18, 0)),
        ("18.15", time(18, 15)),
        ("7", time(7, 0)),
    ],
)
def test_times_people_type(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["25:99", "24:00", "7:60", "13pm", "0am", "tomorrow-ish", "", "   ", "x" * 300, "🏋️", "7:3"],
)
def test_bad_times_get_a_reprompt_naming_examples(text: str) -> None:
    result = parse_time(text)
    assert isinstance(result, NotUnderstood)
    assert "7pm" in result.message


def test_an_impossible_time_is_named_back() -> None:
    result = parse_time("25:99")
    assert isinstance(result, NotUnderstood)
    assert "25:99" in result.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every day", EVERY_DAY),
        ("daily", EVERY_DAY),
        ("Everyday", EVERY_DAY),
        ("weekdays", WEEKDAYS),
        ("on weekdays", WEEKDAYS),
        ("weekends", WEEKENDS),
        ("mon wed fri", MON | WED | FRI),
        ("Mondays and Thursdays", MON | THU),
        ("tue, thu & sat", TUE | THU | SAT),
        ("mon-fri", WEEKDAYS),
        ("monday to friday", WEEKDAYS),
        ("fri-mon", FRI | SAT | SUN | MON),
        ("wendesday", WED),
        ("thursdya and saturday", THU | SAT),
        ("sun", SUN),
    ],
)
def test_days_people_type(text: str, expected: int) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize("text", ["", "tomorrow-ish", "someday", "mon-blah", "x" * 300, "🗓"])
def test_bad_days_get_a_reprompt(text: str) -> None:
    result = parse_days(text)
    assert isinstance(result, NotUnderstood)
    assert "weekdays" in result.message


def test_days_are_described_as_a_person_would() -> None:
    assert describe_days(WEEKDAYS) == "weekdays"
    assert describe_days(MON | WED | FRI) == "Mon, Wed, Fri"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/London", "Europe/London"),
        ("europe/berlin", "Europe/Berlin"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("america/new york", "America/New_York"),
        ("London", "Europe/London"),
        ("new york", "America/New_York"),
        ("berlin", "Europe/Berlin"),
        ("San Francisco", "America/Los_Angeles"),
        ("delhi", "Asia/Kolkata"),
        ("Mumbai", "Asia/Kolkata"),
        ("São Paulo", "America/Sao_Paulo"),
        ("I live in Tokyo", "Asia/Tokyo"),
        ("singapore", "Asia/Singapore"),
        ("EST", "America/New_York"),
        ("UTC", "UTC"),
        ("UTC+2", "UTC+02:00"),
        ("+05:30", "UTC+05:30"),
        ("GMT-3", "UTC-03:00"),
        ("utc +0545", "UTC+05:45"),
    ],
)
def test_timezones_by_name_city_or_offset(text: str, expected: str) -> None:
    assert parse_zone(text) == expected


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("londn", "Europe/London"),
        ("lodnon", "Europe/London"),
        ("new yrok", "America/New_York"),
        ("berln", "Europe/Berlin"),
        ("sna francisco", "America/Los_Angeles"),
        ("amsterdm", "Europe/Amsterdam"),
        ("tokio", "Asia/Tokyo"),
    ],
)
def test_city_typos_are_forgiven(typo: str, expected: str) -> None:
    assert parse_zone(typo) == expected


@pytest.mark.parametrize(
    "text", ["", "tomorrow-ish", "x" * 300, "🌍🌍", "UTC+15", "GMT-13", "rme", "Narnia"]
)
def test_bad_timezones_get_a_reprompt(text: str) -> None:
    result = parse_zone(text)
    assert isinstance(result, NotUnderstood)
    assert result.message


def test_offsets_become_fixed_zones_and_names_real_ones() -> None:
    summer = datetime(2026, 7, 1, 12, tzinfo=UTC)
    assert summer.astimezone(zone("UTC+05:30")).utcoffset() == timedelta(hours=5, minutes=30)
    assert summer.astimezone(zone("UTC-03:00")).utcoffset() == timedelta(hours=-3)
    assert summer.astimezone(zone("Europe/London")).utcoffset() == timedelta(hours=1)


@given(st.text(max_size=400))
def test_no_input_makes_a_parser_raise(text: str) -> None:
    for parse in (parse_time, parse_days, parse_zone):
        result = parse(text)
        assert result is not None
