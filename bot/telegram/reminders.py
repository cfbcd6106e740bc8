"""Reminders on Telegram: the reminder service sending through the bot, in each chat's turn."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.content import Exercise
from bot.reminders.fanout import Sender
from bot.reminders.model import Delivery, SendResult
from bot.reminders.service import ReminderService
from bot.storage import Database
from bot.storage.reminder_claims import claims_unit
from bot.telegram import render
from bot.telegram.processor import ChatLocks

TG = "tg:"
# Telegram's answer when the chat is gone (account deleted): as final as a block.
CHAT_GONE = "chat not found"


def seconds(value: float | timedelta) -> float:
    """RetryAfter.retry_after: a timedelta with PTB_TIMEDELTA set (bot/telegram/__init__.py)."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def worker_name() -> str:
    """This process among the replicas; claims are held in its name (64 characters at most)."""
    return f"{socket.gethostname()}:{os.getpid()}"[-64:]


def sender(bot: Bot, locks: ChatLocks) -> Sender:
    """Sends one reminder message, in the chat's turn so it never lands mid-reply."""

    async def send(delivery: Delivery) -> SendResult:
        chat = delivery.user_key.removeprefix(TG)
        if not delivery.user_key.startswith(TG) or not chat.lstrip("-").isdigit():
            # A terminal user's reminder in a shared database: Telegram cannot reach them, so
            # their reminders pause (as for a block) instead of being retried for ever.
            return SendResult.blocked()
        chat_id = int(chat)
        try:
            async with locks.hold(chat_id):
                await render.send_reply(bot, chat_id, delivery.reply)
        except Forbidden:
            return SendResult.blocked()
        except BadRequest as exc:
            if CHAT_GONE in exc.message.lower():
                return SendResult.blocked()
            raise  # the fan-out logs it and tries again later: late, not lost
        except RetryAfter as exc:
            return SendResult.retry(seconds(exc.retry_after))
        except (TimedOut, NetworkError):  # a flaky connection: soon again
            return SendResult.retry(1.0)
        return SendResult.ok()

    return send


def reminder_service(
    database: Database,
    bot: Bot,
    locks: ChatLocks,
    library: Mapping[str, Exercise],
    *,
    clock: Callable[[], datetime],
    grace_minutes: int,
    per_second: float,
) -> ReminderService:
    return ReminderService(
        lambda: claims_unit(database, key_prefix=TG),
        sender(bot, locks),
        library,
        worker=worker_name(),
        clock=clock,
        grace=timedelta(minutes=grace_minutes),
        rate_per_second=per_second,
    )
