"""/settings by button and typed; units convert for display only; the terminal keeps files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach.ports import Side, Unit
from bot.coach.replies import Outcome, Reply
from bot.coach.units import convert, load_text
from bot.terminal.screen import keeper, show
from tests.progress.conftest import SqlChat


async def test_settings_by_button(chat: SqlChat) -> None:
    await chat.command("settings")
    assert "Units: kg\nRest between sets: 60 s\nSwitching legs: 10 s" in chat.text
    assert "Timezone: not set (UTC)" in chat.text
    assert chat.labels[:2] == ["kg ✓", "lb"] and "Rest 60 s ✓" in chat.labels
    outcome = await chat.press("lb")
    assert outcome.chosen == "Units: lb" and "Units: lb" in chat.text
    await chat.press("Rest 90 s")
    await chat.press("Right leg first")
    assert "lb ✓" in chat.labels and "Rest 90 s ✓" in chat.labels
    assert "Right leg first ✓" in chat.labels
    user = await chat.user()
    assert user is not None
    settings = user.settings
    assert (settings.unit, settings.rest_seconds, settings.first_side) == (
        Unit.LB, 90, Side.RIGHT
    )  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "field", "value"),
    [
        ("lb", "unit", Unit.LB),
        ("units pounds", "unit", Unit.LB),
        ("rest 2 min", "rest_seconds", 120),
        ("rest 45s", "rest_seconds", 45),
        ("rest 0", "rest_seconds", 0),
        ("switch 15", "switch_seconds", 15),
        ("side right", "first_side", Side.RIGHT),
        ("starting leg right", "first_side", Side.RIGHT),
        ("timezone new york", "timezone", "America/New_York"),
        ("tz UTC+5:30", "timezone", "UTC+05:30"),
        ("time zone Berlin", "timezone", "Europe/Berlin"),
    ],
)
async def test_settings_typed(chat: SqlChat, typed: str, field: str, value: object) -> None:
    await chat.command("settings", typed)
    user = await chat.user()
    assert user is not None and getattr(user.settings, field) == value
    assert "Your settings" not in chat.text and len(chat.text) < 120  # just the change, said


async def test_a_new_rest_length_times_the_next_rest(chat: SqlChat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.command("settings", "rest 75")
    assert "Set 1 of 2" in chat.replies[-1].text  # asked again mid-workout
    await chat.say("10")
    outcome = await chat.say("10")
    assert outcome.timer is not None
    assert (outcome.timer.due_at - chat.now).total_seconds() == 75


async def test_workouts_start_in_the_chosen_unit_and_leg(chat: SqlChat) -> None:
    await chat.command("settings", "lb")
    await chat.command("settings", "side right")
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    await chat.press("3")
    await chat.press("10")
    await chat.say("25")
    await chat.press("Right")
    assert "Set 1 of 3 · Right leg" in chat.text and "25 lb" in chat.text


def test_units_convert_for_display_only() -> None:
    assert convert(10, Unit.KG, Unit.LB) == pytest.approx(22.0462, abs=1e-4)
    assert convert(convert(37.5, Unit.KG, Unit.LB), Unit.LB, Unit.KG) == pytest.approx(37.5)
    # Shown to the plate step of the unit shown, the one rounding rule (bot/coach/units.py).
    assert load_text(12.5, Unit.KG, Unit.LB) == "27.5 lb"
    assert load_text(45, Unit.LB, Unit.KG) == "20.5 kg"
    assert load_text(12.5, Unit.KG, Unit.KG) == "12.5 kg"
    assert load_text(None, Unit.KG, Unit.LB) == "bodyweight"


def test_the_terminal_saves_charts_and_files_and_prints_where(tmp_path: Path) -> None:
    clock = lambda: datetime(2026, 3, 2, 7, 30, tzinfo=UTC)  # noqa: E731
    keep = keeper("../ana b", clock, tmp_path)
    outcome = Outcome(
        [
            Reply("Single-leg hip thrust · 12 weeks", photo=b"\x89PNG fake"),
            Reply("Everything you logged", document=("coach-export.csv", b"date\n")),
            Reply("Again", photo=b"\x89PNG second"),
        ]
    )
    lines = show(outcome, keep)
    chart = tmp_path / "charts" / "_ana_b-20260302-073000-chart.png"
    second = tmp_path / "charts" / "_ana_b-20260302-073000-2-chart.png"
    export = tmp_path / "exports" / "_ana_b-20260302-073000-coach-export.csv"
    assert f"[saved: {chart}]" in lines and f"[saved: {export}]" in lines
    assert f"[saved: {second}]" in lines  # the same second: a second file, not overwritten
    assert chart.read_bytes() == b"\x89PNG fake" and export.read_bytes() == b"date\n"
    assert show(outcome) == [
        "Single-leg hip thrust · 12 weeks", "[picture: open Telegram to see it]",
        "Everything you logged", "[file: coach-export.csv]",
        "Again", "[picture: open Telegram to see it]",
    ]  # fmt: skip
