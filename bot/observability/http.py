"""/healthz and /metrics, on an internal listener of their own (COACH_HEALTH_LISTEN)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, Generic, TypeVar

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text
from telegram.ext import Application

from bot.coach.ports import WorkoutStatus
from bot.net import HttpListener, Limits
from bot.observability.metrics import Metrics
from bot.storage import Database
from bot.storage.models import WorkoutRow

log = logging.getLogger(__name__)

# A health check that hangs is worse than one that fails: the orchestrator's probe times out too.
CHECK_TIMEOUT = 2.0
ACTIVE_WINDOW = timedelta(hours=24)
# How long one database check answers /healthz: a flood of probes costs one query a second.
HEALTH_FRESH_SECONDS = 1.0
# Probes and scrapers are few; past this many connections at once, more are closed at accept.
HEALTH_MAX_CONNECTIONS = 64

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


def _database(application: AnyApplication) -> Database | None:
    try:
        database: Database = application.bot_data.services.database
    except RuntimeError:  # services are built in post_init: not started, or stopping
        return None
    return database


async def database_answers(database: Database) -> bool:
    try:
        async with asyncio.timeout(CHECK_TIMEOUT), database.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as exc:  # down, refused, timed out: all mean "not healthy", none is a crash
        log.warning("health check: the database does not answer: %s", type(exc).__name__)
        return False
    return True


def scheduler_running(application: AnyApplication) -> bool:
    job_queue = application.job_queue
    return job_queue is not None and bool(job_queue.scheduler.running) and application.running


def reminders_sending(application: AnyApplication) -> bool:
    """False once this replica's reminder sends kept failing (it stopped claiming them)."""
    try:
        reminders = application.bot_data.services.reminders
    except RuntimeError:
        return True  # not started: the database check says so already
    return reminders is None or bool(reminders.able_to_send)


T = TypeVar("T")


class SharedCheck(Generic[T]):
    """One run of a check at a time, shared by whoever asks meanwhile; its answer reused for
    `fresh_for` seconds after. Per subject: a check of another database is a check of its own."""

    def __init__(self, fresh_for: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.fresh_for = fresh_for
        self.runs = 0
        self._clock = clock
        self._last: tuple[object, float, T] | None = None  # (subject, when, answer)
        self._running: tuple[object, asyncio.Future[T]] | None = None

    async def get(self, subject: object, check: Callable[[], Awaitable[T]]) -> T:
        last = self._last
        if last is not None and last[0] is subject and self._clock() - last[1] < self.fresh_for:
            return last[2]
        running = self._running
        if running is None or running[0] is not subject:
            running = (subject, asyncio.ensure_future(self._run(subject, check)))
            self._running = running
        # Shielded: a caller that goes away (a probe timing out) does not cancel the others' run.
        return await asyncio.shield(running[1])

    async def _run(self, subject: object, check: Callable[[], Awaitable[T]]) -> T:
        try:
            answer = await check()
        finally:
            if self._running is not None and self._running[0] is subject:
                self._running = None
        self.runs += 1
        self._last = (subject, self._clock(), answer)
        return answer


async def health(
    application: AnyApplication, checks: SharedCheck[bool] | None = None
) -> tuple[int, dict[str, str]]:
    """(HTTP status, body): 200 when the database answers, the scheduler runs and reminders
    can be sent, else 503."""
    database = _database(application)
    if database is None:
        database_ok = False
    elif checks is None:
        database_ok = await database_answers(database)
    else:
        database_ok = await checks.get(database, partial(database_answers, database))
    scheduler_ok = scheduler_running(application)
    sending_ok = reminders_sending(application)
    healthy = database_ok and scheduler_ok and sending_ok
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": "ok" if database_ok else "unreachable",
        "scheduler": "running" if scheduler_ok else "stopped",
        "reminders": "sending" if sending_ok else "cannot reach the Bot API",
    }
    return (200 if healthy else 503), body


async def count_active_workouts(database: Database, now: datetime) -> int:
    query = select(func.count()).where(
        WorkoutRow.status == WorkoutStatus.ACTIVE.value,
        WorkoutRow.started_at >= now - ACTIVE_WINDOW,
    )
    async with asyncio.timeout(CHECK_TIMEOUT), database.engine.connect() as connection:
        return int((await connection.execute(query)).scalar_one())


def routes(application: AnyApplication, metrics: Metrics) -> list[web.RouteDef]:
    """The two routes, for CoachBot(..., internal_routes=routes(application, metrics))."""
    health_checks = SharedCheck[bool](HEALTH_FRESH_SECONDS)
    # Scrapes at once share one count; each still gets one no older than its request.
    counts = SharedCheck[int](0.0)

    async def healthz(request: web.Request) -> web.Response:
        status, body = await health(application, health_checks)
        return web.json_response(body, status=status)

    async def metrics_page(request: web.Request) -> web.Response:
        database = _database(application)
        if database is not None:
            try:
                count = partial(count_active_workouts, database, datetime.now(UTC))
                metrics.active_workouts.set(await counts.get(database, count))
            except Exception as exc:  # the other metrics are still worth serving
                log.warning("metrics: cannot count active workouts: %s", type(exc).__name__)
        headers = {"Content-Type": CONTENT_TYPE_LATEST}
        return web.Response(body=metrics.exposition(), headers=headers)

    return [web.get("/healthz", healthz), web.get("/metrics", metrics_page)]


def health_listener(
    internal_routes: Sequence[web.AbstractRouteDef], listen: str, limits: Limits
) -> HttpListener:
    """The internal listener on COACH_HEALTH_LISTEN: the routes given, the webhook's timeouts."""
    app = web.Application()
    app.router.add_routes(internal_routes)
    capped = Limits(
        limits.header_timeout, limits.body_timeout, limits.idle_timeout, HEALTH_MAX_CONNECTIONS
    )
    return HttpListener(app, listen, capped, "COACH_HEALTH_LISTEN", "health listener")
