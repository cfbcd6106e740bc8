"""The coach's aiohttp request class against the fake Bot API: what PTB gets back from it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Message
from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.telegram.request import AiohttpRequest, results_unread
from tests.fakebotapi import FakeBotApi, FakeUser

CHAT = 78


@pytest.fixture
async def api_and_bot() -> AsyncIterator[tuple[FakeBotApi, ExtBot[None]]]:
    async with FakeBotApi() as api:
        FakeUser(api, CHAT)
        bot: ExtBot[None] = ExtBot(api.token, base_url=api.base_url, request=AiohttpRequest())
        async with bot:
            yield api, bot


async def test_a_reply_sent_with_results_unread_arrives_and_nothing_is_parsed(
    api_and_bot: tuple[FakeBotApi, ExtBot[None]],
) -> None:
    api, bot = api_and_bot
    with results_unread():
        sent = await bot.send_message(CHAT, "Set 1 of 2 · Left leg")
    assert sent is True
    (message,) = api.records.bot_messages(CHAT)
    assert message.shown == "Set 1 of 2 · Left leg"
    with results_unread():
        edited = await bot.edit_message_text("Set 1 of 2 · Left leg\n✓ 8", CHAT, message.message_id)
    assert edited is True
    assert api.records.bot_messages(CHAT)[0].shown.endswith("✓ 8")


async def test_elsewhere_the_message_telegram_returns_is_read(
    api_and_bot: tuple[FakeBotApi, ExtBot[None]],
) -> None:
    _api, bot = api_and_bot
    sent = await bot.send_message(CHAT, "Rest 60 s")
    assert isinstance(sent, Message) and sent.text == "Rest 60 s"
    with results_unread():
        pass
    assert isinstance(await bot.send_message(CHAT, "Set 2 of 2"), Message)


async def test_a_refusal_still_raises_with_results_unread(
    api_and_bot: tuple[FakeBotApi, ExtBot[None]],
) -> None:
    _, bot = api_and_bot
    with results_unread(), pytest.raises(BadRequest):
        await bot.edit_message_text("nothing to edit", CHAT, 999_999)
