"""Updates of one chat in arrival order, of different chats concurrently."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.observability import UpdateObserver

# The base class bounds concurrency *before* our per-chat lock, and a semaphore does not promise
# to wake waiters in arrival order; so it gets a bound it never reaches and ours comes after.
_UNREACHED = 1_000_000


class ChatLocks:
    """One lock per chat, shared by updates and timers; dropped when nobody holds or awaits it."""

    def __init__(self) -> None:
        self._locks: dict[int, asyncio.Lock] = {}
        self._holders: dict[int, int] = {}

    @asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        # asyncio.Lock hands itself over in FIFO order, and acquiring a free lock does not
        # yield, so whoever calls hold() first for a chat goes first.
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._holders[chat_id] = self._holders.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._holders[chat_id] -= 1
            if not self._holders[chat_id]:
                del self._holders[chat_id], self._locks[chat_id]

    def __len__(self) -> int:
        return len(self._locks)


class ChatOrderedProcessor(BaseUpdateProcessor):
    """At most `concurrency` updates at once; one chat's updates strictly one after another."""

    def __init__(
        self, locks: ChatLocks, concurrency: int = 64, observer: UpdateObserver | None = None
    ) -> None:
        super().__init__(max_concurrent_updates=_UNREACHED)
        self.locks = locks
        self.observer = observer
        self._concurrency = concurrency
        self._bound = asyncio.Semaphore(concurrency)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._bound, self._observed(update):
                await coroutine
            return
        # Observed inside the chat's lock: the time is the handler's, not the queue's.
        async with self.locks.hold(chat.id), self._bound, self._observed(update):
            await coroutine

    def _observed(self, update: object) -> contextlib.AbstractAsyncContextManager[Any]:
        if self.observer is None:
            return contextlib.nullcontext()
        return self.observer.observe(update)

    async def initialize(self) -> None:
        """Nothing to set up: locks are made on demand."""

    async def shutdown(self) -> None:
        """Nothing to release."""
