"""Simulated users for the benchmark: closed loop, each waits for the bot before acting again."""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.fakebotapi.server import FakeBotApi
from tests.fakebotapi.users import FakeUser

QUESTIONS = (
    "what muscles does this work?",
    "I feel it in my lower back",
    "how do I set up the bench?",
    "how many reps should I do?",
)
# Buttons a user on a steady workout would not press: they end or derail it.
_AVOID = re.compile(r"stop|cancel|pain|other|delete|change|no\b|later|snooze", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,3}$")
START = "/workout single-leg hip thrust 2x8"
REPLY_TIMEOUT = 5.0


@dataclass
class LoadReport:
    steps: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    cpu_seconds: float = 0.0  # this process (the fake and its users) over the measured time

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies_ms)

        def pct(p: float) -> float:
            return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0

        return {
            "steps": self.steps,
            "seconds": round(self.seconds, 3),
            "ups": round(self.steps / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(pct(0.50), 2),
            "p99_ms": round(pct(0.99), 2),
            "errors": self.errors,
            "kinds": self.kinds,
            "latencies_ms": [round(latency, 3) for latency in self.latencies_ms],
            "fake_cpu_ms_per_update": round(self.cpu_seconds * 1000 / self.steps, 3)
            if self.steps
            else 0.0,
        }


def next_step(
    labels: Sequence[str] | None, since_start: int, rng: random.Random, question_rate: float
) -> tuple[str, str]:
    """What a person on a steady workout does next, given the buttons of the bot's latest
    message (None: no message yet): ("command", START), ("question", text), ("typed", reps) or
    ("press", label). bench/units.py drives the engine with the same choices."""
    if labels is None or since_start > 60:
        return "command", START
    if rng.random() < question_rate:
        return "question", rng.choice(QUESTIONS)
    choices = [label for label in labels if not _AVOID.search(label)]
    numbers = [label for label in choices if _NUMBER.match(label)]
    if numbers:
        label = rng.choice(numbers)
        return ("typed" if rng.random() < 0.5 else "press"), label
    if choices:
        return "press", choices[0]
    return "command", START


class SimulatedUser:
    """Types reps or presses their button, answers prompts, asks a question now and then."""

    def __init__(self, api: FakeBotApi, user_id: int, rng: random.Random, question_rate: float):
        self.api = api
        self.user = FakeUser(api, user_id)
        self.rng = rng
        self.question_rate = question_rate
        self.arrived = asyncio.Event()
        self.since_start = 0

    def next_update(self) -> tuple[str, dict[str, Any]]:
        latest = self.api.records.latest_bot_message(self.user.id)
        self.since_start += 1
        labels = None if latest is None else [str(b["text"]) for b in latest.buttons]
        kind, value = next_step(labels, self.since_start, self.rng, self.question_rate)
        if kind == "command":
            self.since_start = 0
        if kind == "press":
            assert latest is not None
            return kind, self.user.press(latest, value)
        return kind, self.user.text(value)

    async def step(self, report: LoadReport, measure: bool) -> None:
        kind, update = self.next_update()
        self.arrived.clear()
        started = time.perf_counter()
        status = await self.api.deliver(update)
        if status != 200:
            report.errors += 1
        # The webhook may answer before the bot has replied (PTB's own server queues updates).
        try:
            await asyncio.wait_for(self.arrived.wait(), REPLY_TIMEOUT)
        except TimeoutError:
            report.errors += 1  # no reply at all: counted, not timed
            return
        latency = self.first_reply - started
        if measure:
            report.steps += 1
            report.latencies_ms.append(latency * 1000)
            report.kinds[kind] = report.kinds.get(kind, 0) + 1

    first_reply = 0.0


async def run_load(
    api: FakeBotApi,
    users: int,
    warmup: float,
    duration: float,
    first_user: int = 1_000_000,
    question_rate: float = 0.05,
    seed: int = 4,
) -> LoadReport:
    """`users` simulated users in a closed loop; statistics over `duration` after `warmup`."""
    rng = random.Random(seed)
    crowd = {
        first_user + n: SimulatedUser(
            api, first_user + n, random.Random(rng.random()), question_rate
        )
        for n in range(users)
    }

    def arrived(chat_id: int) -> None:
        user = crowd.get(chat_id)
        if user is not None and not user.arrived.is_set():
            user.first_reply = time.perf_counter()
            user.arrived.set()

    api.listeners.append(arrived)
    report = LoadReport()
    start = time.perf_counter()
    measure_from, stop_at = start + warmup, start + warmup + duration

    async def loop(user: SimulatedUser) -> None:
        while (now := time.perf_counter()) < stop_at:
            await user.step(report, measure=now >= measure_from)

    async def clock_cpu() -> None:
        await asyncio.sleep(warmup)
        report.cpu_seconds = -time.process_time()

    try:
        await asyncio.gather(clock_cpu(), *(loop(user) for user in crowd.values()))
    finally:
        api.listeners.remove(arrived)
    report.cpu_seconds += time.process_time()
    report.seconds = time.perf_counter() - measure_from
    return report
