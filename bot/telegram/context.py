"""The coach's services as handlers reach them (context.services, never string keys), and what
follows an event's commit on Telegram: each user's one engine timer as a JobQueue job with a
fixed name (replaced, never stacked), and the reminder service told of changed reminders."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from telegram.ext import CallbackContext, ExtBot, Job, JobQueue

from bot.coach.events import Event
from bot.coach.replies import Outcome, Timer
from bot.coach.runner import Runner
from bot.observability import Metrics
from bot.reminders.service import ReminderService
from bot.storage import Database
from bot.telegram.processor import ChatLocks

log = logging.getLogger(__name__)

JobCallback = Callable[[Any], Coroutine[Any, Any, None]]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class TimerJob:
    """What a firing job needs: whose chat, and which step of the engine it wakes."""

    chat_id: int
    kind: str
    token: int


def user_key(chat_id: int) -> str:
    """The coach's key for a Telegram user: their private chat id (equal to their user id)."""
    return f"tg:{chat_id}"


def chat_of(key: str) -> int | None:
    """The chat id back from a user key, or None when the key belongs to another transport."""
    prefix, _, number = key.partition(":")
    if prefix != "tg" or not number.lstrip("-").isdigit():
        return None
    return int(number)


class TimerScheduler:
    """Arms, replaces and cancels the JobQueue jobs that wake the engine."""

    def __init__(self, job_queue: JobQueue[Any], callback: JobCallback) -> None:
        self._jobs = job_queue
        self._callback = callback

    @staticmethod
    def job_name(chat_id: int) -> str:
        return f"timer:{user_key(chat_id)}"

    def apply(self, chat_id: int, outcome: Outcome, now: datetime) -> None:
        if outcome.timer is not None:
            self.arm(chat_id, outcome.timer, now)
        elif outcome.cancel_timer:
            self.cancel(chat_id)

    def arm(self, chat_id: int, timer: Timer, now: datetime) -> None:
        # A timer already due (say, re-armed after a restart) fires at once, not never.
        delay = max(0.0, (timer.due_at - now).total_seconds())
        name = self.job_name(chat_id)
        self._jobs.run_once(
            self._callback,
            when=delay,
            data=TimerJob(chat_id, timer.kind, timer.token),
            name=name,
            chat_id=chat_id,
            # The name doubles as the scheduler's job id: the new job replaces the old in one
            # step, found by id rather than by scanning every user's job.
            job_kwargs={"id": name, "replace_existing": True},
        )

    def cancel(self, chat_id: int) -> None:
        with contextlib.suppress(JobLookupError):
            self._jobs.scheduler.remove_job(self.job_name(chat_id))

    def rearm(self, pending: list[tuple[str, Timer]], now: datetime) -> int:
        """Jobs again for the timers stored in the database; returns how many were armed."""
        armed = 0
        for key, timer in pending:
            chat_id = chat_of(key)
            if chat_id is not None:
                self.arm(chat_id, timer, now)
                armed += 1
        log.info("re-armed %d timer(s) from the database", armed)
        return armed

    def pending(self, chat_id: int) -> list[TimerJob]:
        """The armed timers of one chat (at most one): for tests and diagnostics."""
        job = self.job(chat_id)
        return [job.data] if job is not None and isinstance(job.data, TimerJob) else []

    def job(self, chat_id: int) -> Job[Any] | None:
        """The chat's timer job, if one is armed."""
        aps_job = self._jobs.scheduler.get_job(self.job_name(chat_id))
        return Job.from_aps_job(aps_job) if aps_job is not None else None


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
