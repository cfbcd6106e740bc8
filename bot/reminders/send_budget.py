"""Flood budgets: evenly spaced sends per bot and per chat, and a shared pause after a 429."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

# Sends leave at this share of the configured rate, which leaves ~40 ms of each second for
# network jitter: one send delayed more than a later one must not put rate + 1 arrivals in a
# window the server counts.
HEADROOM = 0.96
# Per-chat entries idle this long are forgotten; the chat's next send is then free anyway.
_CHAT_IDLE_SECONDS = 5.0
_MAX_CHATS = 4096


def catch_up(rate: float, headroom: float) -> float:
    """How early (seconds) a send may take its slot, to catch up after a late wake-up.

    Spaced at headroom x rate, a one-second window holds (1 - headroom) x rate fewer sends than
    the limit: two thirds of that slack are left for network jitter, one third may be spent
    catching up (at 250/s, 2.3 sends: 10 ms). At least 2 ms, or a quarter slot when smaller.
    """
    period = 1 / (rate * headroom)
    spare_slots = (1 - headroom) * rate / 3 - 1
    return max(min(period / 4, 0.002), spare_slots * period)


class SendBudget(Protocol):
    """The right to send: one bot's global rate, each chat's own rate, and 429 pauses."""

    @property
    def rate(self) -> float:
        """Messages per second this budget lets through in all (after the headroom)."""

    @property
    def shared(self) -> bool:
        """True when every replica draws from this one budget (Redis), False when per replica."""

    async def acquire(self, chat: str | None = None) -> None:
        """Wait for the right to send one message (to this chat, when given)."""

    async def pause(self, seconds: float) -> None:
        """Telegram said retry_after: nobody sends until then, and no burst right after."""


class RateLimiter:
    """Evenly spaced sends for one bot token (a GCRA: each send has a slot one period apart).

    Telegram counts arrivals in one-second windows, so the spacing matters, not just the
    average. Slots keep their schedule when a sender wakes a little late (a send may go a little
    early to catch up, see catch_up), so event-loop delays do not add up into a slower rate,
    yet no window ever holds more than the rate.
    """

    def __init__(
        self,
        rate: float,
        headroom: float = HEADROOM,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or not 0 < headroom <= 1:
            raise ValueError("rate must be positive and headroom in (0, 1]")
        self.rate = rate * headroom
        self._period = 1 / self.rate
        # Enough to absorb a busy event loop's late wake-ups, small against network jitter.
        self._tolerance = catch_up(rate, headroom)
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
        """Nobody sends until `seconds` from now, and no burst right after."""
        # The slot is taken early by up to the tolerance: add it, so nothing goes before `seconds`.
        self._next_slot = max(self._next_slot, self._clock() + seconds + self._tolerance)


class LocalBudget:
    """This replica's own count: the global rate and each chat's, in this process only."""

    def __init__(
        self,
        global_per_second: float,
        per_chat_per_second: float | None = None,
        *,
        headroom: float = HEADROOM,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._global = RateLimiter(global_per_second, headroom, clock, sleep)
        self._chat_period = 1 / (per_chat_per_second * headroom) if per_chat_per_second else 0.0
        self._chats: dict[str, float] = {}  # chat -> when its next message may go
        self._turns: dict[str, tuple[asyncio.Lock, int]] = {}  # chat -> its turn, and how many wait
        self._clock = clock
        self._sleep = sleep

    @property
    def rate(self) -> float:
        return self._global.rate

    @property
    def shared(self) -> bool:
        return False

    async def acquire(self, chat: str | None = None) -> None:
        if chat is None or not self._chat_period:
            await self._global.acquire()
            return
        # One send per chat at a time takes its turn, so the spacing counts from when the last
        # one really went (after its global wait), not from when it asked.
        turn, waiting = self._turns.get(chat, (asyncio.Lock(), 0))
        self._turns[chat] = (turn, waiting + 1)
        try:
            async with turn:
                wait = self._chats.get(chat, 0.0) - self._clock()
                if wait > 0:
                    await self._sleep(wait)
                await self._global.acquire()
                self._chats[chat] = self._clock() + self._chat_period
        finally:
            turn, waiting = self._turns[chat]
            if waiting > 1:
                self._turns[chat] = (turn, waiting - 1)
            else:
                del self._turns[chat]
        self._forget_idle()

    def _forget_idle(self) -> None:
        if len(self._chats) > _MAX_CHATS:
            now = self._clock()
            self._chats = {c: t for c, t in self._chats.items() if t > now - _CHAT_IDLE_SECONDS}

    async def pause(self, seconds: float) -> None:
        self._global.pause(seconds)
