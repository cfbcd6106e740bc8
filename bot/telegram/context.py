"""Typed access to the coach's services from handlers: context.services, never string keys."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from telegram.ext import CallbackContext, ExtBot

from bot.coach.events import Event
from bot.coach.replies import Outcome
from bot.coach.runner import Runner
from bot.observability import Metrics
from bot.reminders.service import ReminderService
from bot.storage import Database
from bot.telegram.processor import ChatLocks
from bot.telegram.timers import TimerScheduler, chat_of, user_key

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class TelegramEffects:
    """What follows an event's commit on Telegram: its timer armed or cancelled, and the
    reminder service told when the event changed reminders (so a new one is not late)."""

    timers: TimerScheduler
    reminders: ReminderService | None = None

    async def committed(self, key: str, outcome: Outcome, now: datetime) -> None:
        chat_id = chat_of(key)
        if chat_id is not None:
            self.timers.apply(chat_id, outcome, now)
        if outcome.reminders_changed and self.reminders is not None:
            try:
                await self.reminders.changed()
            except Exception:  # committed already; the service's 30 s poll finds it anyway
                log.exception("could not re-aim the reminder scheduler")


@dataclass
class Services:
    """Built in post_init, closed in post_shutdown; one per running Application."""

    runner: Runner
    effects: TelegramEffects
    locks: ChatLocks

    @property
    def database(self) -> Database:
        units = self.runner.units
        assert isinstance(units, Database)
        return units

    @database.setter
    def database(self, database: Database) -> None:
        self.runner.units = database

    @property
    def timers(self) -> TimerScheduler:
        return self.effects.timers

    @property
    def reminders(self) -> ReminderService | None:
        return self.effects.reminders

    async def handle(self, chat_id: int, event: Event, update_id: int | None = None) -> Outcome:
        """One event through the runner (bot/coach/runner.py); replies are sent after it
        returns, i.e. after the commit, so a retried event never repeats a message."""
        return await self.runner.run(user_key(chat_id), event, update_id)


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
