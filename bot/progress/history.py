"""/history: the last sessions, both sides side by side, their gap and effort; paged by buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.coach.keyboards import Keyboard
from bot.coach.ports import Side, Unit, WorkoutRecord, WorkoutStatus
from bot.coach.session_sides import by_side, side_text
from bot.coach.summary import SIDE_NAMES
from bot.content import Exercise
from bot.imports.imported_sets import APP_NAMES
from bot.progress import buttons as pb

PAGE_SIZE = 5
PAGE_MAX = 10_000  # beyond any real history: a larger page number is forged
ALL = "*"
STATUS_NOTES = {
    WorkoutStatus.ACTIVE: "in progress",
    WorkoutStatus.STOPPED: "stopped early",
    WorkoutStatus.PAIN: "stopped for pain",
}


@dataclass(frozen=True)
class Page:
    text: str
    buttons: Keyboard


def day_label(moment: datetime, zone: tzinfo, now: datetime) -> str:
    local = moment.astimezone(zone)
    year = "" if local.year == now.astimezone(zone).year else f" {local.year}"
    return f"{local:%a} {local.day} {local:%b}{year}"


def gap_text(workout: WorkoutRecord) -> str | None:
    """Left against right over the sets both legs counted: a set stopped for pain, or an
    imported set whose side is unknown, says nothing about which leg is behind."""
    reps = {(e.set_number, e.side): e.reps for e in workout.sets if e.reps is not None}
    paired = [n for (n, side) in reps if side is Side.LEFT and (n, Side.RIGHT) in reps]
    if not paired:
        return None
    left = sum(reps[n, Side.LEFT] or 0 for n in paired)
    right = sum(reps[n, Side.RIGHT] or 0 for n in paired)
    if left == right:
        return f"Even: {left} reps each side"
    behind, gap = ("Left", right - left) if left < right else ("Right", left - right)
    counts = f"{min(left, right)} vs {max(left, right)}"
    return f"{behind} {gap} rep{'s' if gap > 1 else ''} behind ({counts})"


def session_lines(
    workout: WorkoutRecord, name: str | None, unit: Unit, zone: tzinfo, now: datetime
) -> list[str]:
    """One session: date · exercise · how it felt; the sides side by side; their gap."""
    head = [day_label(workout.started_at, zone, now)]
    if name:
        head.append(name)
    if workout.status in STATUS_NOTES:
        head.append(STATUS_NOTES[workout.status])
    if workout.effort:
        head.append(f"felt {workout.effort}")
    if workout.imported:
        head.append(imported_from(workout.source))
    sides = by_side(workout)
    if not sides:
        return [" · ".join(head), "Nothing logged"]
    if Side.BOTH not in sides and (Side.LEFT in sides or Side.RIGHT in sides):
        # A unilateral session: both legs named, even one left empty; unknown sets after them.
        legs = {Side.LEFT: sides.get(Side.LEFT, []), Side.RIGHT: sides.get(Side.RIGHT, [])}
        sides = legs | ({Side.UNKNOWN: sides[Side.UNKNOWN]} if Side.UNKNOWN in sides else {})
    line = " │ ".join(
        f"{SIDE_NAMES[side]} {side_text(entries, unit) if entries else '—'}"
        for side, entries in sides.items()
    )
    return [" · ".join(head), line, *filter(None, [gap_text(workout)])]


def imported_from(source: str | None) -> str:
    """ "imported from Strong"; an app this coach no longer knows is named as stored."""
    known = {app.value: name for app, name in APP_NAMES.items()}
    return f"imported from {known.get(source or '', source or 'another app')}"


def render(
    workouts: Sequence[WorkoutRecord],
    page: int,
    exercise: Exercise | None,
    library: Mapping[str, Exercise],
    unit: Unit,
    zone: tzinfo,
    now: datetime,
    token: int,
) -> Page:
    """A page of sessions (newest first); workouts holds up to PAGE_SIZE + 1 to tell if more."""
    shown, more = workouts[:PAGE_SIZE], len(workouts) > PAGE_SIZE
    what = exercise.name if exercise else "all exercises"
    if not shown:
        if page == 0:
            text = f"No {exercise.name} sessions yet." if exercise else "No sessions yet."
            return Page(f"{text} /workout to log one; I keep every set, left and right.", ())
        text = "No older sessions."
    else:
        first = page * PAGE_SIZE + 1
        title = f"History · {what} · sessions {first}–{first + len(shown) - 1} (newest first)"
        blocks = []
        for workout in shown:
            known = library.get(workout.exercise)
            name = None if exercise else (known.name if known else workout.exercise)
            blocks.append("\n".join(session_lines(workout, name, unit, zone, now)))
        text = "\n\n".join([title, *blocks, "Open a session to fix or delete a set."])
    slug = exercise.slug if exercise else ALL
    newer = pb.button("◀ Newer", token, pb.HISTORY, str(page - 1), slug) if page > 0 else None
    older = pb.button("Older ▶", token, pb.HISTORY, str(page + 1), slug) if more else None
    row = pb.row(newer, older)
    opens = [
        pb.button(f"Open {day_label(w.started_at, zone, now)}", token, pb.OPEN, str(w.id))
        for w in shown
        if w.status is not WorkoutStatus.ACTIVE  # the one in progress: undo and "I meant"
    ]
    rows = [pb.row(*opens[i : i + 2]) for i in range(0, len(opens), 2)]
    return Page(text, (*rows, row) if row else tuple(rows))
