"""The coach on Telegram: build the Application, run it by long polling or webhook, stop cleanly."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from aiohttp import web
from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults, ExtBot, JobQueue

from bot.app import build_coach
from bot.coach.runner import Runner
from bot.config import Settings
from bot.content import Library
from bot.net import HttpListener, Limits
from bot.observability import Metrics, UpdateObserver, note_retry
from bot.observability.http import health_listener, routes
from bot.observability.updates import hash_key
from bot.storage import Database
from bot.telegram import handlers
from bot.telegram.context import (
    BotData,
    CoachContext,
    Services,
    TelegramEffects,
    TimerScheduler,
    utc_now,
)
from bot.telegram.flood_control import Budgets, CoachRateLimiter, settings_budgets
from bot.telegram.processor import ChatLocks, ChatOrderedProcessor
from bot.telegram.ptb_private import bot_requests
from bot.telegram.redact import REDACTOR, configure_logging
from bot.telegram.reminder_sender import reminder_service, stop_reminders
from bot.telegram.request import AiohttpRequest
from bot.telegram.webhook import shared_secret, web_app, webhook_listener, webhook_path

log = logging.getLogger(__name__)

CoachApplication = Application[
    ExtBot[int], CoachContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[CoachContext]
]

NO_TOKEN = (
    "coach run needs TELEGRAM_BOT_TOKEN: create a bot with @BotFather on Telegram (/newbot), "
    "then set TELEGRAM_BOT_TOKEN=<token> in the environment or .env; "
    "`coach chat` works without one."
)
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
MENU = [
    BotCommand("start", "Start here"),
    BotCommand("workout", "Start a workout"),
    BotCommand("ask", "Ask about an exercise"),
    BotCommand("history", "Your past sessions"),
    BotCommand("progress", "Your progress, left against right"),
    BotCommand("remind", "Training reminders"),
    BotCommand("settings", "Units, rest, starting leg, timezone"),
    BotCommand("export", "Download your data"),
    BotCommand("import", "Bring your history from Strong, Hevy or FitNotes"),
    BotCommand("deleteme", "Delete everything I hold about you"),
    BotCommand("help", "What I can do"),
    BotCommand("cancel", "Stop the current workout"),
]


def api_urls(bot_api_url: str) -> tuple[str, str]:
    """base_url and base_file_url for a Bot API server given as its root or its '/bot' URL."""
    root = bot_api_url.rstrip("/").removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


def _redacted_token(settings: Settings) -> str:
    """The bot token, and every secret, from now on redacted in every log line."""
    if settings.telegram_bot_token is None:
        raise ValueError(NO_TOKEN)
    token = settings.telegram_bot_token.get_secret_value()
    REDACTOR.add(token)
    if settings.webhook_secret is not None:
        REDACTOR.add(settings.webhook_secret.get_secret_value())
    REDACTOR.install()
    return token


def build_application(
    settings: Settings,
    library: Library,
    *,
    clock: Callable[[], datetime] = utc_now,
    concurrency: int = 64,
) -> CoachApplication:
    """The Application with handlers, flood control and ordering; services come in post_init."""
    token = _redacted_token(settings)
    locks = ChatLocks()
    metrics = Metrics()  # this Application's own registry: several apps in one process never mix
    budgets = settings_budgets(settings)  # shared by every replica when COACH_REDIS_URL is set

    async def post_init(application: CoachApplication) -> None:
        await start_services(application, settings, library, locks, clock, budgets)

    job_queue: JobQueue[CoachContext] = JobQueue()
    builder = (
        ApplicationBuilder()
        .token(token)
        .job_queue(job_queue)
        # aiohttp instead of httpx: a third of the CPU per Bot API call (see bench/README.md).
        .request(AiohttpRequest())
        .get_updates_request(AiohttpRequest(pool_size=1))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .context_types(ContextTypes(context=CoachContext, bot_data=BotData))
        .rate_limiter(
            CoachRateLimiter(
                settings.per_chat_per_second,
                settings.global_per_second,
                settings.group_per_minute,
                budgets=budgets,  # the bot's budget; closed with the bot
                metrics=metrics,
            )
        )
        .concurrent_updates(
            ChatOrderedProcessor(locks, concurrency, UpdateObserver(metrics, hash_key(token)))
        )
        .post_init(post_init)
        # Before Application.shutdown closes the bot's connections: unsent claims handed back.
        .post_stop(stop_reminders)
        .post_shutdown(stop_services)
    )
    if settings.bot_api_url:
        base_url, base_file_url = api_urls(settings.bot_api_url)
        builder = builder.base_url(base_url).base_file_url(base_file_url)
    if settings.webhook_url:
        builder = builder.updater(None)
    application: CoachApplication = builder.build()
    application.bot_data.metrics = metrics
    handlers.register(application)
    return application


async def start_services(
    application: CoachApplication,
    settings: Settings,
    library: Library,
    locks: ChatLocks,
    clock: Callable[[], datetime],
    budgets: Budgets,
) -> None:
    """Database migrated, engine built, stored timers re-armed, reminders started, menu set."""
    database = Database(settings.database_url)
    await database.upgrade()
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the job queue is missing: install python-telegram-bot[job-queue]")
    timers = TimerScheduler(job_queue, handlers.on_timer)
    gate = asyncio.Lock() if database.dialect == "sqlite" else None
    reminders = reminder_service(
        database, application.bot, locks, library, clock=clock,
        grace_minutes=settings.reminder_grace_minutes, budget=budgets.reminders,
        paid_broadcast=settings.paid_broadcast,
    )  # fmt: skip
    effects = TelegramEffects(timers, reminders)
    runner = Runner(
        build_coach(library), database, effects, clock=clock, gate=gate, retries=note_retry
    )
    application.bot_data.services = Services(runner, effects, locks)
    application.bot_data.metrics.watch_reminders(lambda: reminders.totals)
    async with database.unit() as store:
        pending = await store.pending_timers()
    timers.rearm(pending, clock())
    # Two jobs on the JobQueue's scheduler, rebuilt from the database; the catch-up on what came
    # due while the coach was down runs in the background (/healthz watches the scheduler).
    await reminders.start(job_queue.scheduler)
    try:
        await application.bot.set_my_commands(MENU)
    except TelegramError as exc:  # only decoration: the commands work without the menu
        log.warning("setMyCommands failed, carrying on without the menu: %s", exc)


async def stop_services(application: CoachApplication) -> None:
    services = application.bot_data.take()
    if services is not None:
        if services.reminders is not None:
            await services.reminders.stop()  # hands unsent claims back; before the database goes
        await services.database.dispose()


class CoachBot:
    """One running coach: the Application fed by long polling, or by the webhook server."""

    def __init__(
        self,
        application: CoachApplication,
        settings: Settings,
        *,
        poll_timeout: float = 10,
        internal_routes: Sequence[web.AbstractRouteDef] = (),
    ) -> None:
        """internal_routes (/healthz, /metrics) are served in webhook mode on COACH_HEALTH_LISTEN,
        a listener of their own: the webhook's port serves Telegram's route alone."""
        self.application = application
        self.settings = settings
        self.poll_timeout = poll_timeout
        self.internal_routes = internal_routes
        secret, token = settings.webhook_secret, application.bot.token
        self.webhook_secret = secret.get_secret_value() if secret else shared_secret(token)
        REDACTOR.add(self.webhook_secret)
        self.servers: list[HttpListener] = []

    async def start(self) -> None:
        app = self.application
        try:
            await app.initialize()
        except BaseException:
            # PTB opens both HTTP clients before checking the token and leaves them open when
            # the check fails; shutdown() then does nothing, as nothing counts as initialised.
            for request in bot_requests(app.bot):
                await request.shutdown()
            raise
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        url = self.settings.webhook_url
        if url:
            path = webhook_path(url)
            for server in self._listeners(path):
                await server.start()
                self.servers.append(server)
            await app.bot.set_webhook(
                url, secret_token=self.webhook_secret, allowed_updates=ALLOWED_UPDATES
            )
            log.info("coach running: webhook at path %s", path)
        else:
            assert app.updater is not None
            await app.updater.start_polling(
                timeout=int(self.poll_timeout), allowed_updates=ALLOWED_UPDATES
            )
            log.info("coach running: long polling")

    def _listeners(self, path: str) -> list[HttpListener]:
        settings = self.settings
        limits = Limits(
            settings.webhook_header_timeout,
            settings.webhook_body_timeout,
            settings.webhook_idle_timeout,
            settings.webhook_max_connections,
        )
        app = web_app(self.application, path, self.webhook_secret, limits)
        webhook = webhook_listener(app, settings.webhook_listen, limits)
        if not self.internal_routes:
            return [webhook]
        internal = health_listener(self.internal_routes, settings.health_listen, limits)
        if (internal.host, internal.port) == (webhook.host, webhook.port):
            raise ValueError("COACH_HEALTH_LISTEN must differ from COACH_WEBHOOK_LISTEN")
        return [webhook, internal]

    async def stop(self) -> None:
        app = self.application
        while self.servers:  # the webhook's first: no update comes in while the rest stops
            await self.servers.pop(0).stop()
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


async def _serve(settings: Settings, library: Library) -> int:
    application = build_application(settings, library)
    bot = CoachBot(
        application, settings, internal_routes=routes(application, application.bot_data.metrics)
    )
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    try:
        await bot.start()
    except InvalidToken:
        log.error("Telegram refused the token: check TELEGRAM_BOT_TOKEN (from @BotFather)")
        await bot.stop()
        return 1
    except NetworkError as exc:
        log.error("cannot reach the Bot API: %s", exc)
        await bot.stop()
        return 1
    except Exception as exc:  # a database that is down, a port in use, a bad listen address
        log.error("the coach could not start: %s", exc, exc_info=exc)
        await bot.stop()
        return 1
    await stopping.wait()
    log.info("stopping")
    await bot.stop()
    return 0


def run_bot(settings: Settings, library: Library) -> int:
    """`coach run`: the bot until SIGINT or SIGTERM; exit code 2 with one line when no token."""
    if settings.telegram_bot_token is None:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    return asyncio.run(_serve(settings, library))
