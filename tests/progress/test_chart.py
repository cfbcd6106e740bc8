"""/progress after scripted workouts: a PNG with both legs and the gap shaded, and its reading."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from bot.coach.ports import Plan, SetEntry, Side, Unit, WorkoutRecord, WorkoutStatus
from bot.progress.chart import COLOURS, GAP_COLOUR
from bot.progress.series import build
from bot.storage import Database
from tests.progress.conftest import SqlChat

# COACH_CHART_TO=/tmp/chart.png keeps the chart of the first test, to look at it.
LOOK_AT_ME = os.environ.get("COACH_CHART_TO")


def _keep(png: bytes) -> None:
    if LOOK_AT_ME:
        Path(LOOK_AT_ME).write_bytes(png)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _over_white(colour: str, alpha: float) -> tuple[int, int, int]:
    r, g, b = _rgb(colour)
    return tuple(round(c * alpha + 255 * (1 - alpha)) for c in (r, g, b))  # type: ignore[return-value]


def _pixels_near(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    rgb = image.convert("RGB")
    return sum(
        count
        for count, pixel in rgb.getcolors(maxcolors=1 << 20) or []
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
    )


async def _closing_gap(chat: SqlChat) -> None:
    """Five weekly sessions: the left leg climbs from 8 to 11 while the right stays at 11."""
    for left in (8, 8, 9, 10, 11):
        await chat.session("slht 3x10 @ 10kg", [left] * 3, [11] * 3, days=7)


async def test_progress_draws_both_legs_and_the_gap_between_them(chat: SqlChat) -> None:
    await _closing_gap(chat)
    outcome = await chat.command("progress")
    [reply] = outcome.replies
    assert reply.photo is not None and reply.photo.startswith(b"\x89PNG\r\n\x1a\n")
    _keep(reply.photo)
    image = Image.open(io.BytesIO(reply.photo))
    assert image.size == (800, 560)
    assert len(reply.photo) > 20_000  # a drawn chart, not an empty canvas
    assert _pixels_near(image, _rgb(COLOURS[Side.LEFT])) > 300
    assert _pixels_near(image, _rgb(COLOURS[Side.RIGHT])) > 300
    assert _pixels_near(image, _over_white(GAP_COLOUR, 0.18)) > 2_000  # the shaded gap
    assert "Left leg has closed the best-set gap from 3 reps to 1 over 4 weeks." in reply.text
    assert reply.text.startswith("Single-leg hip thrust · 12 weeks · 5 sessions")
    assert [b.label for row in reply.buttons for b in row] == ["1 year", "All time"]


async def test_level_legs_leave_nothing_shaded(chat: SqlChat) -> None:
    for reps in (9, 10, 10):
        await chat.session("slht 3x10 @ 10kg", [reps] * 3, [reps] * 3, days=3)
    await chat.command("progress", "single leg hip thrust")
    [reply] = chat.replies
    assert reply.photo is not None
    image = Image.open(io.BytesIO(reply.photo))
    assert (
        _pixels_near(image, _over_white(GAP_COLOUR, 0.18), tolerance=6) < 400
    )  # the legend swatch only
    assert "Left and right have stayed level on the best set over 6 days." in reply.text


async def test_a_longer_period_by_button(chat: SqlChat) -> None:
    await chat.session("slht 2x10 @ 10kg", [8, 8], [10, 10], days=1)
    await chat.session("slht 2x10 @ 10kg", [9, 9], [10, 10], days=200)
    await chat.command("progress")
    assert "1 session" in chat.text and "one session so far" in chat.text.lower()
    await chat.press("All time")
    [reply] = chat.replies
    assert reply.photo is not None and "all time · 2 sessions" in reply.text
    assert "Left leg has closed the best-set gap from 2 reps to 1 over 29 weeks." in reply.text


async def test_no_sessions_no_chart_but_a_friendly_word(chat: SqlChat) -> None:
    await chat.command("progress")
    [reply] = chat.replies
    assert reply.photo is None and "nothing to chart" in reply.text and "/workout" in reply.text
    await chat.session("slht 1x10", [10], [10])
    await chat.command("progress", "glute bridge")
    assert chat.replies[0].photo is None and "No Glute bridge sessions" in chat.text
    await chat.command("progress", "deadlift")
    assert chat.replies[0].photo is None and "I don't know “deadlift”" in chat.text


async def test_a_two_leg_exercise_charts_one_line_and_says_why_no_gap(chat: SqlChat) -> None:
    await chat.session("glute bridge 2x15", [12, 12])
    await chat.session("glute bridge 2x15", [15, 14])
    await chat.command("progress")
    [reply] = chat.replies
    assert reply.photo is not None
    image = Image.open(io.BytesIO(reply.photo))
    assert _pixels_near(image, _rgb(COLOURS[Side.BOTH])) > 200
    assert "no left/right gap: best set 12 → 15 reps" in reply.text


async def test_mid_workout_the_chart_comes_then_the_set_is_asked_again(chat: SqlChat) -> None:
    await chat.session("slht 2x10", [10, 10], [9, 9])
    await chat.command("workout", "slht 2x10")
    await chat.command("progress")
    assert chat.replies[0].photo is not None
    assert "Set 1 of 2" in chat.replies[-1].text


async def test_works_the_same_on_each_database(database: Database, chat: SqlChat) -> None:
    await chat.session("slht 1x10 @ 5kg", [7], [10])
    await chat.command("progress")
    assert chat.replies[0].photo is not None, database.dialect


def _plain_session(n: int, load: float | None, unit: Unit = Unit.KG) -> WorkoutRecord:
    at = datetime(2026, 3, n, tzinfo=UTC)
    sets = [
        SetEntry(n, "x", s, side, 10, load, unit, at)
        for s in (1, 2)
        for side in (Side.LEFT, Side.RIGHT)
    ]
    plan = Plan(2, 10, load, unit, Side.LEFT)
    return WorkoutRecord(n, 1, "x", plan, at, WorkoutStatus.FINISHED, sets=sets)


def test_volume_counts_bodyweight_sensibly() -> None:
    """All bodyweight: volume is the rep count. Mixed: reps × added load, bodyweight adding 0;
    pounds converted to the user's kilograms."""
    only = build("x", [_plain_session(1, None), _plain_session(2, None)], Unit.KG, UTC, True)
    assert only.bodyweight_only
    assert only.points[0].volume == {Side.LEFT: 20.0, Side.RIGHT: 20.0}
    sessions = [_plain_session(1, None), _plain_session(2, 10.0), _plain_session(3, 22.5, Unit.LB)]
    mixed = build("x", sessions, Unit.KG, UTC, True)
    assert not mixed.bodyweight_only
    volumes = [p.volume[Side.LEFT] for p in mixed.points]
    assert volumes == pytest.approx([0.0, 200.0, 204.1], abs=0.1)
