"""The fan-out's rate limit: never more than the rate in any one-second window, yet close to it."""

from __future__ import annotations

import asyncio
import random

import pytest

from bot.reminders.send_budget import RateLimiter


class LateClock:
    """Time that only moves when someone sleeps, and wakes them a little late (a busy loop)."""

    def __init__(self, lateness: float) -> None:
        self.now = 1000.0
        self.lateness = lateness
        self.rng = random.Random(7)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds) + self.rng.uniform(0, self.lateness)
        await asyncio.sleep(0)


def _most_in_one_second(times: list[float]) -> int:
    most, start = 0, 0
    for end, moment in enumerate(times):
        while times[start] <= moment - 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


@pytest.mark.parametrize("rate", [30.0, 250.0])
@pytest.mark.parametrize("lateness", [0.0, 0.002])
async def test_sends_stay_under_the_rate_in_every_window_and_close_to_it(
    rate: float, lateness: float
) -> None:
    clock = LateClock(lateness)
    limiter = RateLimiter(rate, clock=clock, sleep=clock.sleep)
    times: list[float] = []
    for _ in range(int(rate * 10)):
        await limiter.acquire()
        times.append(clock.now)
    assert _most_in_one_second(times) <= rate
    achieved = (len(times) - 1) / (times[-1] - times[0])
    assert achieved >= 0.95 * rate


async def test_a_429_pauses_every_sender_for_retry_after() -> None:
    clock = LateClock(0.0)
    limiter = RateLimiter(30.0, clock=clock, sleep=clock.sleep)
    await limiter.acquire()
    limiter.pause(2.5)
    paused_at = clock.now
    await limiter.acquire()
    assert clock.now - paused_at >= 2.5


async def test_waiters_are_served_in_the_order_they_asked() -> None:
    limiter = RateLimiter(1000.0)
    order: list[int] = []

    async def one(n: int) -> None:
        await limiter.acquire()
        order.append(n)

    await asyncio.gather(*(one(n) for n in range(20)))
    assert order == list(range(20))
