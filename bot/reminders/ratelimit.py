"""A global send-rate limit for fan-out: evenly spaced sends, and a shared pause after a 429."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class RateLimiter:
    """A token bucket shared by every sender of one bot token.

    The burst is one token by default: sends leave evenly spaced, so a server counting sends per
    second (as Telegram does) never sees more than `rate` of them in any one-second window.
    """

    def __init__(
        self,
        rate: float,
        burst: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._tokens = burst
        self._stamp = clock()
        self._paused_until = 0.0
        # FIFO: waiters are served in the order they asked, so no send starves.
        self._turn = asyncio.Lock()

    def _refill(self, now: float) -> None:
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    async def acquire(self) -> None:
        """Wait for the right to send one message."""
        async with self._turn:
            while True:
                now = self._clock()
                if now < self._paused_until:
                    await self._sleep(self._paused_until - now)
                    continue
                self._refill(now)
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await self._sleep((1 - self._tokens) / self.rate)

    def pause(self, seconds: float) -> None:
        """Telegram said retry_after: nobody sends until then, and no burst right after."""
        now = self._clock()
        self._paused_until = max(self._paused_until, now + seconds)
        self._refill(now)
        self._tokens = 0.0
        self._stamp = max(self._stamp, self._paused_until)
