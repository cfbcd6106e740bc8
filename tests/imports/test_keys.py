"""Stable keys: the same file twice adds nothing, an overlapping newer export only its new sets."""

from __future__ import annotations

from bot.imports import LeftOut
from tests.imports.conftest import SAMPLES, STRONG_HEADER, Reader


def _keys(read: Reader, source: str | bytes) -> set[str]:
    return {s.source_key for s in read(source).sets if s.imported}


def test_every_sample_gives_each_set_its_own_key(read: Reader) -> None:
    for sample in sorted(SAMPLES.glob("*.csv")):
        if sample.name.startswith("not_a"):
            continue
        sets = read(sample.name).sets
        assert len({s.source_key for s in sets}) == len(sets), sample.name


def test_importing_the_same_file_twice_adds_nothing(read: Reader) -> None:
    for sample in ("strong_iphone.csv", "hevy_metric.csv", "fitnotes.csv"):
        first = read(sample).to_import()
        again = read(sample).to_import({s.source_key for s in first})
        assert first and again == [], sample


def test_an_overlapping_newer_export_adds_only_its_new_sets(read: Reader) -> None:
    stored = _keys(read, "hevy_metric_older.csv")
    new = read("hevy_metric.csv").to_import(stored)
    assert {s.workout_start.day for s in new} == {8}  # type: ignore[union-attr]
    assert len(new) == 6  # 4 single-leg sets (the warm-up is left out) and 2 hip thrusts
    assert stored <= _keys(read, "hevy_metric.csv")


def test_keys_do_not_depend_on_where_a_row_sits_in_the_file(read: Reader) -> None:
    text = (SAMPLES / "strong_iphone.csv").read_text(encoding="utf-8")
    header, *rows = text.splitlines(keepends=True)
    workout_a = [r for r in rows if r.startswith("2026-02-03")]
    workout_b = [r for r in rows if r.startswith("2026-02-06")]
    swapped = (header + "".join(workout_b + workout_a)).encode()
    assert _keys(read, swapped) == _keys(read, "strong_iphone.csv")
    assert {s.line for s in read(swapped).sets} != {s.line for s in read("strong_iphone.csv").sets}


def test_an_edited_weight_or_note_is_still_the_same_set(read: Reader) -> None:
    row = '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,{w},15,0,0,"{n}","",\n'
    before = _keys(read, (STRONG_HEADER + row.format(w=0, n="")).encode())
    after = _keys(read, (STRONG_HEADER + row.format(w=20, n="heavier")).encode())
    assert before == after


def test_a_different_workout_exercise_or_set_number_is_a_different_set(read: Reader) -> None:
    base = ("2026-01-01 10:00:00", "Glute Bridge", "1")
    variants = [
        base,
        ("2026-01-01 10:00:01", "Glute Bridge", "1"),
        ("2026-01-01 10:00:00", "Hip Thrust", "1"),
        ("2026-01-01 10:00:00", "Glute Bridge", "2"),
        ("2026-01-01 10:00:00", "Glute Bridge", "W"),
    ]
    keys = [
        next(
            iter(
                _keys(read, (STRONG_HEADER + f'{d},"W",10m,"{e}",{o},0,15,0,0,"","",\n').encode())
            ),
            "",
        )
        for d, e, o in variants[:4]
    ]
    assert len(set(keys)) == 4
    warmup = read(
        (STRONG_HEADER + '2026-01-01 10:00:00,"W",10m,"Glute Bridge",W,0,15,0,0,"","",\n').encode()
    )
    assert warmup.sets[0].source_key not in keys


def test_a_row_listed_twice_in_one_file_is_imported_once(read: Reader) -> None:
    row = '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,0,15,0,0,"","",\n'
    parsed = read((STRONG_HEADER + row + row).encode())
    assert [s.left_out for s in parsed.sets] == [None, LeftOut.REPEATED]
    assert len(parsed.to_import()) == 1


def test_keys_are_scoped_to_the_app(read: Reader) -> None:
    strong = _keys(read, "strong_iphone.csv")
    assert all(k.startswith("strong:") for k in strong)
    assert all(k.startswith("hevy:") for k in _keys(read, "hevy_metric.csv"))
    assert all(k.startswith("fitnotes:") for k in _keys(read, "fitnotes.csv"))
