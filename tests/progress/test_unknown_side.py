"""An imported single-leg set with no side: shown as "side unknown" everywhere, counted for
neither leg and never as both, in summaries, history, progression, charts and the exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.coach.ports import (
    Plan,
    SetEntry,
    Side,
    Unit,
    UserRecord,
    UserSettings,
    WorkoutRecord,
    WorkoutStatus,
)
from bot.coach.summary import gap_line, side_stats, stats_lines, verdict
from bot.content import Library
from bot.imports.strong_export import strong_csv
from bot.progress import chart
from bot.progress.history import session_lines
from bot.progress.series import build, reading
from bot.progress.strong_out import export_sets

SLUG = "single-leg-hip-thrust"
DAY = datetime(2026, 2, 3, 18, 0, tzinfo=UTC)


def _session(sides: list[Side], reps: int = 10, days: int = 0) -> WorkoutRecord:
    started = DAY + timedelta(days=days)
    numbers: dict[Side, int] = {}
    sets = []
    for side in sides:
        numbers[side] = numbers.get(side, 0) + 1
        key = f"strong:{days}{side}{numbers[side]}"
        sets.append(SetEntry(0, SLUG, numbers[side], side, reps, 20.0, Unit.KG, started,
                             source="strong", source_key=key))  # fmt: skip
    plan = Plan(3, reps, 20.0, Unit.KG, Side.LEFT)
    return WorkoutRecord(1 + days, 1, SLUG, plan, started, WorkoutStatus.FINISHED, started,
                         sets=sets, source="strong", imported=True)  # fmt: skip


def test_the_summary_names_unknown_sets_apart_and_finds_no_gap_in_them() -> None:
    workout = _session([Side.LEFT, Side.UNKNOWN, Side.UNKNOWN])
    assert stats_lines(side_stats(workout.sets)) == [
        "Left: 10 reps in 1 set · best 10 · 20 kg",
        "Side unknown: 20 reps in 2 sets · best 10 · 20 kg",
    ]
    assert gap_line(side_stats(workout.sets)) is None


def test_history_shows_unknown_sets_and_no_empty_legs_for_them() -> None:
    only_unknown = session_lines(_session([Side.UNKNOWN] * 3), None, Unit.KG, UTC, DAY)
    assert only_unknown == ["Tue 3 Feb · imported from Strong", "Side unknown 3×10 @ 20 kg"]
    mixed = session_lines(_session([Side.LEFT, Side.RIGHT, Side.UNKNOWN]), None, Unit.KG, UTC, DAY)
    assert mixed[1:] == [
        "Left 10 @ 20 kg │ Right 10 @ 20 kg │ Side unknown 10 @ 20 kg",
        "Even: 10 reps each side",
    ]


def test_progression_reads_a_session_with_no_sides_on_its_unknown_sets(library: Library) -> None:
    found = verdict(library[SLUG], _session([Side.UNKNOWN] * 3))
    assert found.expected == (Side.UNKNOWN,) and found.all_on_target
    marked = verdict(library[SLUG], _session([Side.LEFT, Side.UNKNOWN, Side.UNKNOWN]))
    assert marked.expected == (Side.LEFT, Side.RIGHT) and not marked.all_on_target


def test_the_chart_draws_unknown_sets_as_their_own_line() -> None:
    sessions = [_session([Side.UNKNOWN] * 3), _session([Side.LEFT, Side.RIGHT], 9, days=3)]
    series = build("Single-leg hip thrust", sessions, Unit.KG, UTC, unilateral=True)
    assert series.sides == (Side.LEFT, Side.RIGHT, Side.UNKNOWN)
    assert [sorted(p.best) for p in series.points] == [[Side.UNKNOWN], [Side.LEFT, Side.RIGHT]]
    line = reading(series)
    assert line.startswith("One session so far")  # only the session with both legs has a gap
    assert chart.render(series, line).startswith(b"\x89PNG")


def test_the_strong_export_puts_known_sides_in_the_note_and_no_guess_for_unknown() -> None:
    user = UserRecord(1, "ana", UserSettings(), {})
    out = export_sets([_session([Side.LEFT, Side.UNKNOWN])], {SLUG: "Single-leg hip thrust"}, user)
    rows = [row.split(";") for row in strong_csv(out).splitlines()[1:]]
    assert [(row[2], row[6], row[11]) for row in rows] == [
        ('"Single Leg Hip Thrust"', "10", '"Left"'),
        ('"Single Leg Hip Thrust"', "10", '""'),  # no side said rather than a wrong one
    ]
