"""FitNotes: a day per workout, set order from file order, a unit per row or in the header."""

from __future__ import annotations

from datetime import date

from bot.coach.ports import Unit
from bot.imports import LeftOut, SetKind, Side, SideFrom
from tests.imports.conftest import Reader


def test_a_day_is_a_workout_and_file_order_numbers_the_sets(read: Reader) -> None:
    sets = read("fitnotes.csv").sets
    thrusts = [s for s in sets if s.exercise_name == "Barbell Hip Thrust"]
    # The third set comes after other exercises in the file: still set 3 of that day.
    assert [(s.set_order, s.load, s.line) for s in thrusts] == [
        (1, 100.0, 2),
        (2, 100.0, 3),
        (3, 80.0, 9),
    ]
    assert {(s.workout_date, s.workout_start, s.workout_title) for s in thrusts} == {
        (date(2026, 1, 5), None, None)
    }
    assert thrusts[2].note == "back-off, tempo 3-1-1"
    assert {s.kind for s in sets} == {SetKind.NORMAL}
    assert {s.rpe for s in sets} == {None}


def test_units_are_read_per_row_and_never_converted(read: Reader) -> None:
    bridges = [s for s in read("fitnotes.csv", unit=Unit.LB).sets if s.exercise == "glute-bridge"]
    assert [(s.load, s.unit, s.unit_assumed) for s in bridges] == [
        (None, Unit.LB, True),  # bodyweight with no unit: the user's unit, which says nothing
        (45.0, Unit.LB, False),
    ]
    thrust = next(s for s in read("fitnotes.csv", unit=Unit.LB).sets if s.exercise == "hip-thrust")
    assert (thrust.load, thrust.unit) == (100.0, Unit.KG)


def test_comments_mark_sides_and_a_weaker_leg_comment_does_not(read: Reader) -> None:
    slht = [s for s in read("fitnotes.csv").sets if s.exercise_name == "Single Leg Hip Thrust"]
    assert [(s.side, s.side_from) for s in slht] == [
        (Side.LEFT, SideFrom.NOTE),
        (Side.RIGHT, SideFrom.NOTE),
        (Side.LEFT, SideFrom.NOTE),  # "left: last rep slow"
        (Side.UNKNOWN, SideFrom.NONE),  # "R leg weaker"
    ]


def test_cardio_and_unknown_exercises_are_left_out(read: Reader) -> None:
    out = {s.exercise_name: s.left_out for s in read("fitnotes.csv").sets if not s.imported}
    assert out == {"Romanian Deadlift": LeftOut.NOT_COACHED, "Treadmill": LeftOut.NOT_COACHED}


def test_a_timed_row_of_a_coached_exercise_is_left_out_for_having_no_reps(read: Reader) -> None:
    data = (
        b"Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
        b"2026-01-07,Glute Bridge,Legs,,,,,,0:01:00,hold\n"
    )
    (s,) = read(data).sets
    assert (s.reps, s.left_out) == (None, LeftOut.NO_REPS)


def test_older_export_with_the_unit_in_the_header_and_no_comment_column(read: Reader) -> None:
    sets = read("fitnotes_old_lbs.csv").sets
    assert [(s.exercise, s.load, s.unit) for s in sets] == [
        ("hip-thrust", 185.0, Unit.LB),
        ("hip-thrust", 185.0, Unit.LB),
        ("glute-ham-raise", None, Unit.LB),
        ("single-leg-hip-thrust", 25.0, Unit.LB),
    ]
    assert {s.note for s in sets} == {None}
    assert sets[-1].side is Side.UNKNOWN


def test_a_day_first_date_is_a_bad_row_not_a_guess(read: Reader) -> None:
    data = (
        b"Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
        b"05/01/2026,Glute Bridge,Legs,,,20,,,,\n"
        b"2026/01/05,Glute Bridge,Legs,10,stone,20,,,,\n"
        b"2026/01/05,Glute Bridge,Legs,10,kg,20,,,,\n"
    )
    parsed = read(data)
    assert [b.line for b in parsed.bad_rows] == [2, 3]
    assert "stone" in parsed.bad_rows[1].reason
    assert [s.workout_date for s in parsed.sets] == [date(2026, 1, 5)]
