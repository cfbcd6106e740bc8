"""Flood control: one budget (global and per chat, shared by replicas via Redis) on every call."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, BaseRateLimiter

from bot.config import Settings
from bot.observability import Metrics
from bot.reminders.send_budget import LocalBudget, SendBudget

log = logging.getLogger(__name__)

# Chat actions ("typing…") are not messages; Telegram does not count them against the chat.
_NOT_COUNTED = frozenset({"sendChatAction", "answerCallbackQuery"})
# rate_limit_args=PREPAID: the caller took this message's budget already (the reminder fan-out)
# and handles a 429 or a lost connection itself: no second wait, no retry here.
PREPAID = -1
# Telegram's rate for messages sent with allow_paid_broadcast (a fee per message above 30/s).
PAID_BROADCAST_PER_SECOND = 1000.0

Result = bool | dict[str, Any] | list[dict[str, Any]]
Callback = Callable[..., Coroutine[Any, Any, Result]]


def chat_key(chat_id: int | str) -> str:
    """The chat's name in the flood budget: the coach's user key, as reminders name it too."""
    return f"tg:{chat_id}"


def seconds(value: float | timedelta) -> float:
    """RetryAfter.retry_after: a timedelta with PTB_TIMEDELTA set (bot/telegram/__init__.py)."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@dataclass
class Budgets:
    """The bot's budget (every call), and the one reminders are sent under (the same one, or
    Telegram's paid broadcast rate when opted in)."""

    bot: SendBudget
    reminders: SendBudget

    async def close(self) -> None:
        for budget in {id(self.bot): self.bot, id(self.reminders): self.reminders}.values():
            close = getattr(budget, "close", None)
            if close is not None:
                await close()


def settings_budgets(settings: Settings) -> Budgets:
    """flood_budgets as the settings say (COACH_REDIS_URL, COACH_REMINDERS_PAID_BROADCAST)."""
    return flood_budgets(
        settings.per_chat_per_second, settings.global_per_second, redis_url=settings.redis_url,
        prefix=settings.redis_prefix, paid_broadcast=settings.paid_broadcast,
    )  # fmt: skip


def flood_budgets(
    per_chat_per_second: float,
    global_per_second: float,
    *,
    redis_url: str | None = None,
    prefix: str = "coach:",
    paid_broadcast: bool = False,
) -> Budgets:
    """Budgets in Redis when a URL is given (one count for every replica), else this process's."""
    paid_rate = PAID_BROADCAST_PER_SECOND
    if redis_url:
        from bot.storage.flood import redis_budget

        bot: SendBudget = redis_budget(redis_url, global_per_second, per_chat_per_second, prefix)
        paid: SendBudget = redis_budget(redis_url, paid_rate, per_chat_per_second, prefix + "paid:")
    else:
        bot = LocalBudget(global_per_second, per_chat_per_second)
        paid = LocalBudget(paid_rate, per_chat_per_second)
    return Budgets(bot, paid if paid_broadcast else bot)


class CoachRateLimiter(BaseRateLimiter[int]):
    """The flood budget per chat and overall, then PTB's group limit and 429 retries
    (AIORateLimiter, its own overall limit off: the budget is the overall limit).

    The budget is taken inside the call, so each of AIORateLimiter's retries takes it again;
    a 429 pauses the whole budget (every replica, with Redis) before the retry waits it out.
    Server errors, timeouts and dropped connections are retried a few times with a short pause;
    a 400 (bad request) or 403 (blocked) is never retried.
    """

    def __init__(
        self,
        per_chat_per_second: float,
        global_per_second: float,
        group_per_minute: float,
        *,
        budget: SendBudget | None = None,
        budgets: Budgets | None = None,
        flood_retries: int = 8,
        network_retries: int = 3,
        network_pause: float = 0.25,
        metrics: Metrics | None = None,
    ) -> None:
        # budgets: the bot's (and the reminders'), closed with the bot; budget: a bare one.
        self._budgets = budgets
        chosen = budget or (budgets.bot if budgets else None)
        self.budget: SendBudget = chosen or LocalBudget(global_per_second, per_chat_per_second)
        self._overall = AIORateLimiter(
            overall_max_rate=0,
            group_max_rate=1,
            group_time_period=60 / group_per_minute,
            max_retries=flood_retries,
        )
        self._network_retries = network_retries
        self._network_pause = network_pause
        self.metrics = metrics

    async def initialize(self) -> None:
        await self._overall.initialize()

    async def shutdown(self) -> None:
        await self._overall.shutdown()
        if self._budgets is not None:
            await self._budgets.close()

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        if self.metrics is not None:
            callback = _counted(callback, endpoint, self.metrics)
        chat_id = data.get("chat_id")
        prepaid = rate_limit_args == PREPAID
        callback = self._within_budget(callback, endpoint, chat_id, prepaid)
        if prepaid:
            return await callback(*args, **kwargs)
        for attempt in range(self._network_retries + 1):
            try:
                return await self._overall.process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except BadRequest:
                raise
            except NetworkError as exc:
                if attempt == self._network_retries:
                    raise
                log.warning("%s failed (%s); retrying", endpoint, exc)
                await asyncio.sleep(self._network_pause * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _within_budget(
        self, callback: Callback, endpoint: str, chat_id: object, prepaid: bool
    ) -> Callback:
        budget = self.budget
        # Like Telegram (and PTB), the overall limit counts calls to a chat; the chat's own
        # limit counts messages only.
        counted = isinstance(chat_id, int | str) and not prepaid
        chat = chat_key(chat_id) if counted and endpoint not in _NOT_COUNTED else None  # type: ignore[arg-type]

        async def call(*args: Any, **kwargs: Any) -> Result:
            if counted:
                await budget.acquire(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                await budget.pause(seconds(exc.retry_after))
                raise

        return call


def _counted(callback: Callback, endpoint: str, metrics: Metrics) -> Callback:
    """The call, counted per answer: each 429 (before AIORateLimiter waits it out), each send."""

    async def call(*args: Any, **kwargs: Any) -> Result:
        try:
            result = await callback(*args, **kwargs)
        except RetryAfter:
            metrics.api_call(endpoint, flood_wait=True)
            raise
        metrics.api_call(endpoint)
        return result

    return call
