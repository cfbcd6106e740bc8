"""/progress: the chart of one exercise over a period, with its reading, or a friendly word."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.coach.keyboards import Keyboard
from bot.coach.planning import resolve
from bot.coach.ports import Side, WorkoutRecord
from bot.coach.replies import Reply
from bot.coach.turn import Turn
from bot.progress import buttons as pb
from bot.progress import chart
from bot.progress.local_dates import user_zone
from bot.progress.series import build, reading

# Period key -> (weeks back from the latest session, None for all of it; button label).
PERIODS: dict[str, tuple[int | None, str]] = {
    "12w": (12, "12 weeks"),
    "1y": (52, "1 year"),
    "all": (None, "All time"),
}
DEFAULT_PERIOD = "12w"
NAME_MAX = 100
NOTHING_YET = (
    "No sessions logged yet, so there's nothing to chart. /workout to log your first; "
    "after a couple I'll draw your left leg against your right."
)


async def latest_exercise(turn: Turn) -> str | None:
    """The exercise of the user's latest session that counted a set."""
    for workout in await turn.store.workouts(turn.user.id, limit=20):
        if any(e.reps is not None for e in workout.sets):
            return workout.exercise
    return None


async def window(turn: Turn, slug: str, weeks: int | None) -> list[WorkoutRecord]:
    """The sessions of the last `weeks` up to the latest one (all when None), oldest first."""
    latest = await turn.store.workouts(turn.user.id, slug, limit=1)
    if not latest:
        return []
    since = latest[0].started_at - timedelta(weeks=weeks) if weeks is not None else None
    return await turn.store.workouts_since(turn.user.id, slug, since)


def period_buttons(token: int, slug: str, current: str) -> Keyboard:
    row = pb.row(
        *(pb.button(label, token, pb.CHART, key, slug)
          for key, (_, label) in PERIODS.items() if key != current)
    )  # fmt: skip
    return (row,) if row else ()


async def show(turn: Turn, token: int, args: str) -> None:
    """/progress [exercise]: the chart, or why there is none."""
    name = args.strip()[:NAME_MAX]
    slug = resolve(turn.library, name) if name else await latest_exercise(turn)
    if slug is None:
        if name:
            turn.say(f"I don't know “{name[:40]}”. Try /progress single-leg hip thrust, "
                     "or /progress alone for your latest exercise.")  # fmt: skip
        else:
            turn.say(NOTHING_YET)
        return
    await chart_reply(turn, token, slug, DEFAULT_PERIOD)


async def chart_reply(turn: Turn, token: int, slug: str, period: str) -> None:
    """The chart of slug over period, with buttons for the other periods."""
    with chart.collection_paused():  # reading two years of sessions makes garbage too
        await _chart_reply(turn, token, slug, period)


async def _chart_reply(turn: Turn, token: int, slug: str, period: str) -> None:
    ex = turn.library.get(slug)
    title = ex.name if ex else slug
    weeks, label = PERIODS[period]
    sessions = await window(turn, slug, weeks)
    # An exercise no longer in the library still charts: its sides say if it was one-legged.
    unilateral = (
        ex.unilateral if ex else any(e.side is not Side.BOTH for w in sessions for e in w.sets)
    )
    settings = turn.user.settings
    series = build(title, sessions, settings.unit, user_zone(settings.timezone), unilateral)
    if not series.points:
        turn.say(f"No {title} sessions logged yet, so there's nothing to chart. "
                 f"/workout {title.lower()} to log one.")  # fmt: skip
        return
    line = reading(series)
    span = f"{len(series.points)} session{'s' if len(series.points) > 1 else ''}"
    caption = f"{title} · {label.lower()} · {span}\n{line}"
    # Drawing takes ~0.1 s of CPU: off the event loop, so other chats keep moving meanwhile.
    png = await asyncio.to_thread(chart.render, series, line)
    turn.out.replies.append(Reply(caption, period_buttons(token, slug, period), photo=png))
