"""The reminder sender on a real bot: paid broadcast, a 429, a Bot API that cannot be reached."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time

import pytest
from telegram.constants import ParseMode
from telegram.ext import Defaults, ExtBot

from bot.coach.replies import Button, Reply
from bot.reminders.domain import ClaimedOccurrence, Delivery, Reminder, SendStatus
from bot.reminders.send_budget import LocalBudget
from bot.telegram.flood_control import CoachRateLimiter
from bot.telegram.processor import ChatLocks
from bot.telegram.reminder_sender import probe, sender
from bot.telegram.request import AiohttpRequest
from tests.fakebotapi import FakeBotApi, FakeUser, FloodLimits

SEVEN = datetime(2026, 6, 10, 7, 0, tzinfo=UTC)


def _delivery(chat: int) -> Delivery:
    reminder = Reminder(chat, chat, time(7), 0b1111111, "UTC", "glute-bridge", False, SEVEN)
    occurrence = ClaimedOccurrence(chat, reminder, f"tg:{chat}", date(2026, 6, 10), SEVEN)
    buttons = ((Button("Start now", f"rm:go:{chat}"),),)
    return Delivery(f"tg:{chat}", occurrence, Reply("Time for Glute bridge <3", buttons))


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    # The free limit at 5/s: fifty reminders fit only under the paid broadcast's 1000/s.
    async with FakeBotApi(limits=FloodLimits(per_chat_per_second=1, global_per_second=5)) as fake:
        yield fake


async def _bot(base_url: str, token: str) -> ExtBot[int]:
    limiter = CoachRateLimiter(1, 5, 20, budget=LocalBudget(1000.0, 1.0))
    bot: ExtBot[int] = ExtBot(
        token,
        base_url=base_url,
        rate_limiter=limiter,
        request=AiohttpRequest(),
        defaults=Defaults(parse_mode=ParseMode.HTML),  # as the coach's Application has
    )
    await bot.initialize()
    return bot


@pytest.mark.parametrize("paid", [True, False])
async def test_with_paid_broadcast_a_burst_past_the_free_limit_goes_through(
    api: FakeBotApi, paid: bool
) -> None:
    for chat in range(1, 51):
        FakeUser(api, chat)
    bot = await _bot(api.base_url, api.token)
    send = sender(bot, ChatLocks(), paid_broadcast=paid)
    try:
        results = [await send(_delivery(chat)) for chat in range(1, 51)]
    finally:
        await bot.shutdown()
    calls = api.records.calls_to("sendMessage", ok_only=False)
    assert {bool(c.params.get("allow_paid_broadcast")) for c in calls} == {paid}
    statuses = {r.status for r in results}
    if paid:
        assert statuses == {SendStatus.OK}
        assert api.records.bot_messages(1)[0].shown == "Time for Glute bridge <3"
    else:  # the free limit refuses most: each comes back to be sent again, not retried here
        assert SendStatus.RETRY in statuses and len(calls) == 50


async def test_an_unreachable_bot_api_is_a_failed_send_and_a_failed_probe() -> None:
    async with FakeBotApi() as gone:  # up for the bot's start, then gone
        FakeUser(gone, 1)
        bot = await _bot(gone.base_url, gone.token)
    try:
        assert (await sender(bot, ChatLocks())(_delivery(1))).status is SendStatus.FAILED
        assert await probe(bot)() is False
    finally:
        await bot.shutdown()
