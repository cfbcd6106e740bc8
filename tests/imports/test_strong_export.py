"""The Strong-format export: Strong's Android columns, the side in the note, and a round trip
back through the importer that keeps every set as it was."""

from __future__ import annotations

from datetime import datetime

from bot.coach.ports import Unit
from bot.imports import STRONG_NAMES, ExportSet, SetKind, Side, SourceApp, strong_csv
from tests.imports.conftest import Reader

START = datetime(2026, 4, 1, 18, 30, 5)
END = datetime(2026, 4, 1, 19, 35, 40)


def _set(
    name: str,
    kind: SetKind,
    side: Side,
    reps: int,
    load: float | None,
    *,
    rpe: float | None = None,
    note: str | None = None,
    workout_note: str | None = None,
) -> ExportSet:
    return ExportSet(
        START, "Glutes", name, kind, side, reps, load, Unit.KG, rpe, note, END, workout_note
    )


SETS = [
    _set(STRONG_NAMES["single-leg-hip-thrust"], SetKind.WARMUP, Side.LEFT, 10, None),
    _set(STRONG_NAMES["single-leg-hip-thrust"], SetKind.NORMAL, Side.LEFT, 12, 20.0, rpe=8.5),
    _set(
        STRONG_NAMES["single-leg-hip-thrust"],
        SetKind.NORMAL,
        Side.RIGHT,
        11,
        20.0,
        note='slow "3 s" down',
    ),
    _set(STRONG_NAMES["single-leg-hip-thrust"], SetKind.NORMAL, Side.UNKNOWN, 10, 20.0),
    _set(STRONG_NAMES["hip-thrust"], SetKind.NORMAL, Side.BOTH, 8, 100.0, workout_note="Good day"),
    _set(STRONG_NAMES["hip-thrust"], SetKind.DROP, Side.BOTH, 12, 70.0),
    _set(STRONG_NAMES["hip-thrust"], SetKind.FAILURE, Side.BOTH, 6, 70.0),
]


def test_rows_follow_strongs_android_layout() -> None:
    lines = strong_csv(SETS).splitlines()
    assert lines[0] == (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration"
    )
    assert lines[1] == (
        '2026-04-01 18:30:05;"Glutes";"Single Leg Hip Thrust";W;0;kg;10;;;;0;"Left";"";1h 6m'
    )
    assert lines[3] == (
        '2026-04-01 18:30:05;"Glutes";"Single Leg Hip Thrust";2;20;kg;11;;;;0;'
        '"Right: slow ""3 s"" down";"";1h 6m'
    )
    orders = [line.split(";")[3] for line in lines[1:]]
    assert orders == ["W", "1", "2", "3", "1", "D", "F"]  # tags take no number, as in Strong
    notes = [line.split(";")[11] for line in lines[1:]]
    assert notes[3] == '""' and notes[4] == '""'  # unknown and both: no side to write


def test_the_export_reads_back_as_the_same_sets(read: Reader) -> None:
    parsed = read(strong_csv(SETS).encode())
    assert (parsed.app, parsed.bad_rows) == (SourceApp.STRONG, ())
    back = [(s.kind, s.side, s.reps, s.load, s.unit, s.rpe) for s in parsed.sets]
    assert back == [(s.kind, s.side, s.reps, s.load, s.unit, s.rpe) for s in SETS]
    assert [s.exercise for s in parsed.sets] == ["single-leg-hip-thrust"] * 4 + ["hip-thrust"] * 3
    assert {s.workout_start for s in parsed.sets} == {START}
    assert {s.workout_end for s in parsed.sets} == {
        datetime(2026, 4, 1, 19, 36, 5)
    }  # to the minute
    assert parsed.sets[2].note == 'Right: slow "3 s" down'


def test_an_imported_file_exported_again_keeps_its_sides(read: Reader) -> None:
    first = read("strong_iphone.csv").to_import()
    again = [
        ExportSet(
            s.workout_start or datetime.combine(s.workout_date, datetime.min.time()),
            s.workout_title or "Workout",
            STRONG_NAMES[s.exercise or ""],
            s.kind,
            s.side,
            s.reps or 0,
            s.load,
            s.unit,
            s.rpe,
        )
        for s in first
    ]
    back = read(strong_csv(again).encode()).sets
    assert [(s.exercise, s.side, s.reps, s.load) for s in back] == [
        (s.exercise, s.side, s.reps, s.load) for s in first
    ]


def test_workouts_come_out_oldest_first_and_lbs_say_lbs() -> None:
    late = ExportSet(
        datetime(2026, 5, 2, 7, 0),
        "B",
        "Glute Bridge",
        SetKind.NORMAL,
        Side.BOTH,
        20,
        45.0,
        Unit.LB,
    )
    early = ExportSet(
        datetime(2026, 5, 1, 7, 0),
        "A",
        "Glute Bridge",
        SetKind.NORMAL,
        Side.BOTH,
        20,
        None,
        Unit.KG,
    )
    lines = strong_csv([late, early]).splitlines()
    assert [line.split(";")[1] for line in lines[1:]] == ['"A"', '"B"']
    assert lines[2].split(";")[4:6] == ["45", "lbs"]
    assert lines[1].split(";")[-1] == "0m"  # no end time: Hevy's import still wants a duration
