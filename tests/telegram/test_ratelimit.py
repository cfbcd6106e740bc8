"""Flood control against a Bot API that enforces Telegram's limits and misbehaves on request."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram.error import BadRequest, RetryAfter
from telegram.ext import AIORateLimiter, BaseRateLimiter, ExtBot

from bot.telegram.flood_control import CoachRateLimiter
from bot.telegram.request import AiohttpRequest
from tests.fakebotapi import FakeBotApi, FakeUser, FloodLimits

# The fake allows 20 messages per second per chat and 40 overall; the coach is set a little
# below, so arrival jitter cannot push two of its requests into one window.
FAKE_LIMITS = FloodLimits(per_chat_per_second=20, global_per_second=40, retry_after=0.1)


def _coach_limiter() -> CoachRateLimiter:
    return CoachRateLimiter(16, 32, 6000, network_pause=0.01)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(limits=FAKE_LIMITS) as fake:
        yield fake


async def _bot(api: FakeBotApi, limiter: BaseRateLimiter[int]) -> ExtBot[int]:
    bot: ExtBot[int] = ExtBot(api.token, base_url=api.base_url, rate_limiter=limiter)
    await bot.initialize()
    return bot


async def test_a_burst_to_one_chat_is_paced_under_the_per_chat_limit(api: FakeBotApi) -> None:
    FakeUser(api, 1)
    bot = await _bot(api, _coach_limiter())
    await asyncio.gather(*(bot.send_message(1, f"line {n}") for n in range(25)))
    await bot.shutdown()
    assert sorted(m.text or "" for m in api.records.bot_messages(1)) == sorted(
        f"line {n}" for n in range(25)
    )
    assert api.flood is not None and api.flood.rejected == 0


async def test_ptbs_limiter_alone_trips_the_per_chat_limit(api: FakeBotApi) -> None:
    """Why the coach adds its own: PTB's limiter knows overall and group limits only."""
    FakeUser(api, 1)
    bot = await _bot(api, AIORateLimiter(overall_max_rate=32, max_retries=20))
    await asyncio.gather(*(bot.send_message(1, f"line {n}") for n in range(25)))
    await bot.shutdown()
    assert api.flood is not None and api.flood.rejected > 0
    assert len(api.records.bot_messages(1)) == 25  # still delivered, after 429s


async def test_many_chats_stay_under_the_global_limit(api: FakeBotApi) -> None:
    for chat in range(1, 21):
        FakeUser(api, chat)
    bot = await _bot(api, _coach_limiter())
    await asyncio.gather(
        *(bot.send_message(chat, f"hi {chat}.{n}") for chat in range(1, 21) for n in range(3))
    )
    await bot.shutdown()
    assert api.flood is not None and api.flood.rejected == 0
    assert sum(len(api.records.bot_messages(chat)) for chat in range(1, 21)) == 60


@pytest.mark.parametrize("kind", ["429", "500", "drop"])
async def test_a_refused_or_lost_request_is_retried_and_delivered_once(
    api: FakeBotApi, kind: str
) -> None:
    FakeUser(api, 1)
    api.inject(kind, "sendMessage", times=3, retry_after=0.05)  # type: ignore[arg-type]
    bot = await _bot(api, _coach_limiter())
    await bot.send_message(1, "Set 1 of 3 · Left leg")
    await bot.shutdown()
    assert [m.text for m in api.records.bot_messages(1)] == ["Set 1 of 3 · Left leg"]
    assert len(api.faults.served) == 3


async def test_a_bad_request_is_not_retried(api: FakeBotApi) -> None:
    FakeUser(api, 1)
    bot = await _bot(api, _coach_limiter())
    with pytest.raises(BadRequest):
        await bot.send_message(1, "<unclosed", parse_mode="HTML")
    await bot.shutdown()
    assert len(api.records.calls_to("sendMessage", ok_only=False)) == 1


async def test_a_429_storm_longer_than_the_retries_gives_up(api: FakeBotApi) -> None:
    FakeUser(api, 1)
    api.inject("429", "sendMessage", times=50, retry_after=0.01)
    limiter = CoachRateLimiter(16, 32, 6000, flood_retries=2)
    bot = await _bot(api, limiter)
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "never")
    await bot.shutdown()
    assert api.records.bot_messages(1) == []


async def test_a_response_too_slow_to_wait_for_is_retried_and_delivered_once(
    api: FakeBotApi,
) -> None:
    FakeUser(api, 1)
    api.inject("slow", "sendMessage", delay=0.5)  # the fake drops it once the client gave up
    bot: ExtBot[int] = ExtBot(
        api.token,
        base_url=api.base_url,
        rate_limiter=_coach_limiter(),
        request=AiohttpRequest(read_timeout=0.1),
    )
    async with bot:
        await bot.send_message(1, "Rest 60 s")
    await asyncio.sleep(0.6)  # let the abandoned slow request finish on the fake's side
    assert [m.text for m in api.records.bot_messages(1)] == ["Rest 60 s"]
    assert api.faults.served == [("sendMessage", "slow")]
