"""Reminders on Telegram: the reminder service sending through the bot, in each chat's turn."""

from __future__ import annotations

import html
import os
import socket
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot

from bot.content import Exercise
from bot.reminders.domain import Delivery, SendResult
from bot.reminders.fanout import Sender
from bot.reminders.send_budget import SendBudget
from bot.reminders.service import Probe, ReminderService
from bot.storage import Database
from bot.storage.reminder_claims import claims_unit
from bot.telegram import render
from bot.telegram.flood_control import PREPAID, seconds
from bot.telegram.processor import ChatLocks

TG = "tg:"
# Telegram's answer when the chat is gone (account deleted): as final as a block.
CHAT_GONE = "chat not found"


def worker_name() -> str:
    """This process among the replicas; claims are held in its name (64 characters at most)."""
    return f"{socket.gethostname()}:{os.getpid()}"[-64:]


def sender(bot: ExtBot[Any], locks: ChatLocks, *, paid_broadcast: bool = False) -> Sender:
    """Sends one reminder message, in the chat's turn so it never lands mid-reply.

    The fan-out has taken the message's flood budget already (PREPAID: the bot's rate limiter
    does not wait again), and a 429 or a lost connection comes back as a result, not a retry
    here: the fan-out pauses everyone, or hands the claim back for another replica.
    """
    paid = True if paid_broadcast else None

    async def send(delivery: Delivery) -> SendResult:
        chat = delivery.user_key.removeprefix(TG)
        if not delivery.user_key.startswith(TG) or not chat.lstrip("-").isdigit():
            # A terminal user's reminder in a shared database: Telegram cannot reach them, so
            # their reminders pause (as for a block) instead of being retried for ever.
            return SendResult.blocked()
        chat_id = int(chat)
        reply = delivery.reply
        pieces = render.split_text(reply.text)
        try:
            async with locks.hold(chat_id):
                if len(pieces) != 1 or reply.photo is not None or reply.document is not None:
                    await render.send_reply(bot, chat_id, reply)  # never for today's texts
                else:
                    await bot.send_message(
                        chat_id,
                        html.escape(pieces[0]),
                        api_kwargs=render.with_keyboard(render.keyboard(reply.buttons)),
                        allow_paid_broadcast=paid,
                        rate_limit_args=PREPAID,
                    )
        except Forbidden:
            return SendResult.blocked()
        except BadRequest as exc:
            if CHAT_GONE in exc.message.lower():
                return SendResult.blocked()
            raise  # the fan-out logs it and hands the claim back: late, not lost
        except RetryAfter as exc:
            return SendResult.retry(seconds(exc.retry_after))
        except (TimedOut, NetworkError):  # this replica cannot reach Telegram: another may
            return SendResult.failed()
        return SendResult.ok()

    return send


def probe(bot: ExtBot[Any]) -> Probe:
    """After failed sends, the try before claiming again: does the Bot API answer getMe?"""

    async def answers() -> bool:
        try:
            await bot.get_me(rate_limit_args=PREPAID)
        except (TimedOut, NetworkError):
            return False
        return True

    return answers


async def stop_reminders(application: Any) -> None:
    """Application.post_stop: stop the fan-out (unsent claims handed back) while the bot can
    still send; the JobQueue never waits for it (its jobs only start runs)."""
    try:
        reminders = application.bot_data.services.reminders
    except RuntimeError:  # services are built in post_init: never started
        return
    if reminders is not None:
        await reminders.stop()


def reminder_service(
    database: Database,
    bot: ExtBot[Any],
    locks: ChatLocks,
    library: Mapping[str, Exercise],
    *,
    clock: Callable[[], datetime],
    grace_minutes: int,
    budget: SendBudget,
    paid_broadcast: bool = False,
) -> ReminderService:
    """The service on this bot: sends under `budget` (the bot's, shared through Redis when
    configured, or Telegram's paid broadcast rate when opted in)."""
    return ReminderService(
        lambda: claims_unit(database, key_prefix=TG),
        sender(bot, locks, paid_broadcast=paid_broadcast),
        library,
        worker=worker_name(),
        clock=clock,
        grace=timedelta(minutes=grace_minutes),
        budget=budget,
        probe=probe(bot),
    )
