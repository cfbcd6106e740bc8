"""The preview: counts as data, and a short text a phone shows before anything is written."""

from __future__ import annotations

from datetime import date

from bot.coach.ports import Unit
from bot.content import Library
from bot.imports import preview
from tests.imports.conftest import STRONG_HEADER, Reader


def test_strong_iphone_preview_counts(read: Reader, library: Library) -> None:
    p = preview(read("strong_iphone.csv", unit=Unit.LB), library)
    assert (p.first_day, p.last_day) == (date(2026, 2, 3), date(2026, 2, 6))
    assert (p.workouts, p.sets) == (2, 13)
    assert [(t.exercise, t.sets, t.workouts) for t in p.exercises] == [
        ("single-leg-hip-thrust", 8, 2),
        ("hip-thrust", 3, 1),
        ("glute-ham-raise", 2, 1),
    ]
    assert (p.not_coached_sets, p.not_coached_exercises) == (
        3,
        ("Romanian Deadlift (Barbell)", "Plank"),
    )
    assert (p.warmup_sets, p.no_rep_sets, p.repeated_sets, p.already_imported) == (1, 0, 0, 0)
    assert p.sides_unknown == 1
    assert (p.unit, p.unit_assumed) == (Unit.LB, True)


def test_preview_text_says_what_happens_in_a_few_lines(read: Reader, library: Library) -> None:
    text = preview(read("strong_iphone.csv"), library).text
    assert text.splitlines() == [
        "Strong export (iPhone layout), 3 Feb 2026 to 6 Feb 2026.",
        "I'll import 13 sets from 2 workouts:",
        "• Single-leg hip thrust: 8 sets, 2 workouts",
        "• Hip thrust: 3 sets, 1 workout",
        "• Glute-ham raise: 2 sets, 1 workout",
        "Left out: 3 sets of 2 exercises I don't coach; 1 warm-up set.",
        "No side marked on 1 single-leg set: I'll keep it with the side unknown.",
        "The file gives no unit, so I read the weights as kg, your unit.",
    ]
    assert len(text) < 600


def test_a_file_with_units_says_nothing_about_units(read: Reader, library: Library) -> None:
    for sample in ("strong_android_quoted.csv", "hevy_metric.csv", "fitnotes.csv"):
        p = preview(read(sample), library)
        assert not p.unit_assumed
        assert "unit" not in p.text.split("\n", 1)[1]


def test_bodyweight_only_sets_need_no_unit_note(read: Reader, library: Library) -> None:
    row = '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,0,15,0,0,"","",\n'
    p = preview(read((STRONG_HEADER + row).encode()), library)
    assert not p.unit_assumed


def test_bad_rows_are_listed_with_their_lines(read: Reader, library: Library) -> None:
    p = preview(read("strong_android.csv"), library)
    assert [b.line for b in p.bad_rows] == [12, 13]
    assert p.text.endswith(
        "2 rows I couldn't read, so left out: line 12: weight 100 has no unit;"
        " line 13: reps 'ten' is not a number."
    )


def test_many_bad_rows_show_the_first_three(read: Reader, library: Library) -> None:
    bad = '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,0,lots,0,0,"","",\n' * 5
    p = preview(read((STRONG_HEADER + bad).encode()), library)
    assert len(p.bad_rows) == 5
    assert "line 2:" in p.text and "line 4:" in p.text and "line 5:" not in p.text
    assert "and 2 more" in p.text


def test_known_keys_count_as_already_imported(read: Reader, library: Library) -> None:
    older = read("hevy_metric_older.csv")
    stored = {s.source_key for s in older.to_import()}
    p = preview(read("hevy_metric.csv"), library, stored)
    assert (p.sets, p.already_imported, p.workouts) == (6, 4, 1)
    assert (p.first_day, p.last_day) == (date(2026, 4, 8), date(2026, 4, 8))
    assert "Already imported before: 4 sets." in p.text


def test_nothing_new_says_so(read: Reader, library: Library) -> None:
    parsed = read("fitnotes.csv")
    p = preview(parsed, library, {s.source_key for s in parsed.to_import()})
    assert p.empty
    assert p.text.splitlines()[:2] == [
        "FitNotes export (unit on every row), 5 Jan 2026 to 7 Jan 2026.",
        "Nothing new to import.",
    ]
    assert "Already imported before: 10 sets." in p.text


def test_a_file_of_only_other_exercises(read: Reader, library: Library) -> None:
    rows = (
        '2026-01-01 10:00:00,"W",10m,"Squat (Barbell)",1,100,5,0,0,"","",\n'
        '2026-01-01 10:00:00,"W",10m,"Squat (Barbell)",2,100,5,0,0,"","",\n'
    )
    p = preview(read((STRONG_HEADER + rows).encode()), library)
    assert (p.sets, p.not_coached_sets, p.not_coached_exercises) == (0, 2, ("Squat (Barbell)",))
    assert "Nothing new to import." in p.text
    assert "2 sets of 1 exercise I don't coach" in p.text
