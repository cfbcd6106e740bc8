"""Random conversations: whatever users type or press, the coach keeps its log and state sound."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.app import build_coach
from bot.coach.engine import LOST_PLACE
from bot.coach.events import Command, Event, Press, Text, TimerDue
from bot.coach.ports import Side
from bot.coach.replies import Outcome, Timer
from bot.coach.state import read_state
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_library
from tests.coach.conftest import START, SpyAnswerer
from tests.coach.fakes import FakeStore

LIBRARY = load_library(DEFAULT_CONTENT_DIR)
KEY = "prop"

QUESTIONS = [
    "what muscles does this work",
    "I feel it in my quads",
    "how do I set up?",
    "any tips for this one",
    "is the banded version harder?",
]
ANSWERS = [
    "10", "9", "12 @ 10kg", "8 easy", "10 hard wobbly", "12@22.5 lb", "done", "skip",
    "skip rest", "go", "stop", "other", "3", "3x10", "bw", "10kg", "left", "right", "same",
    "change", "easy", "right", "hard", "slht", "glute bridge", "hip thrust 2x4", "pain",
    "0", "-4", "201", "1e9", "💪", "x" * 600, "",
    # The set-entry language, corrections and the questions asked before logging.
    "undo", "oops I meant 9", "make that 12", "100", "12 kg", "@15kg", "10 no pain", "10 right",
    "left 9", "ten", "1️⃣0️⃣", "12 x 12.5kg", "10 rpe 8", "8, 2 in the tank", "12 @ 12.555kg",
    "yes", "no", "keep going", "im done for today", "more", "help", "10 knee hurts",
]  # fmt: skip
COMMANDS = [
    Command("workout", "single leg hip thrust 2x3"),
    Command("workout", "glute bridge 2x5 @ 20kg"),
    Command("workout", "2u1d"),
    Command("workout", ""),
    Command("workout", "bench press"),
    Command("cancel"),
    Command("start"),
    Command("help"),
    Command("ask", "what muscles does it work"),
    Command("history"),
    Command("nope"),
]


def _forged() -> st.SearchStrategy[str]:
    actions = st.sampled_from(
        ["n:10", "n:999", "s", "x", "go", "o", "e:glute-bridge", "f:easy", "u", "q:0", "q:7",
         "more", "a:single-leg-hip-thrust"]
    )  # fmt: skip
    built = st.builds(lambda t, a: f"c:{t}:{a}", st.integers(-5, 10**12), actions)
    return st.one_of(built, st.text(max_size=80))


class Run:
    """Drives one conversation and checks the invariants after every event."""

    def __init__(self, switch: int, rest: int) -> None:
        self.store = FakeStore()
        self.coach = build_coach(LIBRARY, SpyAnswerer(LIBRARY))
        self.now = START
        self.shown: list[str] = []  # every button data handed out so far
        self.timers: list[Timer] = []
        self.switch, self.rest = switch, rest

    async def send(self, event: Event, seconds: int) -> Outcome:
        if not self.store.users:
            await self.store.load_user(KEY)
            self.store.users[KEY].settings.switch_seconds = self.switch
            self.store.users[KEY].settings.rest_seconds = self.rest
        self.now += timedelta(seconds=seconds)
        outcome = await self.coach.handle(self.store, KEY, event, self.now)
        self.shown += [b.data for r in outcome.replies for row in r.buttons for b in row]
        if outcome.timer:
            self.timers.append(outcome.timer)
        return outcome

    def snapshot(self) -> tuple[object, ...]:
        """The log, where the user is (but what they last asked about: a question keeps its
        subject for follow-ups), and the timer."""
        user = self.store.users[KEY]
        place = {name: value for name, value in user.state.items() if name != "asked"}
        return (list(self.store.set_rows), place, user.timer)

    def check(self) -> None:
        state = read_state(self.store.users[KEY].state)
        assert state is not None
        for workout in self.store.workout_rows.values():
            sets = [e for e in self.store.set_rows if e.workout_id == workout.id]
            per_side = Counter(e.side for e in sets)
            assert all(n <= workout.plan.sets for n in per_side.values()), per_side
            assert len({(e.set_number, e.side) for e in sets}) == len(sets)
            assert all(1 <= e.set_number <= workout.plan.sets for e in sets)
            allowed = (
                {Side.LEFT, Side.RIGHT} if LIBRARY[workout.exercise].unilateral else {Side.BOTH}
            )
            assert set(per_side) <= allowed
            assert all(e.reps is None or 1 <= e.reps <= 200 for e in sets)


def _event(data: st.DataObject, run: Run) -> tuple[str, Event]:
    kind = data.draw(st.sampled_from(["text", "question", "press", "forged", "command", "timer"]))
    if kind == "question":
        return kind, Text(data.draw(st.sampled_from(QUESTIONS)))
    if kind == "text":
        return kind, Text(data.draw(st.one_of(st.sampled_from(ANSWERS), st.text(max_size=20))))
    if kind == "press" and run.shown:
        # Mostly the newest buttons (a user tapping along), sometimes any older one.
        recent = run.shown[-8:]
        return kind, Press(data.draw(st.sampled_from(recent) | st.sampled_from(run.shown)))
    if kind == "command":
        return kind, data.draw(st.sampled_from(COMMANDS))
    if kind == "timer" and run.timers:
        timer = data.draw(st.sampled_from(run.timers))
        return kind, TimerDue(timer.kind, timer.token)
    return "forged", Press(data.draw(_forged()))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), switch=st.sampled_from([0, 10]), rest=st.sampled_from([0, 60]))
def test_random_conversations_keep_the_log_and_state_sound(
    data: st.DataObject, switch: int, rest: int
) -> None:
    run = Run(switch, rest)

    async def converse() -> None:
        await run.send(Command("workout", "slht 2x3"), 1)  # most runs should reach the set loop
        for _ in range(data.draw(st.integers(1, 40))):
            kind, event = _event(data, run)
            before = run.snapshot()
            forged = isinstance(event, Press) and event.data not in run.shown
            outcome = await run.send(event, data.draw(st.integers(0, 120)))
            run.check()
            # The state the engine wrote is one it can carry on from, never one it must reset.
            assert all(LOST_PLACE not in r.text for r in outcome.replies)
            if kind == "question":
                assert run.snapshot()[0] == before[0], "a question changed the log"
                assert run.snapshot()[1] == before[1], "a question moved the step"
            if forged:
                assert outcome.notice in ("That button is out of date", "Already logged")
                assert outcome.replies == []
                assert run.snapshot() == before, "a forged press changed something"

    asyncio.run(converse())
    statuses = {w.status.value for w in run.store.workout_rows.values()}
    event(f"sets logged: {min(len(run.store.set_rows), 4)}+")  # how far runs get, for -s stats
    for status in statuses:
        event(f"a workout is {status}")
