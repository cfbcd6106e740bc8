"""Imported sets as the coach's sessions: one finished workout per workout start (a FitNotes
day) and exercise, its sets numbered per side, marked imported and with the app it came from."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, tzinfo

from bot.coach.ports import Plan, SetEntry, Side, WorkoutRecord, WorkoutStatus
from bot.coach.state import SETS_MAX, TARGET_MAX
from bot.imports.imported_sets import ImportedSet, SetKind

# FitNotes records a day and no time: the session is put at noon of that day, the user's time.
NO_TIME = time(12, 0)
KIND_NOTES = {SetKind.DROP: "drop set", SetKind.FAILURE: "to failure"}


def _start(s: ImportedSet, zone: tzinfo) -> datetime:
    """The session's start in the user's zone (the apps write wall-clock times, no zone)."""
    naive = s.workout_start or datetime.combine(s.workout_date, NO_TIME)
    return naive.replace(tzinfo=zone)


def _note(s: ImportedSet) -> str | None:
    """The set's note, after what kind of set it was: the coach keeps no drop or failure tag."""
    kind = KIND_NOTES.get(s.kind)
    if kind is None:
        return s.note
    return f"{kind}; {s.note}" if s.note else kind


def _plan(entries: list[SetEntry], lead: Side) -> Plan:
    """The plan as the session went, within what a plan may hold: the most sets any side did,
    the best set's reps as the target, the first set's weight; the first leg marked leads."""
    per_side: dict[Side, int] = {}
    for e in entries:
        per_side[e.side] = per_side.get(e.side, 0) + 1
    sets = min(max(per_side.values()), SETS_MAX)
    reps = min(max(e.reps or 1 for e in entries), TARGET_MAX)
    if all(e.side is Side.BOTH for e in entries):
        first = Side.BOTH
    else:
        first = next((e.side for e in entries if e.side in (Side.LEFT, Side.RIGHT)), lead)
    return Plan(sets, reps, entries[0].load, entries[0].unit, first)


def sessions(
    sets: Iterable[ImportedSet], user_id: int, zone: tzinfo, lead: Side = Side.LEFT
) -> list[WorkoutRecord]:
    """The sessions to store, oldest first (ids 0: the store gives them theirs). sets are
    imported ones (a slug each); lead: the user's first leg, for sessions that marked none."""
    groups: dict[tuple[date | datetime, str], list[ImportedSet]] = {}
    for s in sets:
        assert s.exercise is not None and s.reps is not None  # only coached, counted sets
        groups.setdefault((s.workout_start or s.workout_date, s.exercise), []).append(s)
    out = []
    for (_, slug), group in groups.items():
        group.sort(key=lambda s: s.line)  # the file's order is the order they were done in
        started = _start(group[0], zone)
        end = group[0].workout_end
        ended = end.replace(tzinfo=zone) if end is not None else started
        numbers: dict[Side, int] = {}
        entries = []
        for s in group:
            numbers[s.side] = numbers.get(s.side, 0) + 1  # left 1, right 1, left 2, ...
            entries.append(
                SetEntry(
                    0,
                    slug,
                    numbers[s.side],
                    s.side,
                    s.reps,
                    s.load,
                    s.unit,
                    started,
                    note=_note(s),
                    rpe=s.rpe,
                    source=s.source.value,
                    source_key=s.source_key,
                )
            )
        plan = _plan(entries, lead if lead is not Side.BOTH else Side.LEFT)
        out.append(
            WorkoutRecord(
                0,
                user_id,
                slug,
                plan,
                started,
                WorkoutStatus.FINISHED,
                ended_at=max(ended, started),
                sets=entries,
                source=group[0].source.value,
                imported=True,
            )
        )
    out.sort(key=lambda w: w.started_at)
    return out
