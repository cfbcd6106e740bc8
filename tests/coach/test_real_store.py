"""The same conversation on the in-memory fake and on the SQL store says and logs the same things.

This keeps tests/coach/fakes.py honest: whatever the engine tests prove on it holds on SQLite and
PostgreSQL too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.app import build_coach
from bot.coach.events import Command, Event, Press, Text, TimerDue
from bot.coach.ports import SetEntry
from bot.coach.replies import Button, Outcome, Timer
from bot.content import Library
from bot.storage import Database
from tests.coach.conftest import START, SpyAnswerer
from tests.coach.fakes import FakeStore

Handle = Callable[[Event], Awaitable[Outcome]]
SCRIPT: list[tuple[str, str]] = [
    ("cmd", "start"),
    ("press", "Start a workout"),
    ("press", "Single-leg hip thrust"),
    ("say", "2"),
    ("press", "10"),
    ("say", "10kg"),
    ("press", "Left"),
    ("press", "10"),
    ("say", "what muscles does this work"),
    ("say", "7 hard"),
    ("fire", ""),
    ("say", "8"),
    ("press", "Go now"),
    ("press", "8"),
    ("again", "8"),  # the same button again: already logged
    ("say", "easy"),
    ("cmd", "workout"),
    ("say", "sl hip thrust"),
    ("press", "Same as last time"),
    ("say", "0"),
    ("say", "10 @ 12.5kg"),
    ("say", "my knee hurts"),
    ("cmd", "workout glute bridge 2x15"),
    ("say", "15"),
    ("cmd", "cancel"),
]


async def _transcript(handle: Handle) -> list[tuple[object, ...]]:
    said: list[tuple[object, ...]] = []
    keyboard: list[Button] = []
    pressed = ""
    timer: Timer | None = None
    for kind, arg in SCRIPT:
        event: Event
        if kind == "say":
            event = Text(arg)
        elif kind == "cmd":
            name, _, args = arg.partition(" ")
            event = Command(name, args)
        elif kind == "press":
            pressed = next(b.data for b in keyboard if b.label == arg)
            event = Press(pressed)
        elif kind == "again":
            event = Press(pressed)
        else:
            assert timer is not None
            event = TimerDue(timer.kind, timer.token)
        outcome = await handle(event)
        shown = [b for r in outcome.replies for row in r.buttons for b in row]
        keyboard = shown or keyboard
        timer = outcome.timer or timer
        texts = tuple(r.text for r in outcome.replies)
        labels = tuple(b.label for b in shown)
        timing = (outcome.timer.kind if outcome.timer else None, outcome.cancel_timer)
        said.append((texts, labels, outcome.notice, outcome.chosen, timing))
    return said


async def test_fake_and_sql_store_hold_the_same_conversation(
    database: Database, library: Library
) -> None:
    coach = build_coach(library, SpyAnswerer(library))
    clocks = {"fake": START, "sql": START}
    fake = FakeStore()

    async def on_fake(event: Event) -> Outcome:
        clocks["fake"] += timedelta(seconds=7)
        return await coach.handle(fake, "ana", event, clocks["fake"])

    async def on_sql(event: Event) -> Outcome:
        clocks["sql"] += timedelta(seconds=7)
        async with database.unit() as store:
            return await coach.handle(store, "ana", event, clocks["sql"])

    expected = await _transcript(on_fake)
    assert await _transcript(on_sql) == expected
    async with database.unit() as store:
        user = await store.user_by_key("ana")
        assert user is not None
        stored = await store.all_sets(user.id)
        workouts = await store.workouts(user.id)

    def summary(entries: list[SetEntry]) -> list[tuple[object, ...]]:
        return [
            (e.workout_id, e.set_number, e.side, e.reps, e.load, e.unit, e.effort, e.note, e.pain)
            for e in entries
        ]

    assert summary(stored) == summary(fake.set_rows)
    assert [(w.status, w.effort, w.plan) for w in workouts] == [
        (w.status, w.effort, w.plan)
        for w in sorted(fake.workout_rows.values(), key=lambda w: -w.id)
    ]
    assert len(stored) == 7  # 4 sides, the 12.5 kg one, the painful one, the glute bridge set
