"""Other apps' exports imported end to end and compared row by row with what is expected.

Each FILE.csv of a folder comes with FILE.expected.tsv (date, exercise, side, reps, load, unit,
rpe: one line per set that must be imported, any order) and FILE.expected.json ({"format":
"strong" | "hevy" | "fitnotes" | null, "left_out_warmups", "left_out_other_exercise_sets",
"unknown_side_sets"}). Each file is one new kg user on a temporary SQLite database: imported
through the coach (`/import`, the file, Import: what `coach import --yes` does), then read back
with the real `coach export`; the preview's counts come from the same read.

    .venv/bin/python bench/import_cases.py [--quick] [--cases DIR ...] [--show-failures]

Last line: {"files", "passed", "rows_expected", "rows_matched", "rows_extra", ...}.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.coach.ports import Unit  # noqa: E402
from bot.config import DEFAULT_CONTENT_DIR, Settings  # noqa: E402
from bot.content import Library, load_library  # noqa: E402
from bot.imports import ExerciseMap, ImportRefused, preview, read_export  # noqa: E402
from bot.terminal import importer  # noqa: E402
from bot.terminal.export_command import export  # noqa: E402

DEFAULT = [ROOT / "tests" / "imports" / "held_out"]
Row = tuple[str, str, str, int, str, str, str]


def _number(text: str) -> str:
    """ "20", "20.0", "22,5" alike; empty stays empty."""
    text = text.strip().replace(",", ".")
    return "" if not text else f"{float(text):g}"


def _row(date: str, exercise: str, side: str, reps: str, load: str, unit: str, rpe: str) -> Row:
    bodyweight = not load.strip() or float(load.replace(",", ".")) == 0
    return (
        date.strip()[:10], exercise.strip(), side.strip(), int(float(reps)),
        "" if bodyweight else _number(load), "" if bodyweight else unit.strip(), _number(rpe),
    )  # fmt: skip


def expected_rows(path: Path) -> Counter[Row]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line.split("\t") for line in lines[1:] if not line.startswith("#")]
    return Counter(_row(*(fields + [""] * 7)[:7]) for fields in rows)


def exported_rows(csv_text: str) -> Counter[Row]:
    reader = csv.DictReader(io.StringIO(csv_text))
    return Counter(
        _row(r["date"], r["exercise"], r["side"], r["reps"], r["load"] or "", r["unit"] or "",
             r["rpe"] or "")
        for r in reader
        if r.get("reps")
    )  # fmt: skip


USER = "lifter"


async def _imported(library: Library, path: Path, data: bytes, folder: Path) -> tuple[int, str]:
    """`coach import --user lifter --yes FILE`, then `coach export --user lifter`."""
    url = f"sqlite+aiosqlite:///{folder / 'coach.db'}"
    settings = Settings(COACH_DATABASE_URL=url)  # type: ignore[call-arg]
    printed = io.StringIO()
    code = await importer.import_to(settings, library, USER, path, data, printed)
    out = io.StringIO()
    if await export(settings, USER, "csv", out) != 0:
        return code, ""
    return code, out.getvalue()


def _counts(library: Library, path: Path) -> dict[str, Any]:
    try:
        parsed = read_export(path.read_bytes(), ExerciseMap(library), Unit.KG)
    except ImportRefused:
        return {"format": None}
    seen = preview(parsed, library)
    return {
        "format": parsed.app.value,
        "left_out_warmups": seen.warmup_sets,
        "left_out_other_exercise_sets": seen.not_coached_sets,
        "unknown_side_sets": seen.sides_unknown,
    }


async def check(library: Library, path: Path) -> dict[str, Any]:
    data = path.read_bytes()  # noqa: ASYNC240 (a few kilobytes, read once)
    want_rows = expected_rows(path.with_suffix(".expected.tsv"))
    want = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        code, exported = await _imported(library, path, data, Path(folder))
    got_rows = exported_rows(exported)
    counts = _counts(library, path)
    wrong_counts = {k: (v, counts.get(k)) for k, v in want.items() if counts.get(k) != v}
    missing, extra = want_rows - got_rows, got_rows - want_rows
    return {
        "file": path.name,
        "ok": not missing and not extra and not wrong_counts,
        "expected": sum(want_rows.values()),
        "matched": sum((want_rows & got_rows).values()),
        "missing": sorted(missing.elements()),
        "extra": sorted(extra.elements()),
        "counts": wrong_counts,
        "exit": code,
    }


async def score(folders: list[Path], show: bool) -> dict[str, Any]:
    library = load_library(DEFAULT_CONTENT_DIR)
    files = sorted(p for folder in folders for p in folder.glob("*.csv"))
    results = [await check(library, path) for path in files]
    for result in results:
        status = "ok  " if result["ok"] else "FAIL"
        print(f"{status} {result['file']}: {result['matched']}/{result['expected']} rows", end="")
        print(f", {len(result['extra'])} extra, counts {result['counts'] or 'as expected'}")
        if show and not result["ok"]:
            for row in result["missing"][:8]:
                print(f"     missing {row}")
            for row in result["extra"][:8]:
                print(f"     extra   {row}")
    return {
        "files": len(results),
        "passed": sum(r["ok"] for r in results),
        "rows_expected": sum(r["expected"] for r in results),
        "rows_matched": sum(r["matched"] for r in results),
        "rows_extra": sum(len(r["extra"]) for r in results),
        "counts_wrong": sum(len(r["counts"]) for r in results),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the same files (they are small)")
    parser.add_argument("--cases", type=Path, nargs="*", default=DEFAULT)
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    figures = asyncio.run(score(args.cases, args.show_failures))
    figures["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
