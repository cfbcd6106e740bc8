"""Thin handlers: a Telegram update becomes one engine event; the outcome becomes messages."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)

from bot.coach.events import Command, Document, Press, Text, TimerDue
from bot.coach.ports import ConflictError, StaleStateError
from bot.imports.csvfile import MAX_BYTES, too_big
from bot.observability import note_error
from bot.storage.errors import is_unavailable
from bot.telegram import render, webhook
from bot.telegram.context import CoachContext, TimerJob

log = logging.getLogger(__name__)

# Said only when nothing was changed for sure: the error came from inside the unit of work,
# which rolled back, and it was no database failure (one at COMMIT may have committed).
SORRY_NOTICE = "Sorry, that didn't work. Nothing was changed."
SORRY = (
    "Sorry, something went wrong on my side and nothing was changed. "
    "Send your answer again in a moment, or /help to see what I can do."
)
# The database failed and the update cannot be delivered again (long polling): it may or may
# not have gone in, so the user is told how to find out. By webhook nothing is said: Telegram
# delivers the update again (bot/telegram/webhook.py) and that delivery answers.
SORRY_UNSURE_NOTICE = "Sorry, I couldn't reach my records. Send /start to see where we are."
SORRY_UNSURE = (
    "Sorry, I couldn't reach my records just now, so I can't tell whether that went in. "
    "Send /start in a moment to see where we are."
)
SORRY_TIMER = (
    "Sorry, my countdown hit a problem on my side. "
    "Carry on when you're ready, or send /start to see where we are."
)
SORRY_UNSENT = (
    "Sorry, I couldn't send all of my reply, but what you told me is saved. "
    "Send /start to see where we are."
)
ONLY_TEXT = "I can read text and buttons only: type your answer, or /help."
PRIVATE_ONLY = "I coach one person at a time: message me directly."

PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE


def _storable(text: str) -> str:
    """Without NUL: PostgreSQL stores no NUL in text or JSON, and no person means one."""
    return text.replace("\x00", "")


async def on_command(update: Update, context: CoachContext) -> None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.text is None:
        return
    word, _, args = _storable(message.text).removeprefix("/").partition(" ")
    name = word.split("@", 1)[0].lower()  # "/workout@coach_bot" in a menu tap
    outcome = await context.services.handle(chat.id, Command(name, args.strip()), update.update_id)
    await render.send_replies(context.bot, chat.id, outcome.replies)


async def on_text(update: Update, context: CoachContext) -> None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.text is None:
        return
    outcome = await context.services.handle(
        chat.id, Text(_storable(message.text)), update.update_id
    )
    await render.send_replies(context.bot, chat.id, outcome.replies)


async def on_document(update: Update, context: CoachContext) -> None:
    """A file sent (a workout app's export): refused before downloading when Telegram says it
    is over the limit, else fetched with getFile and handed to the coach as a Document."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.document is None:
        return
    document = message.document
    if document.file_size is not None and document.file_size > MAX_BYTES:
        await message.reply_text(too_big(document.file_size))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    name = _storable(document.file_name or "file")
    outcome = await context.services.handle(chat.id, Document(name, data), update.update_id)
    await render.send_replies(context.bot, chat.id, outcome.replies)


async def on_press(update: Update, context: CoachContext) -> None:
    query, chat = update.callback_query, update.effective_chat
    if query is None:
        return
    if chat is None or chat.type != chat.PRIVATE:
        await render.answer_query(query, PRIVATE_ONLY)
        return
    try:
        outcome = await context.services.handle(chat.id, Press(query.data or ""), update.update_id)
    except Exception as error:
        if not webhook.ask_again(error):  # else left to the next delivery to answer
            unsure = webhook.passes(error)
            await render.answer_query(query, SORRY_UNSURE_NOTICE if unsure else SORRY_NOTICE)
        raise  # the error handler logs it
    await render.answer_query(query, outcome.notice)
    # The pressed message's edit and the replies go out together: the edit changes a message
    # already shown, so its order among the new ones never shows, and the user waits one trip
    # to Telegram for the next prompt instead of two.
    # Both finish before a failure goes on to the error handler, so nothing is left running.
    edited, sent = await asyncio.gather(
        render.mark_chosen(query, outcome.chosen),
        render.send_replies(context.bot, chat.id, outcome.replies),
        return_exceptions=True,
    )
    for result in (sent, edited):
        if isinstance(result, BaseException):
            raise result


async def on_timer(context: CoachContext) -> None:
    """A rest or side-switch timer came due: wake the engine in the chat's turn, like an update."""
    job = context.job
    if job is None or not isinstance(job.data, TimerJob):
        return
    due = job.data
    async with context.services.locks.hold(due.chat_id):
        outcome = await context.services.handle(due.chat_id, TimerDue(due.kind, due.token))
        await render.send_replies(context.bot, due.chat_id, outcome.replies)


async def on_other(update: Update, context: CoachContext) -> None:
    """Stickers, photos, voice notes: say what works instead of guessing."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(ONLY_TEXT)


async def on_group_command(update: Update, context: CoachContext) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text(PRIVATE_ONLY)


async def on_error(update: object, context: CoachContext) -> None:
    """The one error handler: log the update id and the error, tell the user what to do next."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %r", update_id, context.error, exc_info=context.error)
    note_error(context.error)
    context.bot_data.metrics.errors.labels(
        "update" if isinstance(update, Update) else "job", _error_kind(context.error)
    ).inc()
    chat_id: int | None = None
    if isinstance(update, Update) and update.effective_chat is not None:
        chat_id = update.effective_chat.id
    elif context.job is not None and isinstance(context.job.data, TimerJob):
        chat_id = context.job.data.chat_id
    if chat_id is None or chat_id < 0:
        return
    if isinstance(update, Update) and webhook.ask_again(context.error):
        log.info("update %s is left to Telegram to deliver again", update_id)
        return
    text = _sorry(update, context.error)
    try:
        await context.bot.send_message(chat_id, text)
    except TelegramError as exc:
        log.warning("could not tell chat %s about the error: %s", chat_id, exc)


def _sorry(update: object, error: BaseException | None) -> str:
    """What to tell the user, and no more than is known: a reply that failed after the commit,
    a database failure (applied or not, nobody knows), or a failure that changed nothing."""
    if isinstance(error, render.DeliveryFailed):
        return SORRY_UNSENT
    if not isinstance(update, Update):
        return SORRY_TIMER
    return SORRY_UNSURE if webhook.passes(error) else SORRY


def _error_kind(error: object) -> str:
    if isinstance(error, StaleStateError):
        return "stale"
    if isinstance(error, ConflictError):
        return "conflict"
    if isinstance(error, BaseException) and is_unavailable(error):
        return "database"
    if isinstance(error, render.DeliveryFailed):
        return "delivery"
    return "telegram" if isinstance(error, TelegramError) else "internal"


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Order matters within the group: commands before text, private before group catch-alls."""
    application.add_handler(MessageHandler(PRIVATE & filters.COMMAND, on_command))
    application.add_handler(MessageHandler(PRIVATE & filters.TEXT, on_text))
    application.add_handler(CallbackQueryHandler(on_press))
    application.add_handler(MessageHandler(PRIVATE & filters.Document.ALL, on_document))
    application.add_handler(MessageHandler(PRIVATE & ~filters.TEXT, on_other))
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, on_group_command)
    )
    application.add_error_handler(on_error)
