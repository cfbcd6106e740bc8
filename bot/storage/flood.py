"""One flood budget for every replica of the bot, kept in Redis (GCRA slots, on Redis's clock)."""

# Telegram counts one bot's messages, not one process's: with N replicas each counting on its
# own, the bot sends N times the rate. Here every send reserves the next slot of one schedule
# in Redis (a Lua script: atomic, one round trip, and Redis's own TIME, so replicas on machines
# whose clocks differ still share one schedule). A chat's own slot is taken in the same script.
# A 429 moves the shared schedule past retry_after: every replica waits. When Redis does not
# answer, the replica counts on its own (a LocalBudget at the full rate) until it answers again:
# a 429 is then possible, never a stall.

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.reminders.send_budget import HEADROOM, LocalBudget, catch_up

log = logging.getLogger(__name__)

# KEYS[1]: the schedule's next free slot (µs, Redis time); KEYS[2]: the chat's, or absent.
# ARGV: period, tolerance, chat period (µs; 0: no chat limit). Answers {reserved, wait µs}:
# {1, w}: send in w µs; {0, w}: the chat is busy for w µs more, nothing was reserved.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local period, tolerance, chat_period = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if KEYS[2] and chat_period > 0 then
  local chat_free = tonumber(redis.call('GET', KEYS[2]) or '0')
  if chat_free > now then return {0, chat_free - now, 0} end
end
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now - tolerance)
local wait = math.max(0, slot - now)
local ttl = math.floor(wait / 1000) + 60000
redis.call('SET', KEYS[1], string.format('%d', slot + period), 'PX', ttl)
if KEYS[2] and chat_period > 0 then
  local chat_next = math.max(slot, now) + chat_period
  local chat_ttl = math.floor((chat_next - now) / 1000) + 1
  redis.call('SET', KEYS[2], string.format('%d', chat_next), 'PX', chat_ttl)
end
return {1, wait, slot}
"""
# KEYS[1]: the schedule; ARGV[1]: the pause (µs). Nothing is sent before now + pause.
_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local until_ = now + tonumber(ARGV[1])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > slot then
  local ttl = math.floor(tonumber(ARGV[1]) / 1000) + 60000
  redis.call('SET', KEYS[1], string.format('%d', until_), 'PX', ttl)
end
return 1
"""
# How long a replica counts on its own after Redis failed to answer, before asking it again.
FALLBACK_SECONDS = 5.0


@dataclass(frozen=True)
class Slot:
    """A reservation: reserved (else the chat is busy), seconds to wait, and when (Redis time,
    seconds since the epoch; 0 when not reserved)."""

    reserved: bool
    wait: float
    at: float


class RedisBudget:
    """The bot's global and per-chat budgets in Redis, shared by every replica using `prefix`."""

    def __init__(
        self,
        redis: Redis,
        global_per_second: float,
        per_chat_per_second: float | None = None,
        *,
        prefix: str = "coach:",
        headroom: float = HEADROOM,
    ) -> None:
        if global_per_second <= 0:
            raise ValueError("the global rate must be positive")
        self._redis = redis
        self._rate = global_per_second * headroom
        self._period_us = round(1_000_000 / self._rate)
        self._tolerance_us = round(catch_up(global_per_second, headroom) * 1_000_000)
        self._chat_period_us = (
            round(1_000_000 / (per_chat_per_second * headroom)) if per_chat_per_second else 0
        )
        # One hash tag: both keys of a script live in one slot of a Redis Cluster.
        self._schedule = f"{prefix}{{flood}}:global"
        self._chat_prefix = f"{prefix}{{flood}}:chat:"
        self._acquire = redis.register_script(_ACQUIRE)
        self._pause = redis.register_script(_PAUSE)
        # One reservation at a time per process: a 429 then catches one slot here, not a queue.
        self._turn = asyncio.Lock()
        self._local = LocalBudget(global_per_second, per_chat_per_second, headroom=headroom)
        self._local_until = 0.0

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def shared(self) -> bool:
        return time.monotonic() >= self._local_until

    async def acquire(self, chat: str | None = None) -> None:
        if not self.shared:
            await self._local.acquire(chat)
            return
        while True:
            try:
                async with self._turn:
                    slot = await self.reserve(chat)
                    if slot.reserved:
                        if slot.wait > 0:
                            await asyncio.sleep(slot.wait)
                        return
            except RedisError as exc:
                self._count_locally(exc)
                await self._local.acquire(chat)
                return
            await asyncio.sleep(slot.wait)  # the chat is busy: wait outside the turn

    async def reserve(self, chat: str | None = None) -> Slot:
        """One try at the next slot (one round trip); acquire() waits for it."""
        keys = [self._schedule] if chat is None else [self._schedule, self._chat_prefix + chat]
        args = [self._period_us, self._tolerance_us, self._chat_period_us]
        reserved, wait_us, at_us = await self._acquire(keys=keys, args=args)
        return Slot(bool(reserved), wait_us / 1_000_000, at_us / 1_000_000)

    async def pause(self, seconds: float) -> None:
        await self._local.pause(seconds)
        if self.shared:
            try:
                await self._pause(keys=[self._schedule], args=[round(seconds * 1_000_000)])
            except RedisError as exc:
                self._count_locally(exc)

    def _count_locally(self, exc: Exception) -> None:
        if self.shared:
            log.warning(
                "flood budget: Redis did not answer (%s); counting on this replica alone for %g s",
                type(exc).__name__,
                FALLBACK_SECONDS,
            )
        self._local_until = time.monotonic() + FALLBACK_SECONDS

    async def close(self) -> None:
        await self._redis.aclose()


def redis_budget(
    url: str, global_per_second: float, per_chat_per_second: float | None, prefix: str
) -> RedisBudget:
    """A RedisBudget on a client for `url` (redis://host:port/db); connects on first use."""
    client: Redis = Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
    return RedisBudget(client, global_per_second, per_chat_per_second, prefix=prefix)
