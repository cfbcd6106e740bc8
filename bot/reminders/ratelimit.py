"""A global send-rate limit for fan-out: evenly spaced sends, and a shared pause after a 429."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class RateLimiter:
    """Evenly spaced sends for one bot token (a GCRA: each send has a slot one period apart).

    Telegram counts arrivals in one-second windows, so the spacing matters, not just the
    average. Slots keep their schedule when a sender wakes a little late (a send may go up to
    2 ms early to catch up), so event-loop delays do not add up into a slower rate,
    yet no window ever holds more than the rate. Sends leave at `headroom` times the rate, which
    leaves ~40 ms of a second for network jitter: one send delayed more than a later one must
    not put rate + 1 arrivals in a window the server counts.
    """

    def __init__(
        self,
        rate: float,
        headroom: float = 0.96,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or not 0 < headroom <= 1:
            raise ValueError("rate must be positive and headroom in (0, 1]")
        self.rate = rate * headroom
        self._period = 1 / self.rate
        # Enough to absorb a busy event loop's late wake-ups, small against network jitter.
        self._tolerance = min(self._period / 4, 0.002)
        self._clock = clock
        self._sleep = sleep
        self._next_slot = clock()
        # FIFO: waiters are served in the order they asked, so no send starves.
        self._turn = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait for the right to send one message."""
        async with self._turn:
            while True:
                now = self._clock()
                if now >= self._next_slot - self._tolerance:
                    # Idle for a while: no saved-up burst, the schedule restarts from now.
                    self._next_slot = max(self._next_slot, now - self._tolerance) + self._period
                    return
                await self._sleep(self._next_slot - self._tolerance - now)

    def pause(self, seconds: float) -> None:
        """Telegram said retry_after: nobody sends until then, and no burst right after."""
        # The slot is taken early by up to the tolerance: add it, so nothing goes before `seconds`.
        self._next_slot = max(self._next_slot, self._clock() + seconds + self._tolerance)
