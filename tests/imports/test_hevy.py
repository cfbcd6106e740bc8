"""Hevy: newest first, set_index from 0, set types, half-step RPE, notes repeated per row."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.coach.ports import Unit
from bot.imports import LeftOut, SetKind, Side, SideFrom
from bot.imports.export_dates import hevy_datetime, month_number
from tests.imports.conftest import Reader

HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
)


def test_newest_first_file_comes_out_oldest_workout_first(read: Reader) -> None:
    starts = [s.workout_start for s in read("hevy_metric.csv").sets]
    assert starts == sorted(starts)  # type: ignore[type-var]
    assert starts[0] == datetime(2026, 4, 2, 7, 5)  # "02 Apr 2026, 07:05": padded day
    assert starts[-1] == datetime(2026, 4, 8, 16, 50)


def test_set_types_rpe_and_the_workouts_end(read: Reader) -> None:
    sets = [s for s in read("hevy_metric.csv").sets if s.workout_start.day == 8]  # type: ignore[union-attr]
    dumbbell = [s for s in sets if s.exercise == "single-leg-hip-thrust"]
    assert [(s.set_order, s.kind, s.rpe) for s in dumbbell] == [
        (1, SetKind.WARMUP, None),
        (2, SetKind.NORMAL, 8.0),
        (3, SetKind.NORMAL, 8.5),
        (4, SetKind.NORMAL, 9.0),
        (5, SetKind.FAILURE, 10.0),
    ]
    thrust = [s for s in sets if s.exercise == "hip-thrust"]
    assert [(s.kind, s.load, s.unit) for s in thrust] == [
        (SetKind.NORMAL, 100.0, Unit.KG),
        (SetKind.DROP, 70.0, Unit.KG),
    ]
    assert sets[0].workout_end == datetime(2026, 4, 8, 17, 42)
    assert sets[0].workout_note == "Short one, good pump"
    assert sets[0].workout_title == "Glutes 🍑"


def test_a_multiline_exercise_note_gives_the_alternation(read: Reader) -> None:
    sets = read("hevy_metric.csv").sets
    dumbbell = [s for s in sets if s.exercise_name == "Single Leg Hip Thrust (Dumbbell)"]
    assert dumbbell[0].note == "odd sets = left\nslow eccentric"
    assert [(s.side, s.side_from) for s in dumbbell] == [
        (Side.UNKNOWN, SideFrom.NONE),  # the warm-up is not counted in the alternation
        (Side.LEFT, SideFrom.ALTERNATION),
        (Side.RIGHT, SideFrom.ALTERNATION),
        (Side.LEFT, SideFrom.ALTERNATION),
        (Side.RIGHT, SideFrom.ALTERNATION),
    ]
    assert [s.line for s in dumbbell] == [2, 4, 6, 8, 10]


def test_each_side_weight_and_a_weaker_leg_note_mark_no_side(read: Reader) -> None:
    sets = [s for s in read("hevy_metric.csv").sets if "Each Side" in s.exercise_name]
    assert [(s.exercise, s.side, s.load) for s in sets] == [
        ("single-leg-hip-thrust", Side.UNKNOWN, 10.0),
        ("single-leg-hip-thrust", Side.UNKNOWN, 10.0),
    ]
    assert sets[0].note == "R leg weaker"


def test_bodyweight_cardio_and_zero_weight(read: Reader) -> None:
    by_name = {s.exercise_name: s for s in read("hevy_metric.csv").sets}
    assert (by_name["Glute Bridge"].load, by_name["Glute Bridge"].reps) == (None, 20)
    assert by_name["Glute Ham Raise"].load is None  # written as 0
    assert by_name["Running"].left_out is LeftOut.NOT_COACHED
    assert by_name["Lat Pulldown (Cable)"].left_out is LeftOut.NOT_COACHED


def test_imperial_export_with_french_month_names(read: Reader) -> None:
    parsed = read("hevy_imperial_fr.csv")
    thrusts = [s for s in parsed.sets if s.exercise == "hip-thrust"]
    assert [s.workout_start.month for s in thrusts] == [5, 6, 7, 8, 12, 2, 4]  # type: ignore[union-attr]
    assert {(s.unit, s.unit_assumed) for s in parsed.sets} == {(Unit.LB, False)}
    assert thrusts[-1].load == 135.0
    gauche = next(s for s in parsed.sets if s.exercise == "single-leg-hip-thrust")
    assert (gauche.side, gauche.side_from) == (Side.LEFT, SideFrom.NOTE)


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("Apr", 4), ("avr.", 4), ("abr.", 4), ("Okt.", 10), ("mrt.", 3), ("März", 3),
        ("févr.", 2), ("juin", 6), ("juil.", 7), ("août", 8), ("déc.", 12), ("dic", 12),
        ("set", 9), ("sept.", 9), ("mag", 5), ("mei", 5), ("maj", 5), ("ene", 1), ("gen", 1),
        ("out", 10), ("dez", 12), ("апр.", 4), ("мая", 5), ("paź", 10), ("Dezember", 12),
    ],
)  # fmt: skip
def test_month_words_in_the_languages_hevy_exports_in(word: str, month: int) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize("word", ["jui", "ma", "xyz", "Workout"])
def test_an_unsure_month_word_is_not_guessed(word: str) -> None:
    assert month_number(word) is None


def test_no_two_languages_claim_one_month_word_for_different_months() -> None:
    from bot.imports.export_dates import _MONTH_WORDS

    owners: dict[str, set[int]] = {}
    for month, words in _MONTH_WORDS.items():
        for word in words:
            owners.setdefault(word, set()).add(month)
    assert {w: m for w, m in owners.items() if len(m) > 1} == {}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("8 Apr 2026, 16:50", datetime(2026, 4, 8, 16, 50)),
        ("08 Apr 2026, 16:50", datetime(2026, 4, 8, 16, 50)),
        ("8. Apr. 2026, 16:50", datetime(2026, 4, 8, 16, 50)),
        ("8 de abr. de 2026, 16:50", datetime(2026, 4, 8, 16, 50)),
        ("8 Apr 2026, 4:50 PM", datetime(2026, 4, 8, 16, 50)),
        ("2026-04-08 16:50:00", datetime(2026, 4, 8, 16, 50)),
    ],
)
def test_hevy_date_spellings(cell: str, expected: datetime) -> None:
    assert hevy_datetime(cell) == expected


def test_an_unreadable_start_time_is_a_bad_row_with_its_line(read: Reader) -> None:
    rows = (
        '"A","8 Foo 2026, 16:50","","","Glute Bridge",,"",0,"normal",,20,,,\n'
        '"A","8 Apr 2026, 16:50","","","Glute Bridge",,"",0,"normal",,20,,,\n'
        '"A","8 Apr 2026, 16:50","","","Glute Bridge",,"",1,"superset",,20,,,\n'
        '"A","8 Apr 2026, 16:50","","","Glute Bridge",,"",-1,"normal",,20,,,\n'
    )
    parsed = read((HEADER + rows).encode())
    assert len(parsed.sets) == 1
    assert [b.line for b in parsed.bad_rows] == [2, 4, 5]
    assert "Foo" in parsed.bad_rows[0].reason
    assert "superset" in parsed.bad_rows[1].reason
