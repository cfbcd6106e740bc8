"""Strong's layouts read set by set: tags, Rest Timer rows, 12-hour dates, units, notes."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.coach.ports import Unit
from bot.imports import ImportedSet, LeftOut, SetKind, Side, SideFrom
from tests.imports.conftest import STRONG_HEADER, Reader


def _rows(sets: tuple[ImportedSet, ...], exercise_name: str) -> list[ImportedSet]:
    return [s for s in sets if s.exercise_name == exercise_name]


def test_iphone_layout_reads_tags_rest_timers_and_the_users_unit(read: Reader) -> None:
    parsed = read("strong_iphone.csv", unit=Unit.LB)
    thrusts = _rows(parsed.sets, "Hip Thrust (Barbell)")
    assert [(s.kind, s.reps, s.load, s.rpe) for s in thrusts] == [
        (SetKind.WARMUP, 10, 40.0, None),
        (SetKind.NORMAL, 10, 80.0, 8.0),
        (SetKind.NORMAL, 9, 80.0, 8.5),
        (SetKind.DROP, 12, 60.0, None),
    ]
    assert [s.set_order for s in thrusts] == [1, 2, 3, 4]  # the Rest Timer row is no set
    assert parsed.rest_timer_rows == 2
    assert {(s.unit, s.unit_assumed) for s in parsed.sets} == {(Unit.LB, True)}
    assert [s.left_out for s in thrusts] == [LeftOut.WARMUP, None, None, None]
    ghr = _rows(parsed.sets, "Glute Ham Raise")
    assert [(s.kind, s.load, s.side) for s in ghr] == [
        (SetKind.NORMAL, None, Side.BOTH),
        (SetKind.FAILURE, None, Side.BOTH),
    ]


def test_iphone_layout_keeps_workout_details_and_its_length(read: Reader) -> None:
    first = read("strong_iphone.csv").sets[0]
    assert first.workout_start == datetime(2026, 2, 3, 18, 2, 11)
    assert first.workout_end == datetime(2026, 2, 3, 18, 54, 11)  # "52m"
    assert (first.workout_title, first.workout_note) == ("Glutes A", "Felt strong")
    later = read("strong_iphone.csv").sets[-1]
    assert later.workout_end == datetime(2026, 2, 6, 8, 49, 30)  # "1h 4m"


def test_exercises_outside_the_library_and_timed_rows_are_left_out(read: Reader) -> None:
    parsed = read("strong_iphone.csv")
    out = {(s.exercise_name, s.left_out) for s in parsed.sets if not s.imported}
    assert out == {
        ("Hip Thrust (Barbell)", LeftOut.WARMUP),
        ("Romanian Deadlift (Barbell)", LeftOut.NOT_COACHED),
        ("Plank", LeftOut.NOT_COACHED),
    }
    assert len(parsed.to_import()) == 13


def test_12_hour_dates_with_a_narrow_no_break_space_bom_and_crlf(read: Reader) -> None:
    parsed = read("strong_iphone_12h_bom_crlf.csv")
    assert [s.workout_start for s in parsed.sets] == [
        datetime(2026, 3, 2, 18, 5, 41),
        datetime(2026, 3, 2, 18, 5, 41),
        datetime(2026, 3, 5, 0, 15, 9),  # 12:15 am is just after midnight
        datetime(2026, 3, 7, 12, 30, 0),  # 12:30 pm is just after noon
    ]
    assert parsed.sets[0].workout_note == "Gym was busy, used the\r\nlow bench"
    assert [s.line for s in parsed.sets] == [2, 4, 5, 6]  # the quoted newline spans a line
    assert [s.side for s in parsed.sets[:2]] == [Side.RIGHT, Side.LEFT]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-03-02 6:05:41\u202fPM", datetime(2026, 3, 2, 18, 5, 41)),
        ("2026-03-02 6:05:41 pm", datetime(2026, 3, 2, 18, 5, 41)),
        ("2026-03-02 6:05:41\u00a0a.m.", datetime(2026, 3, 2, 6, 5, 41)),
        ("2026-03-02 18:05", datetime(2026, 3, 2, 18, 5)),
    ],
)
def test_strong_dates_in_each_clock_style(read: Reader, cell: str, expected: datetime) -> None:
    row = f'{cell},"W",10m,"Glute Bridge",1,0,15,0,0,"","",\n'
    (s,) = read((STRONG_HEADER + row).encode()).sets
    assert s.workout_start == expected


def test_android_layout_units_per_row_decimal_commas_and_bad_rows(read: Reader) -> None:
    parsed = read("strong_android.csv")
    units = [(s.exercise_name, s.load, s.unit) for s in parsed.sets if s.exercise == "hip-thrust"]
    assert units == [
        ("Hip Thrust (Barbell)", 225.0, Unit.LB),
        ("Hip Thrust (Barbell)", 225.0, Unit.LB),
        ("Hip Thrust (Barbell)", 102.5, Unit.KG),
        ("Hip Thrust (Barbell)", 102.5, Unit.KG),
    ]
    assert not any(s.unit_assumed and s.load is not None for s in parsed.sets)
    assert [(b.line, b.reason) for b in parsed.bad_rows] == [
        (12, "weight 100 has no unit"),
        (13, "reps 'ten' is not a number"),
    ]
    bridge = _rows(parsed.sets, "Glute Bridge")[0]
    assert (bridge.load, bridge.reps, bridge.imported) == (None, 20, True)


def test_android_alternation_note_on_the_first_set_sides_the_exercise(read: Reader) -> None:
    slht = [s for s in read("strong_android.csv").sets if s.workout_start.day == 10]  # type: ignore[union-attr]
    slht = [s for s in slht if s.exercise == "single-leg-hip-thrust"]
    assert [s.side for s in slht] == [Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT]
    assert {s.side_from for s in slht} == {SideFrom.ALTERNATION}


def test_newer_quoted_layout_note_rows_tags_and_a_repeated_exercise(read: Reader) -> None:
    parsed = read("strong_android_quoted.csv")
    dumbbell = _rows(parsed.sets, "Single Leg Hip Thrust (Dumbbell)")
    assert [s.kind for s in dumbbell] == [
        SetKind.WARMUP, SetKind.NORMAL, SetKind.NORMAL, SetKind.NORMAL, SetKind.NORMAL,
        SetKind.DROP,
    ]  # fmt: skip
    # "odd sets = left" arrives on a Note row: working sets 1..5 alternate, the warm-up is unsided.
    assert [s.side for s in dumbbell] == [
        Side.UNKNOWN, Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT, Side.LEFT,
    ]  # fmt: skip
    assert {s.unit for s in parsed.sets} == {Unit.KG}
    assert not any(s.unit_assumed for s in parsed.sets)
    thrusts = _rows(parsed.sets, "Hip Thrust (Barbell)")
    assert [(s.set_order, s.load) for s in thrusts] == [(1, 100.0), (2, 100.0), (1, 60.0)]
    assert len({s.source_key for s in thrusts}) == 3
    assert parsed.sets[0].workout_end == datetime(2026, 1, 8, 20, 5, 45)  # 3185 seconds


def test_a_rest_timer_named_as_the_exercise_is_skipped_too(read: Reader) -> None:
    rows = (
        '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,0,15,0,0,"","",\n'
        '2026-01-01 10:00:00,"W",10m,"Rest Timer",1,0,0,0,60,"","",\n'
    )
    parsed = read((STRONG_HEADER + rows).encode())
    assert [s.exercise_name for s in parsed.sets] == ["Glute Bridge"]
    assert parsed.rest_timer_rows == 1


def test_reps_printed_with_a_decimal_are_whole_reps_and_fractions_are_refused(
    read: Reader,
) -> None:
    rows = (
        '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,0,15.0,0,0,"","",\n'
        '2026-01-01 10:00:00,"W",10m,"Glute Bridge",2,0,7.5,0,0,"","",\n'
        '2026-01-01 10:00:00,"W",10m,"Glute Bridge",X,0,7,0,0,"","",\n'
    )
    parsed = read((STRONG_HEADER + rows).encode())
    assert [s.reps for s in parsed.sets] == [15]
    assert [b.line for b in parsed.bad_rows] == [3, 4]
    assert "7.5" in parsed.bad_rows[0].reason
    assert "Set Order 'X'" in parsed.bad_rows[1].reason


def test_literal_backslash_n_in_a_note_is_a_newline(read: Reader) -> None:
    row = '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,0,15,0,0,"slow\\nsqueeze","",\n'
    (s,) = read((STRONG_HEADER + row).encode()).sets
    assert s.note == "slow\nsqueeze"


def test_the_oldest_layout_names_its_unit_in_the_weight_columns_header(read: Reader) -> None:
    data = (
        b"Date;Workout Name;Exercise Name;Set Order;lbs;Reps;mi.;Seconds;Notes;Workout Notes\n"
        b'2018-05-02 18:00:00;"Legs";"Hip Thrust (Barbell)";1;135;10;;0;"";""\n'
        b'"2018-05-02 18:00:00;""Legs"";""Hip Thrust (Barbell)"";2;135;10;;0;"""";"""""\n'
    )
    parsed = read(data)
    assert [(s.load, s.unit, s.unit_assumed) for s in parsed.sets] == [(135.0, Unit.LB, False)]
    # A whole line quoted as one field (seen in an old export): refused with its line, not split.
    assert [b.line for b in parsed.bad_rows] == [3]
