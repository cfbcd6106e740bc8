"""Rendering against the fake Bot API: what Telegram accepts and what the user then sees."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram.constants import ParseMode
from telegram.ext import Defaults, ExtBot

from bot.coach.replies import Button, Reply
from bot.telegram.render import send_reply
from tests.fakebotapi import FakeBotApi, FakeUser

CHAT = 77
BUTTONS = ((Button("8", "c:3:n:8"), Button("Stop", "c:3:x")),)


@pytest.fixture
async def sent() -> AsyncIterator[tuple[FakeBotApi, ExtBot[None]]]:
    async with FakeBotApi() as api:
        FakeUser(api, CHAT)
        bot: ExtBot[None] = ExtBot(
            api.token, base_url=api.base_url, defaults=Defaults(parse_mode=ParseMode.HTML)
        )
        async with bot:
            yield api, bot


async def test_a_long_reply_arrives_whole_in_several_messages_buttons_on_the_last(
    sent: tuple[FakeBotApi, ExtBot[None]],
) -> None:
    api, bot = sent
    text = "\n".join(f"Set {n} · Left & right <b>{n * 3}</b> reps" for n in range(400))
    await send_reply(bot, CHAT, Reply(text, BUTTONS))
    messages = api.records.bot_messages(CHAT)
    assert len(messages) > 3
    assert "".join(m.shown for m in messages).replace("\n", "") == text.replace("\n", "")
    assert [bool(m.keyboard) for m in messages] == [False] * (len(messages) - 1) + [True]
    assert messages[-1].labels() == ["8", "Stop"]


async def test_a_chart_is_a_photo_with_its_text_as_caption(
    sent: tuple[FakeBotApi, ExtBot[None]],
) -> None:
    api, bot = sent
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    await send_reply(bot, CHAT, Reply("Right leg closed the gap: 3 → 1 reps", BUTTONS, photo=png))
    (message,) = api.records.bot_messages(CHAT)
    assert message.photo == png
    assert message.caption == "Right leg closed the gap: 3 → 1 reps"
    assert message.labels() == ["8", "Stop"]
    assert [c.method for c in api.records.calls][-2:] == ["sendChatAction", "sendPhoto"]


async def test_an_export_is_a_document_and_a_long_text_follows_it(
    sent: tuple[FakeBotApi, ExtBot[None]],
) -> None:
    api, bot = sent
    text = "Your sets, all of them. " * 60  # longer than a caption may be
    await send_reply(bot, CHAT, Reply(text, document=("sets.csv", b"date,side,reps\n")))
    document, *rest = api.records.bot_messages(CHAT)
    assert document.document == ("sets.csv", b"date,side,reps\n")
    assert document.caption is None
    assert "".join(m.shown for m in rest).replace(" ", "") == text.replace(" ", "")


async def test_a_failing_chat_action_does_not_stop_the_photo(
    sent: tuple[FakeBotApi, ExtBot[None]],
) -> None:
    api, bot = sent
    api.inject("500", "sendChatAction", times=10)
    await send_reply(bot, CHAT, Reply("chart", photo=b"\x89PNG"))
    assert [m.caption for m in api.records.bot_messages(CHAT)] == ["chart"]
