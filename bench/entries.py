"""Set entries typed as lifters type them, run end to end through `coach chat` and `coach export`.

Each case of a TSV (columns unit, plan, at, input, expect) is one new user on one temporary SQLite
database: their unit is set, `/workout PLAN` starts, the target reps (and Go now / skip rest) are
typed until the step named in `at`, then the input; what was logged is read back with the real
`coach export` (bot/terminal/export_command.py) before and after, and compared with `expect`.

    .venv/bin/python bench/entries.py [--quick] [--cases FILE ...] [--show-failures]

`at`: `set1 left`, `set2 right`, `set1 both`, `switch1` (the countdown before set 1's second
side), `rest2` (the rest before set 2). `expect`, alternatives joined by ` | `:
  SIDE REPS|- [@ LOAD] [effort=W|*] [rpe=N] [rir=N] [pain] [note=TEXT|-]  one set logged
  nothing      nothing logged; the target typed next logs the awaited side at the same load
  ask          nothing logged; the reply asks a question
  load LOAD    nothing logged; the target typed next is logged at LOAD
  undo         the last logged set is gone
  replace N    the last logged set now has N reps
  skip         nothing logged; the target typed next goes to the following side or set
  stop         the workout is stopped (after a "yes" if the coach asks first)
A LOAD is `12.5kg`, `25lb` or `bw`; unspecified effort, RPE and RIR must be empty, pain false.

--parser reads each input with bot.coach.entry.read_entry alone (bench/entry_parser.py): the
parser's score before it is wired into the set step.

Last line: {"cases", "passed", "score", "by_kind": {kind: [passed, cases]}, "seconds", ...}.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import re
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.entry_judge import ALIASES, KINDS, Case, Run, judge, load_kg  # noqa: E402
from bench.entry_parser import simulate  # noqa: E402
from bot.answers.answerer import Answerer  # noqa: E402
from bot.coach.engine import Coach  # noqa: E402
from bot.config import DEFAULT_CONTENT_DIR, Settings  # noqa: E402
from bot.content import load_library  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.terminal.chat import TerminalChat  # noqa: E402
from bot.terminal.export_command import export  # noqa: E402

# Ours (entries.tsv before the parser, batch3.tsv with it) and nine batches written elsewhere
# without the code (their sources: tests/coach/entry/batch1.md, batch2.md, heldout3.md to
# heldout9.md); all development sets now.
CASES = ROOT / "tests" / "coach" / "entry"
NAMES = (
    "entries.tsv", "batch1.tsv", "batch2.tsv", "batch3.tsv", "heldout3.tsv", "heldout4.tsv",
    "heldout5.tsv", "heldout6.tsv", "heldout7.tsv", "heldout8.tsv", "heldout9.tsv",
)  # fmt: skip
DEFAULT = [CASES / name for name in NAMES]
COLUMNS = ("unit", "plan", "at", "input", "expect")


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    header = COLUMNS
    if numbered and numbered[0][1].split("\t")[0] == "unit":  # a header line (ours has one)
        header = tuple(numbered.pop(0)[1].split("\t"))
    cases = []
    for n, line in numbered:
        cells = dict(zip(header, line.split("\t"), strict=False))
        cases.append(
            Case(f"{path.name}:{n}", cells["unit"].strip(), cells["plan"].strip(),
                 cells["at"].strip(), cells["input"], cells["expect"].strip())
        )  # fmt: skip
    return cases


def route(at: str, two_sides: bool) -> tuple[list[str], tuple[int, str]]:
    """The kinds of step passed on the way to `at` ("set", "switch", "rest"), and the awaited
    (set number, side) there."""
    text = at.casefold()
    if not two_sides and "right" in text:
        # A two-leg exercise has no right-leg prompt: its "after the first side" is the rest
        # after set 1, the step where the same text would be typed.
        text = "rest"
    found = re.search(r"(\d+)", text)
    number = int(found[1]) if found else 2 if "rest" in text else 1
    if "switch" in text:
        kind, side = "switch", "right"
    elif "rest" in text:
        kind, side = "rest", "left" if two_sides else "both"
    else:
        kind = "set"
        side = "right" if "right" in text else "left" if two_sides else "both"
    steps: list[tuple[str, int, str]] = []
    for n in range(1, 11):
        if n > 1:
            steps.append(("rest", n, "left" if two_sides else "both"))
        if two_sides:
            steps += [("set", n, "left"), ("switch", n, "right"), ("set", n, "right")]
        else:
            steps.append(("set", n, "both"))
    goal = steps.index((kind, number, side))
    return [k for k, _, _ in steps[:goal]], (number, side)


def workout_request(plan: str, unit: str) -> str:
    """`3x10 @ 10` (the held-out batch names no exercise) as `single-leg hip thrust 3x10 @ 10kg`:
    the unit is the user's, written out so the plan is read the same by any coach."""
    if re.match(r"\d", plan):
        plan = f"single-leg hip thrust {plan}"
    plan = re.sub(r"@\s*([0-9]+(?:[.,][0-9]+)?)\s*$", rf"@ \1{unit}", plan)
    return re.sub(r"\s+bw$", " @ bw", plan)


