"""Flood control: Telegram's per-chat limit on top of PTB's overall and group limits; retries."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, BaseRateLimiter

from bot.observability import Metrics

log = logging.getLogger(__name__)

# Chat actions ("typing…") are not messages; Telegram does not count them against the chat.
_NOT_COUNTED = frozenset({"sendChatAction", "answerCallbackQuery"})
_MAX_IDLE_LIMITERS = 1024

Result = bool | dict[str, Any] | list[dict[str, Any]]
Callback = Callable[..., Coroutine[Any, Any, Result]]


def _spaced(per_second: float) -> AsyncLimiter:
    # One request per slot, evenly spaced: no burst can put two requests in one slot, which a
    # bucket of capacity N would allow and a strict per-second counter (like Telegram's) refuse.
    return AsyncLimiter(max_rate=1, time_period=1 / per_second)


class CoachRateLimiter(BaseRateLimiter[int]):
    """Per chat, then overall and per group (AIORateLimiter, which also waits out 429s).

    Server errors, timeouts and dropped connections are retried a few times with a short pause;
    a 400 (bad request) or 403 (blocked) is never retried.
    """

    def __init__(
        self,
        per_chat_per_second: float,
        global_per_second: float,
        group_per_minute: float,
        *,
        flood_retries: int = 8,
        network_retries: int = 3,
        network_pause: float = 0.25,
        metrics: Metrics | None = None,
    ) -> None:
        self._per_chat_rate = per_chat_per_second
        self._chats: dict[int | str, AsyncLimiter] = {}
        self._overall = AIORateLimiter(
            overall_max_rate=1,
            overall_time_period=1 / global_per_second,
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

    def _chat_limiter(self, chat_id: int | str) -> AsyncLimiter:
        if len(self._chats) > _MAX_IDLE_LIMITERS:
            for key, limiter in list(self._chats.items()):
                if key != chat_id and limiter.has_capacity():
                    del self._chats[key]
        if chat_id not in self._chats:
            self._chats[chat_id] = _spaced(self._per_chat_rate)
        return self._chats[chat_id]

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        chat_id = data.get("chat_id")
        if self.metrics is not None:
            callback = _counted(callback, endpoint, self.metrics)
        for attempt in range(self._network_retries + 1):
            per_chat: contextlib.AbstractAsyncContextManager[Any] = contextlib.nullcontext()
            if isinstance(chat_id, int | str) and endpoint not in _NOT_COUNTED:
                per_chat = self._chat_limiter(chat_id)
            try:
                async with per_chat:
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
