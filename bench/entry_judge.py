"""bench/entries.py's cases, runs and judgement: what a case expects and whether a run did it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

KG_PER_LB = 0.45359237
COLUMNS = ("unit", "plan", "at", "input", "expect")
EFFORT_CLASSES = {
    "ok": "ok", "okay": "ok", "right": "ok", "just right": "ok", "moderate": "ok", "fine": "ok",
    "medium": "ok", "easy": "easy", "light": "easy", "hard": "hard", "tough": "hard",
    "failure": "failure", "fail": "failure", "failed": "failure", "max": "failure",
}  # fmt: skip
SIDE_WORDS = {"left", "right", "leg", "left leg", "right leg", "l", "r"}


@dataclass(frozen=True)
class Case:
    where: str  # file:line
    unit: str
    plan: str
    at: str
    input: str
    expect: str


@dataclass
class Run:
    """What one case did: the reply to the input and the logged rows around it."""

    before: list[dict[str, Any]] = field(default_factory=list)
    after: list[dict[str, Any]] = field(default_factory=list)
    reply: str = ""
    follow: list[dict[str, Any]] = field(default_factory=list)  # after the follow-up line
    status: str | None = None  # the workout's status after the input (and follow-up)
    awaited: tuple[int, str] = (1, "left")
    target: int = 10
    load: float | None = None  # the plan's, in kg; None is bodyweight
    error: str | None = None


def load_kg(load: float | None, unit: str | None) -> float | None:
    if load is None:
        return None
    return load * KG_PER_LB if unit == "lb" else load


def _load(text: str, unit: str) -> float | None:
    """`12.5kg` / `25lb` / `bw` / `12.5` (in the user's unit) in kg; None for bodyweight."""
    if text == "bw":
        return None
    m = re.fullmatch(r"([0-9.]+)(kg|lb)?", text)
    if not m:
        raise ValueError(f"bad load {text!r}")
    return load_kg(float(m[1]), m[2] or unit)


@dataclass(frozen=True)
class Expect:
    """One acceptable outcome, from either file format."""

    kind: str  # set, nothing, ask, load, undo, replace, skip, stop
    side: str | None = None  # None: the prompted side
    reps: int | None = None
    load: float | str | None = "current"  # kg; None is bodyweight; "current": unchanged
    extras: dict[str, str] = field(default_factory=dict)  # effort, rpe, rir as written
    strict: bool = True  # unlisted effort, RPE and RIR must be empty
    pain: bool = False
    note: str | None = None  # None: not checked; "-": none


KINDS = {"nothing", "ask", "load", "undo", "replace", "skip", "stop"}
# The held-out batch's words for ours.
ALIASES = {"log": "set", "edit": "replace", "refuse": "nothing", "question": "nothing"}


def parse_expect(text: str, unit: str) -> Expect:
    """`left 10 @ 12.5kg effort=hard` (ours) or `log reps=10 load=12.5 unit=kg` (held-out)."""
    head, _, rest = text.strip().partition(" ")
    note = None
    if "note=" in rest:
        rest, _, note = rest.partition("note=")
        note = note.strip()
    pairs = dict(re.findall(r"(\w+)=(\S+)", rest))
    pain = bool(re.search(r"\bpain\b", rest))
    if head in {"left", "right", "both"}:
        m = re.match(r"(\d+|-)(?: @ (\S+))?", rest)
        if not m:
            raise ValueError(f"bad expectation {text!r}")
        reps = None if m[1] == "-" else int(m[1])
        load: float | str | None = "current" if m[2] is None else _load(m[2], unit)
        extras = {k: v for k, v in pairs.items() if k in ("effort", "rpe", "rir")}
        return Expect("set", head, reps, load, extras, True, pain, note)
    kind = ALIASES.get(head, head)
    if kind == "set":
        load = "current"
        if "load" in pairs:
            load = _load(pairs["load"], pairs.get("unit", unit))
        extras = {k: v for k, v in pairs.items() if k in ("effort", "rpe", "rir")}
        reps = int(pairs["reps"]) if "reps" in pairs else None
        return Expect("set", pairs.get("side"), reps, load, extras, False, pain, note)
    if kind == "load":
        value = rest.replace(" ", "")
        return Expect("load", load=_load(value, unit))
    if kind == "replace":
        return Expect("replace", reps=int(pairs.get("reps", rest.strip() or 0)))
    if kind not in KINDS:
        raise ValueError(f"bad expectation {text!r}")
    return Expect(kind)


def _same_load(row: dict[str, Any], expected: float | str | None, current: float | None) -> bool:
    wanted = current if expected == "current" else expected
    got = load_kg(row["load"], row["unit"])
    if got is None or wanted is None:
        return got is wanted
    return abs(got - float(wanted)) < 0.01


def _words(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def _set_matches(row: dict[str, Any], want: Expect, run: Run) -> str | None:
    """None when the logged row is what was expected; else what differs."""
    problems = []
    if row["side"] != (want.side or run.awaited[1]) or row["set_number"] != run.awaited[0]:
        problems.append(f"side {row['side']} of set {row['set_number']}")
    if row["reps"] != want.reps:
        problems.append(f"reps {row['reps']}")
    if not _same_load(row, want.load, run.load):
        problems.append(f"load {row['load']} {row['unit']}")
    effort = want.extras.get("effort")
    checked = effort != "*" and (effort is not None or want.strict)
    if checked and EFFORT_CLASSES.get(row["effort"] or "", row["effort"]) != effort:
        problems.append(f"effort {row['effort']}")
    for name in ("rpe", "rir"):
        if name in want.extras or want.strict:
            wanted = float(want.extras[name]) if name in want.extras else None
            if row.get(name) != wanted:
                problems.append(f"{name} {row.get(name)}")
    if bool(row["pain"]) != want.pain:
        problems.append(f"pain {row['pain']}")
    if want.note is not None:
        if (want.note == "-" and row["note"]) or (
            want.note != "-" and _words(row["note"]) != _words(want.note)
        ):
            problems.append(f"note {row['note']!r}")
    elif _words(row["note"]) in SIDE_WORDS:
        problems.append(f"note {row['note']!r}")
    return ", ".join(problems) or None


def judge_one(want: Expect, run: Run) -> str | None:
    """None when the run did what was expected; else why not."""
    before, after = run.before, run.after
    if want.kind == "set":
        if after[: len(before)] != before or len(after) != len(before) + 1:
            return f"{len(after) - len(before)} rows logged"
        return _set_matches(after[-1], want, run)
    if want.kind == "undo":
        return None if after == before[:-1] and before else "the last set is still there"
    if want.kind == "replace":
        if len(after) != len(before) or not before or after[:-1] != before[:-1]:
            return f"{len(after) - len(before)} rows logged"
        last, old = after[-1], before[-1]
        same_place = (last["side"], last["set_number"]) == (old["side"], old["set_number"])
        return None if last["reps"] == want.reps and same_place else f"last set {last['reps']}"
    if want.kind == "stop" and run.status == "pain":
        # "stop, knee hurts": the workout ends for pain, its mark a row with no reps; no set.
        marks = after[len(before) :]
        ended = after[: len(before)] == before and all(row["reps"] is None for row in marks)
        return None if ended else f"{len(marks)} rows logged"
    if after != before:
        return f"{len(after) - len(before)} rows logged, or rows changed"
    if want.kind == "ask":
        return None if "?" in run.reply and run.status == "active" else "no question asked"
    if want.kind == "stop":
        return None if run.status == "stopped" else f"status {run.status}"
    if run.status != "active":
        return f"status {run.status}"
    added = run.follow[len(after) :]
    if len(added) != 1:
        return f"the target then logged {len(added)} rows"
    row, place = added[0], (added[0]["set_number"], added[0]["side"]) == run.awaited
    if want.kind == "skip":
        return None if not place else "the side was not skipped"
    if want.kind == "load":
        ok = place and _same_load(row, want.load, run.load)
        return None if ok else f"then {row['load']} {row['unit']}"
    ok = place and _same_load(row, "current", run.load)
    return None if ok else f"then {row['side']} {row['load']} {row['unit']}"


def judge(case: Case, run: Run) -> str | None:
    if run.error:
        return run.error
    wants = [parse_expect(alt, case.unit) for alt in case.expect.split(" | ")]
    reasons = [judge_one(want, run) for want in wants]
    return None if None in reasons else "; ".join(r or "" for r in reasons)
