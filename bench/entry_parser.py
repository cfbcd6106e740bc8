"""bench/entries.py --parser: the set-entry parser alone, its result played as a chat would log.

No engine and no database: bot.coach.entry.read_entry reads the input with the context of the `at`
step, and its result becomes the rows a coach that obeys it would hold, judged like a chat run.
A Confirm counts as asked (nothing logged); a Refused or None as nothing logged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.coach.entry import (
    Confirm,
    Context,
    Load,
    LoadChange,
    PainReport,
    Replace,
    SetAnswer,
    Skip,
    Stop,
    Undo,
    read_entry,
)
from bot.coach.ports import Side, Unit

if TYPE_CHECKING:
    from bench.entry_judge import Case, Run


def _plan(case: Case) -> tuple[int, Load, bool]:
    """(target reps, plan load, two sides) of a case's plan."""
    plan = case.plan.lower()
    found = re.search(r"([0-9]+)\s*x\s*([0-9]+)", plan)
    target = int(found[2]) if found else 10
    unit = Unit(case.unit)
    weight = re.search(r"@\s*([0-9]+(?:[.,][0-9]+)?)\s*(kg|lb)?", plan)
    load = Load(None, unit)
    if weight:
        load = Load(float(weight[1].replace(",", ".")), Unit(weight[2]) if weight[2] else unit)
    return target, load, "glute bridge" not in plan and "both" not in case.at


def _row(number: int, side: str, reps: int | None, load: Load, **extra: Any) -> dict[str, Any]:
    row = {"set_number": number, "side": side, "reps": reps, "load": load.value,
           "unit": load.unit.value, "effort": None, "note": None, "pain": False,
           "rpe": None, "rir": None}  # fmt: skip
    return row | extra


def simulate(case: Case, run: Run, route: Any) -> Run:
    """Fill run as the chat would have: rows before and after, the follow-up, the status."""
    target, load, two_sides = _plan(case)
    passed, run.awaited = route(case.at, two_sides)
    run.target, run.status = target, "active"
    run.load = (
        None if load.value is None else load.value * (0.45359237 if load.unit is Unit.LB else 1)
    )
    number, order = 1, (["left", "right"] if two_sides else ["both"])
    sides_done = 0
    for kind in passed:
        if kind == "set":
            run.before.append(_row(number, order[sides_done % len(order)], target, load))
            sides_done += 1
            if sides_done % len(order) == 0:
                number += 1
    awaited = Side(run.awaited[1])
    context = Context(Unit(case.unit), load, awaited, target)
    result = read_entry(case.input, context)
    run.after = list(run.before)
    here = run.awaited
    if isinstance(result, SetAnswer):
        side = (result.side or awaited).value
        run.after.append(_row(here[0], side, result.reps, result.load or load,
                              effort=result.effort and result.effort.value, note=result.note,
                              pain=result.pain, rpe=result.rpe, rir=result.rir))  # fmt: skip
        run.status = "pain" if result.pain else "active"
    elif isinstance(result, PainReport):
        run.after.append(_row(here[0], here[1], None, load, note=result.note, pain=True))
        run.status = "pain"
    elif isinstance(result, Undo) and run.before:
        run.after = run.after[:-1]
    elif isinstance(result, Replace) and run.before:
        run.after[-1] = run.after[-1] | {"reps": result.entry.reps}
    elif isinstance(result, Stop):
        run.status = "stopped"  # with pain=True the coach also says the pain line
    elif isinstance(result, Skip):
        run.follow = [*run.after, _row(here[0], "next", target, load)]
    elif isinstance(result, LoadChange):
        run.follow = [*run.after, _row(here[0], here[1], target, result.load)]
    else:  # Ready, Confirm, Refused, None: nothing logged, the target typed next logs here
        run.reply = "?" if isinstance(result, Confirm) else ""
        run.follow = [*run.after, _row(here[0], here[1], target, load)]
    return run
