"""What an import would do, before it does it: as data for buttons and storage, and as a short
text a phone shows in one screen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from bot.coach.ports import Side, Unit
from bot.content import Library
from bot.imports.imported_sets import APP_NAMES, BadRow, ImportedSet, LeftOut, SourceApp
from bot.imports.reader import ParsedExport

_BAD_ROWS_SHOWN = 3
NOTHING_NEW = "Nothing new to import."


@dataclass(frozen=True)
class ExerciseTotal:
    exercise: str  # content slug
    name: str  # the coach's name for it
    workouts: int
    sets: int


@dataclass(frozen=True)
class Preview:
    app: SourceApp
    layout: str
    first_day: date | None  # the days of the sets to import (of the whole file if none is new)
    last_day: date | None
    workouts: int  # workouts with at least one set to import
    sets: int  # sets to import: coached, counted, not stored before
    exercises: tuple[ExerciseTotal, ...]  # most sets first
    already_imported: int  # sets an earlier import stored (same source key)
    not_coached_sets: int
    not_coached_exercises: tuple[str, ...]  # the app's names, most sets first
    warmup_sets: int
    no_rep_sets: int  # timed, distance or empty rows of coached exercises
    repeated_sets: int  # the same set twice in this file
    bad_rows: tuple[BadRow, ...]
    sides_unknown: int  # single-leg sets to import with no side marked
    unit: Unit  # the unit the weights are read in when the file states none
    unit_assumed: bool  # some loaded set to import had no unit in the file

    @property
    def empty(self) -> bool:
        return self.sets == 0

    @property
    def text(self) -> str:
        return _text(self)


def preview(parsed: ParsedExport, library: Library, known_keys: Collection[str] = ()) -> Preview:
    """Counts for the confirmation step; known_keys are the user's stored keys for this app."""
    new = parsed.to_import(known_keys)
    reasons = Counter(s.left_out for s in parsed.sets)
    not_coached = Counter(s.exercise_name for s in parsed.sets if s.left_out is LeftOut.NOT_COACHED)
    days = [s.workout_date for s in (new or parsed.sets)]
    return Preview(
        app=parsed.app,
        layout=parsed.layout,
        first_day=min(days, default=None),
        last_day=max(days, default=None),
        workouts=len({_workout(s) for s in new}),
        sets=len(new),
        exercises=_totals(new, library),
        already_imported=sum(1 for s in parsed.sets if s.imported) - len(new),
        not_coached_sets=reasons[LeftOut.NOT_COACHED],
        not_coached_exercises=tuple(name for name, _ in not_coached.most_common()),
        warmup_sets=reasons[LeftOut.WARMUP],
        no_rep_sets=reasons[LeftOut.NO_REPS],
        repeated_sets=reasons[LeftOut.REPEATED],
        bad_rows=parsed.bad_rows,
        sides_unknown=sum(1 for s in new if s.side is Side.UNKNOWN),
        unit=parsed.user_unit,
        unit_assumed=any(s.unit_assumed and s.load is not None for s in new),
    )


def _workout(s: ImportedSet) -> tuple[date, object]:
    return (s.workout_date, s.workout_start)


def _totals(sets: list[ImportedSet], library: Library) -> tuple[ExerciseTotal, ...]:
    per_slug: dict[str, list[ImportedSet]] = {}
    for s in sets:
        assert s.exercise is not None  # only coached sets are imported
        per_slug.setdefault(s.exercise, []).append(s)
    totals = [
        ExerciseTotal(slug, library[slug].name, len({_workout(s) for s in group}), len(group))
        for slug, group in per_slug.items()
    ]
    return tuple(sorted(totals, key=lambda t: (-t.sets, t.name)))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _left_out(p: Preview) -> list[str]:
    parts: list[str] = []
    if p.not_coached_sets:
        kinds = _plural(len(p.not_coached_exercises), "exercise")
        parts.append(f"{_plural(p.not_coached_sets, 'set')} of {kinds} I don't coach")
    if p.warmup_sets:
        parts.append(_plural(p.warmup_sets, "warm-up set"))
    if p.no_rep_sets:
        parts.append(f"{_plural(p.no_rep_sets, 'timed or empty set')} (no reps)")
    if p.repeated_sets:
        parts.append(f"{_plural(p.repeated_sets, 'set')} listed twice")
    return parts


def _bad_rows(rows: tuple[BadRow, ...]) -> str:
    shown = "; ".join(str(r) for r in rows[:_BAD_ROWS_SHOWN])
    more = len(rows) - _BAD_ROWS_SHOWN
    tail = f"; and {more} more" if more > 0 else ""
    return f"{_plural(len(rows), 'row')} I couldn't read, so left out: {shown}{tail}."


def _text(p: Preview) -> str:
    span = ""
    if p.first_day and p.last_day:
        span = _day(p.first_day)
        span += f" to {_day(p.last_day)}" if p.last_day != p.first_day else ""
        span = f", {span}"
    lines = [f"{APP_NAMES[p.app]} export ({p.layout}){span}."]
    if p.empty:
        lines.append(NOTHING_NEW)
    else:
        lines.append(f"I'll import {_plural(p.sets, 'set')} from {_plural(p.workouts, 'workout')}:")
        lines += [
            f"• {t.name}: {_plural(t.sets, 'set')}, {_plural(t.workouts, 'workout')}"
            for t in p.exercises
        ]
    if p.already_imported:
        lines.append(f"Already imported before: {_plural(p.already_imported, 'set')}.")
    left_out = _left_out(p)
    if left_out:
        lines.append("Left out: " + "; ".join(left_out) + ".")
    if p.sides_unknown:
        them = "it" if p.sides_unknown == 1 else "them"
        lines.append(
            f"No side marked on {_plural(p.sides_unknown, 'single-leg set')}: "
            f"I'll keep {them} with the side unknown."
        )
    if p.unit_assumed:
        lines.append(f"The file gives no unit, so I read the weights as {p.unit.value}, your unit.")
    if p.bad_rows:
        lines.append(_bad_rows(p.bad_rows))
    return "\n".join(lines)