async def logged(settings: Settings, key: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(set rows, every row) of `coach export --format json` for this user."""
    out = io.StringIO()
    if await export(settings, key, "json", out) != 0:
        return [], []
    table: list[dict[str, Any]] = json.loads(out.getvalue())
    # A set is its own columns: the workout's (status, end) change when it ends, not the set.
    sets = [
        {key: value for key, value in row.items() if not key.startswith("workout_")}
        for row in table
        if row.get("side")
    ]
    return sets, table


def _follow_line(expect: str, target: int) -> str | None:
    heads = {alt.split()[0] for alt in expect.split(" | ") if alt.split()}
    kinds = {ALIASES.get(head, head) for head in heads}
    if kinds & {"nothing", "load", "skip"}:
        return str(target)
    if "stop" in kinds:
        return "yes"
    return None


async def run_case(
    settings: Settings, database: Database, coach: Coach, case: Case, key: str
) -> Run:
    async with database.unit() as store:
        user = await store.load_user(key)
        user.settings.unit = type(user.settings.unit)(case.unit)
        await store.save_user(user)
    out, result = io.StringIO(), Run()

    async def lines() -> AsyncIterator[str]:
        yield f"/workout {workout_request(case.plan, case.unit)}"
        _, table = await logged(settings, key)
        if not table:
            result.error = "the workout did not start"
            return
        head = table[-1]
        two_sides = head["plan_first_side"] != "both"
        result.target = int(head["plan_reps"])
        result.load = load_kg(head["plan_load"], head["plan_unit"])
        passed, result.awaited = route(case.at, two_sides)
        for kind in passed:
            yield {"set": str(result.target), "switch": "go", "rest": "skip rest"}[kind]
        result.before, _ = await logged(settings, key)
        mark = len(out.getvalue())
        yield case.input
        result.reply = out.getvalue()[mark:]
        result.after, table = await logged(settings, key)
        result.status = table[-1]["workout_status"] if table else None
        follow = _follow_line(case.expect, result.target)
        if follow is not None and result.status == "active" and result.after == result.before:
            yield follow
            result.follow, table = await logged(settings, key)
            result.status = table[-1]["workout_status"] if table else None

    chat = TerminalChat(database, coach, key, out)
    await chat.run(lines())
    return result


async def score(paths: list[Path], quick: bool, show: bool, parser: bool) -> dict[str, Any]:
    library = load_library(DEFAULT_CONTENT_DIR)
    coach = Coach(library, Answerer(library))
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'entries.db'}"
        settings = Settings(COACH_DATABASE_URL=url)  # type: ignore[call-arg]
        database = Database(url)
        await database.upgrade()
        try:
            for path in paths:
                report[path.name] = await _score_file(
                    settings, database, coach, path, quick, show, parser
                )
        finally:
            await database.dispose()
    return report


async def _score_file(
    settings: Settings,
    database: Database,
    coach: Coach,
    path: Path,
    quick: bool,
    show: bool,
    parser: bool,
) -> dict[str, Any]:
    cases = read_cases(path)
    if quick:
        cases = cases[::2]
    by_kind: dict[str, list[int]] = {}
    passed, failures = 0, []
    for index, case in enumerate(cases):
        if parser:
            run = simulate(case, Run(), route)
        else:
            run = await run_case(settings, database, coach, case, f"{path.stem}-{index}")
        why = judge(case, run)
        kind = case.expect.split()[0]
        kind = kind if kind in KINDS or kind in ALIASES else "set"
        tally = by_kind.setdefault(kind, [0, 0])
        tally[1] += 1
        if why is None:
            passed += 1
            tally[0] += 1
        else:
            failures.append((case, why, run.reply))
    if show:
        for case, why, reply in failures:
            said = " / ".join(line for line in reply.splitlines() if line.strip())[:160]
            print(f"FAIL {case.where} [{case.at}] {case.input!r} -> want {case.expect!r}: {why}")
            print(f"     said: {said}")
    return {"cases": len(cases), "passed": passed, "score": round(passed / len(cases), 4),
            "by_kind": by_kind}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every other case (under 40 s)")
    parser.add_argument(
        "--cases", type=Path, nargs="*", help="TSV files (default: tests/coach/entry/*.tsv)"
    )
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument(
        "--parser", action="store_true", help="bot.coach.entry's parser alone, without the chat"
    )
    args = parser.parse_args()
    paths = args.cases or DEFAULT
    started = time.perf_counter()
    report = asyncio.run(score(paths, args.quick, args.show_failures, args.parser))
    for name, figures in report.items():
        print(f"{name}: {figures['passed']}/{figures['cases']} ({figures['score']:.1%})")
    total = sum(f["cases"] for f in report.values())
    passed = sum(f["passed"] for f in report.values())
    summary = {"cases": total, "passed": passed, "score": round(passed / max(total, 1), 4),
               "files": report, "seconds": round(time.perf_counter() - started, 1)}  # fmt: skip
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
