"""Splitting long replies under Telegram's limit, counted the way Telegram counts."""

from __future__ import annotations

import json

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.request import BaseRequest, RequestData

from bot.coach.replies import Button
from bot.telegram.render import TEXT_LIMIT, keyboard, split_text, utf16_length, with_keyboard


def test_a_short_reply_is_one_message_unchanged() -> None:
    assert split_text("Set 1 of 3 · Left leg") == ["Set 1 of 3 · Left leg"]


def test_a_long_reply_is_cut_at_paragraphs_under_the_limit() -> None:
    paragraph = "Drive through the heel, ribs down, pause at the top. " * 20
    text = "\n\n".join([paragraph.strip()] * 12)  # about 12 000 characters
    pieces = split_text(text)
    assert len(pieces) > 2
    assert all(utf16_length(piece) <= TEXT_LIMIT for piece in pieces)
    assert all(piece == paragraph.strip() or "\n\n" in piece for piece in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    text = "💪" * 3000  # 3000 characters, 6000 UTF-16 units: over the limit
    pieces = split_text(text)
    assert len(pieces) == 2
    assert all(utf16_length(piece) <= TEXT_LIMIT for piece in pieces)
    assert "".join(pieces) == text


def test_text_without_spaces_is_cut_hard_and_nothing_is_lost() -> None:
    text = "x" * (TEXT_LIMIT * 2 + 5)
    pieces = split_text(text)
    assert [len(piece) for piece in pieces] == [TEXT_LIMIT, TEXT_LIMIT, 5]


class Captured(BaseRequest):
    """A Bot API that keeps every request's parameters and answers like Telegram."""

    def __init__(self) -> None:
        self.sent: list[dict[str, object]] = []

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    @property
    def read_timeout(self) -> float | None:
        return None

    async def do_request(  # type: ignore[override]
        self, url: str, method: str, request_data: RequestData | None = None, **_: object
    ) -> tuple[int, bytes]:
        assert isinstance(request_data, RequestData)
        self.sent.append({**request_data.parameters})
        message = {"message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"}}
        return 200, json.dumps({"ok": True, "result": message}).encode()


async def test_a_keyboard_goes_out_as_the_json_ptb_would_send_for_it() -> None:
    """The coach sends its keyboards as the Bot API's JSON through api_kwargs (no PTB object
    per button): the request carries exactly what python-telegram-bot's InlineKeyboardMarkup
    would."""
    rows = [
        [Button("8", "c:4:r:8"), Button("9", "c:4:r:9")],
        [Button("↩ Undo last set", "c:4:undo"), Button("Stop", "c:4:stop")],
    ]
    ptb = InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in rows]
    )
    api = Captured()
    bot = Bot("123:abc", request=api)
    await bot.send_message(42, "Set 1", api_kwargs=with_keyboard(keyboard(rows)))
    await bot.send_message(42, "Set 1", reply_markup=ptb)
    assert api.sent[0] == api.sent[1]
    assert api.sent[0]["reply_markup"]["inline_keyboard"][1][0] == {  # type: ignore[index]
        "text": "↩ Undo last set",
        "callback_data": "c:4:undo",
    }
    assert keyboard([]) is None and with_keyboard(None) is None
