"""Import speed for big exports: a Strong iPhone file and a Hevy file at the import limits.

Writes each app's layout with years of sessions (single-leg hip thrusts with side notes, hip
thrusts, warm-ups, Rest Timer rows, an exercise the coach does not know), then times
read_export + preview on the bytes, as /import and `coach import` will run them.
The biggest file allowed is 10 MB or 200 000 rows, whichever comes first (for these layouts,
10 MB: about 114 000 Strong rows, 84 000 Hevy rows). Goal: that file read in under 10 s.

    .venv/bin/python bench/imports.py [--quick] [--runs N]

Last line: {"strong_rows_per_s", "strong_largest_file_s", "hevy_rows_per_s", ...}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.coach.ports import Unit  # noqa: E402
from bot.config import DEFAULT_CONTENT_DIR  # noqa: E402
from bot.content import load_library  # noqa: E402
from bot.imports import MAX_BYTES, MAX_ROWS, ExerciseMap, preview, read_export  # noqa: E402

START = datetime(2018, 1, 1, 18, 0)
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
)


def _workout(n: int) -> list[tuple[str, str, float, int, str]]:
    """One session's sets: (exercise, order tag, load, reps, note); 20 rows with its timers."""
    load = 10.0 + 2.5 * (n // 30)
    rows = [("Single Leg Hip Thrust (Dumbbell)", "W", load / 2, 10, "")]
    rows += [
        ("Single Leg Hip Thrust (Dumbbell)", str(i), load, 10, "LR"[i % 2]) for i in range(1, 7)
    ]
    rows += [("Hip Thrust (Barbell)", "W", 40.0, 10, "")]
    rows += [("Hip Thrust (Barbell)", str(i), 4 * load, 8, "") for i in range(1, 5)]
    rows += [("Romanian Deadlift (Barbell)", str(i), 3 * load, 8, "") for i in range(1, 4)]
    return rows


def strong_file(rows: int) -> bytes:
    lines = [STRONG_HEADER]
    n = 0
    while len(lines) <= rows:
        when = (START + timedelta(days=2 * n)).strftime("%Y-%m-%d %H:%M:%S")
        for name, tag, load, reps, note in _workout(n):
            lines.append(
                f'{when},"Glutes",1h 2m,"{name}",{tag},{load},{reps}.0,0,0.0,"{note}","",\n'
            )
            if tag != "W":
                lines.append(f'{when},"Glutes",1h 2m,"{name}",Rest Timer,0,0.0,0,90.0,,,\n')
        n += 1
    return "".join(lines[: rows + 1]).encode()


def hevy_file(rows: int) -> bytes:
    lines = [HEVY_HEADER]
    n = 0
    while len(lines) <= rows:
        day = START + timedelta(days=2 * n)
        when = f"{day.day} {day:%b %Y, %H:%M}"
        end = f"{day.day} {day + timedelta(hours=1):%b %Y, %H:%M}"
        index: dict[str, int] = {}
        for name, tag, load, reps, _ in _workout(n) * 2:  # no timer rows: as many sets as rows
            i = index[name] = index.get(name, -1) + 1
            kind = "warmup" if tag == "W" else "normal"
            lines.append(
                f'"Glutes","{when}","{end}","","{name}",,"odd sets = left",{i},"{kind}",'
                f"{load},{reps},,,\n"
            )
        n += 1
    return "".join(lines[: rows + 1]).encode()


def timed(data: bytes, exercises: ExerciseMap, runs: int) -> tuple[float, int]:
    library = exercises.library
    seconds = []
    sets = 0
    for _ in range(runs):
        began = time.perf_counter()
        parsed = read_export(data, exercises, Unit.KG)
        sets = preview(parsed, library).sets
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds), sets


def _largest(build: Callable[[int], bytes]) -> bytes:
    """The longest file of this layout within both limits."""
    data = build(MAX_ROWS)
    while len(data) > MAX_BYTES:
        rows = data.count(b"\n") - 1
        data = build(int(rows * MAX_BYTES / len(data) * 0.999))
    return data


def main(options: argparse.Namespace) -> None:
    exercises = ExerciseMap(load_library(DEFAULT_CONTENT_DIR))
    runs = options.runs or (3 if options.quick else 5)
    result: dict[str, float | int | bool] = {"runs": runs}
    for app, build in (("strong", strong_file), ("hevy", hevy_file)):
        data = build(50_000) if options.quick else _largest(build)
        rows = data.count(b"\n") - 1
        median, sets = timed(data, exercises, runs)
        rate = rows / median
        largest = min(MAX_ROWS, rows * MAX_BYTES / len(data))
        print(f"{app}: {rows} rows, {len(data) / 2**20:.1f} MB, {sets} sets to import, "
              f"median {median:.2f} s ({rate:,.0f} rows/s)")  # fmt: skip
        result[f"{app}_rows"] = rows
        result[f"{app}_rows_per_s"] = round(rate)
        # The largest allowed file's time: measured in a full run, extrapolated in --quick.
        result[f"{app}_largest_file_s"] = round(largest / rate, 2)
    result["goal_met"] = all(float(result[f"{a}_largest_file_s"]) < 10 for a in ("strong", "hevy"))
    print(json.dumps(result))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 000 rows, 3 runs (under 40 s)")
    parser.add_argument("--runs", type=int, default=0, help="timed runs per file")
    main(parser.parse_args())
