"""/healthz and /metrics, served by the webhook's HTTP server next to Telegram's route."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text
from telegram.ext import Application

from bot.coach.ports import WorkoutStatus
from bot.observability.metrics import Metrics
from bot.storage import Database
from bot.storage.models import WorkoutRow

log = logging.getLogger(__name__)

# A health check that hangs is worse than one that fails: the orchestrator's probe times out too.
CHECK_TIMEOUT = 2.0
ACTIVE_WINDOW = timedelta(hours=24)

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


async def health(application: AnyApplication) -> tuple[int, dict[str, str]]:
    """(HTTP status, body): 200 when the database answers, the scheduler runs and reminders
    can be sent, else 503."""
    database = _database(application)
    database_ok = database is not None and await database_answers(database)
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
    """The two routes, for CoachBot(..., extra_routes=routes(application, metrics))."""

    async def healthz(request: web.Request) -> web.Response:
        status, body = await health(application)
        return web.json_response(body, status=status)

    async def metrics_page(request: web.Request) -> web.Response:
        database = _database(application)
        if database is not None:
            try:
                active = await count_active_workouts(database, datetime.now(UTC))
                metrics.active_workouts.set(active)
            except Exception as exc:  # the other metrics are still worth serving
                log.warning("metrics: cannot count active workouts: %s", type(exc).__name__)
        headers = {"Content-Type": CONTENT_TYPE_LATEST}
        return web.Response(body=metrics.exposition(), headers=headers)

    return [web.get("/healthz", healthz), web.get("/metrics", metrics_page)]
