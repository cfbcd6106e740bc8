"""Typed access to the coach's services from handlers: context.services, never string keys."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from telegram.ext import CallbackContext, ExtBot

from bot.coach.engine import Coach
from bot.coach.events import Event
from bot.coach.ports import StaleStateError
from bot.coach.replies import Outcome
from bot.observability import Metrics, note_retry
from bot.reminders.service import ReminderService
from bot.storage import Database
from bot.storage.updates import AlreadyApplied
from bot.telegram.processor import ChatLocks
from bot.telegram.timers import TimerScheduler, user_key

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Built in post_init, closed in post_shutdown; one per running Application."""

    coach: Coach
    database: Database
    timers: TimerScheduler
    locks: ChatLocks
    clock: Callable[[], datetime] = utc_now
    # SQLite has one writer at a time, and a unit that finds the file locked sleeps and polls
    # (busy_timeout) for up to tens of milliseconds; queueing on a lock here instead wakes the
    # next unit the moment the last one commits. PostgreSQL locks rows, so it needs none.
    unit_gate: asyncio.Lock | None = None
    # Sends the reminders; told after a commit that changed them, so a new one is not late.
    reminders: ReminderService | None = None

    async def handle(self, chat_id: int, event: Event, update_id: int | None = None) -> Outcome:
        """One event in one unit of work, committed once; then its timer armed or cancelled.

        When another event changed the user first (StaleStateError), the event is tried once
        more on the fresh state; a second failure, like any error, leaves the state untouched.
        Handlers send the replies after this returns, i.e. after the commit: a retried event
        never repeats a message, and no database transaction waits on Telegram.
        An update Telegram sends again (update_id already applied: we died before answering it)
        is rolled back and gives an empty outcome.
        """
        for attempt in (1, 2):
            now = self.clock()
            try:
                async with self._gate(), self.database.unit(for_event=True) as store:
                    key = user_key(chat_id)
                    if update_id is not None:
                        store.apply_once(key, update_id)  # checked at load, recorded at save
                    outcome: Outcome = await self.coach.handle(store, key, event, now)
            except AlreadyApplied:
                log.info("chat %s: update %s was already applied; not again", chat_id, update_id)
                return Outcome()
            except StaleStateError:
                if attempt == 2:
                    raise
                log.info("chat %s: state changed meanwhile; trying the event again", chat_id)
                note_retry()
                continue
            self.timers.apply(chat_id, outcome, now)
            if outcome.reminders_changed and self.reminders is not None:
                await self._reminders_changed()
            return outcome
        raise AssertionError("unreachable")  # pragma: no cover

    async def _reminders_changed(self) -> None:
        assert self.reminders is not None
        try:
            await self.reminders.changed()
        except Exception:  # committed already; the service's 30 s poll finds it anyway
            log.exception("could not re-aim the reminder scheduler")

    def _gate(self) -> contextlib.AbstractAsyncContextManager[Any]:
        return self.unit_gate if self.unit_gate is not None else contextlib.nullcontext()


class BotData:
    """The application's bot_data: holds the services once post_init has built them."""

    def __init__(self) -> None:
        self._services: Services | None = None
        # Made with the Application (PTB builds bot_data then), so it counts from the first call.
        self.metrics = Metrics()

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("services are built in post_init; the application is not started")
        return self._services

    @services.setter
    def services(self, services: Services) -> None:
        self._services = services

    def take(self) -> Services | None:
        """The services, forgotten here: for post_shutdown to close them exactly once."""
        services, self._services = self._services, None
        return services


class CoachContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]):
    """The context every handler gets: the usual PTB context plus the coach's services."""

    @property
    def services(self) -> Services:
        return self.bot_data.services
