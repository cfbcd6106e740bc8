"""The fake behaves like Telegram where the coach's tests rely on it (else they prove little)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, RetryAfter

from tests.fakebotapi import FakeBotApi, FakeUser, FloodLimits
from tests.fakebotapi.telegram_html import EntityParseError, parse_html


@pytest.fixture
async def bot_and_api() -> AsyncIterator[tuple[Bot, FakeBotApi]]:
    async with FakeBotApi(limits=FloodLimits(per_chat_per_second=3, global_per_second=100)) as api:
        FakeUser(api, 5)
        async with Bot(api.token, base_url=api.base_url) as bot:
            yield bot, api


@pytest.mark.parametrize("bad", ["<script>", "a < b", "fish & chips", "<b>open", "</i>", "&nbsp;"])
def test_html_that_telegram_refuses_is_refused(bad: str) -> None:
    with pytest.raises(EntityParseError):
        parse_html(bad)


def test_escaped_html_reads_as_the_plain_text() -> None:
    assert (
        parse_html("<b>Set 1</b> &lt;left&gt; &amp; &#x27;right&#x27;") == "Set 1 <left> & 'right'"
    )


async def test_unescaped_text_is_a_bad_request(bot_and_api: tuple[Bot, FakeBotApi]) -> None:
    bot, api = bot_and_api
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(5, "<b>12 reps", parse_mode="HTML")
    assert api.records.bot_messages(5) == []


async def test_an_edit_that_changes_nothing_is_refused(bot_and_api: tuple[Bot, FakeBotApi]) -> None:
    bot, _ = bot_and_api
    sent = await bot.send_message(5, "Set 1")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Set 1", chat_id=5, message_id=sent.message_id)


async def test_a_callback_query_can_be_answered_once(bot_and_api: tuple[Bot, FakeBotApi]) -> None:
    bot, api = bot_and_api
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("8", callback_data="c:1:n:8")]])
    await bot.send_message(5, "Set 1", reply_markup=keyboard)
    press = FakeUser(api, 5).press(api.records.last_keyboard(5), "8")
    query_id = press["callback_query"]["id"]
    await bot.answer_callback_query(query_id, "Logged")
    with pytest.raises(BadRequest):
        await bot.answer_callback_query(query_id)


async def test_a_stranger_cannot_be_messaged_and_blocked_users_refuse(
    bot_and_api: tuple[Bot, FakeBotApi],
) -> None:
    bot, api = bot_and_api
    with pytest.raises(Forbidden):
        await bot.send_message(999, "hello")
    api.records.blocked.add(5)
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(5, "hello")


async def test_more_than_the_per_chat_limit_gets_429(bot_and_api: tuple[Bot, FakeBotApi]) -> None:
    bot, api = bot_and_api
    for n in range(3):
        await bot.send_message(5, f"line {n}")
    with pytest.raises(RetryAfter):
        await bot.send_message(5, "one too many")
    assert len(api.records.bot_messages(5)) == 3


async def test_long_polling_waits_for_the_next_update(bot_and_api: tuple[Bot, FakeBotApi]) -> None:
    bot, api = bot_and_api
    waiting = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await api.deliver(FakeUser(api, 5).text("12"))
    (update,) = await waiting
    assert update.message is not None and update.message.text == "12"
