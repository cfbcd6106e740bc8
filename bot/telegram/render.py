"""The engine's plain-text replies as Telegram messages: escaped HTML, split, inline keyboards."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any

from telegram import Bot, CallbackQuery, Message
from telegram.constants import ChatAction, MessageLimit
from telegram.error import TelegramError

from bot.coach.replies import Button, Reply
from bot.telegram.request import results_unread
from bot.telegram.webhook import offer_to_webhook_reply

log = logging.getLogger(__name__)

TEXT_LIMIT = int(MessageLimit.MAX_TEXT_LENGTH)  # 4096, counted after HTML parsing
CAPTION_LIMIT = int(MessageLimit.CAPTION_LENGTH)  # 1024


def utf16_length(text: str) -> int:
    """Telegram counts lengths in UTF-16 code units: an emoji can count twice."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Plain text in pieces of at most `limit` units, cut at a paragraph, line or space if any."""
    pieces: list[str] = []
    rest = text
    while utf16_length(rest) > limit:
        fits, used = 0, 0
        for char in rest:
            used += 2 if ord(char) > 0xFFFF else 1
            if used > limit:
                break
            fits += 1
        cut = fits
        for separator in ("\n\n", "\n", " "):
            found = rest.rfind(separator, 0, fits)
            if found > fits // 2:
                cut = found
                break
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not pieces:
        pieces.append(rest)
    return pieces


Keyboard = dict[str, Any]


def keyboard(buttons: Sequence[Sequence[Button]]) -> Keyboard | None:
    """The inline keyboard as the Bot API's JSON (an InlineKeyboardMarkup of text and
    callback_data buttons), sent through the method's api_kwargs (with_keyboard).

    Not PTB's InlineKeyboardMarkup: one object per button, built and then turned back into
    this same JSON, cost 0.4 ms for a set prompt's twelve buttons, a tenth of the bot's CPU per
    update (bench/README.md, fourth round); the wire format is the same.
    """
    if not buttons:
        return None
    rows = [[{"text": b.label, "callback_data": b.data} for b in row] for row in buttons]
    return {"inline_keyboard": rows}


def with_keyboard(markup: Keyboard | None) -> dict[str, Any] | None:
    """The api_kwargs that send this keyboard (PTB adds them to the request as given)."""
    return None if markup is None else {"reply_markup": markup}


class DeliveryFailed(Exception):
    """The engine's outcome is committed, but Telegram refused or lost part of the reply."""


async def send_replies(bot: Bot, chat_id: int, replies: Sequence[Reply]) -> None:
    try:
        with results_unread():
            for reply in replies:
                await send_reply(bot, chat_id, reply)
    except TelegramError as exc:
        raise DeliveryFailed(f"chat {chat_id}: {exc}") from exc


async def send_reply(bot: Bot, chat_id: int, reply: Reply) -> None:
    """One Reply: text (escaped, split), a photo or a document; its buttons on the last message."""
    markup = keyboard(reply.buttons)
    texts = [piece for piece in split_text(reply.text) if piece.strip()]
    if not texts and markup is not None and reply.photo is None and reply.document is None:
        texts = ["…"]  # Telegram needs some text to hang buttons on
    if reply.photo is not None or reply.document is not None:
        # A short text rides along as the caption; a long one follows as messages.
        fits = len(texts) == 1 and utf16_length(texts[0]) <= CAPTION_LIMIT
        caption = texts.pop(0) if fits else None
        media_markup = markup if not texts else None
        await send_media(bot, chat_id, reply, caption, media_markup)
    for number, text in enumerate(texts, start=1):
        last = number == len(texts)
        await bot.send_message(
            chat_id, html.escape(text), api_kwargs=with_keyboard(markup if last else None)
        )


async def send_media(
    bot: Bot,
    chat_id: int,
    reply: Reply,
    caption: str | None,
    markup: Keyboard | None,
) -> None:
    escaped = html.escape(caption) if caption else None
    if reply.photo is not None:
        await chat_action(bot, chat_id, ChatAction.UPLOAD_PHOTO)
        await bot.send_photo(
            chat_id, reply.photo, caption=escaped, api_kwargs=with_keyboard(markup)
        )
    if reply.document is not None:
        name, content = reply.document
        await chat_action(bot, chat_id, ChatAction.UPLOAD_DOCUMENT)
        await bot.send_document(
            chat_id, content, filename=name, caption=escaped, api_kwargs=with_keyboard(markup)
        )


async def chat_action(bot: Bot, chat_id: int, action: ChatAction) -> None:
    """Only decoration: some Bot API servers refuse it, and that must not stop the reply."""
    try:
        await bot.send_chat_action(chat_id, action)
    except TelegramError as exc:
        log.warning("sendChatAction failed, carrying on: %s", exc)


async def answer_query(query: CallbackQuery, notice: str | None) -> None:
    """Every press is answered (else the button spins); a toast when the engine has something.

    By webhook, the answer rides on the webhook's own HTTP answer: one request less per press.
    """
    text = notice[:200] if notice else None
    if offer_to_webhook_reply("answerCallbackQuery", {"callback_query_id": query.id, "text": text}):
        return
    try:
        await query.answer(text)
    except TelegramError as exc:  # too old to answer, say: the press itself was handled
        log.warning("could not answer callback query: %s", exc)


async def mark_chosen(query: CallbackQuery, chosen: str | None) -> None:
    """The pressed message loses its keyboard and, when the engine says so, shows the choice."""
    message = query.message
    if not isinstance(message, Message):
        return  # too old for Telegram to show us; nothing to edit
    shown = message.text if message.text is not None else message.caption
    chosen = chosen[:200] if chosen else None
    try:
        with results_unread():
            await _edit_pressed(message, shown, chosen)
    except TelegramError as exc:
        # "message is not modified", deleted meanwhile...: the press itself was handled.
        log.warning("could not edit the pressed message: %s", exc)


async def _edit_pressed(message: Message, shown: str | None, chosen: str | None) -> None:
    if chosen and shown is not None:
        limit = (TEXT_LIMIT if message.text is not None else CAPTION_LIMIT) - 8
        body = split_text(shown, limit - utf16_length(chosen))[0]
        edited = f"{html.escape(body)}\n\n✓ <b>{html.escape(chosen)}</b>"
        if message.text is not None:
            await message.edit_text(edited, reply_markup=None)
        else:
            await message.edit_caption(edited, reply_markup=None)
    elif message.reply_markup is not None and message.reply_markup.inline_keyboard:
        await message.edit_reply_markup(reply_markup=None)
