"""Updates per second and reply latency of the coach, against a bare PTB echo bot, over webhooks.

The fake Bot API runs in its own process (python -m tests.fakebotapi) together with the simulated
users; the bot under test runs here. Flood limits are off in the fake and raised in the coach:
this measures the coach's own cost per update, not Telegram's limits. Both bots run at once and
take turns in short rounds (the fake points its webhook at one, then the other), so the ratio
compares them under the same machine load, however it drifts during the run.

    .venv/bin/python bench/throughput.py [--quick] [--db sqlite|postgres] [--users N] [--profile]

Last line: {"coach_ups", "echo_ups", "ratio", "p50_ms", "p99_ms", "echo_p99_ms", "db"}.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import logging
import os
import pstats
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.config import DEFAULT_CONTENT_DIR, Settings  # noqa: E402
from bot.content import load_library  # noqa: E402
from bot.telegram.application import CoachBot, build_application  # noqa: E402
from tests.fakebotapi.load import LoadReport  # noqa: E402

POSTGRES = os.environ.get(
    "COACH_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
SECRET = "bench-secret-0123456789"
ECHO_KEYBOARD = InlineKeyboardMarkup(
    [[InlineKeyboardButton(n, callback_data=n) for n in ("8", "10", "12")]]
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@asynccontextmanager
async def database(kind: str) -> AsyncIterator[str]:
    """A fresh, empty database for one run: a temporary SQLite file or a new Postgres database."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite+aiosqlite:///{folder}/bench.db"
        return
    import asyncpg

    name = f"coach_bench_{uuid.uuid4().hex[:8]}"
    admin_dsn = POSTGRES.replace("+asyncpg", "")
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def start_coach(fake: dict[str, str], db_url: str) -> CoachBot:
    port = free_port()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        TELEGRAM_BOT_TOKEN=fake["token"],
        COACH_DATABASE_URL=db_url,
        COACH_BOT_API_URL=fake["api"],
        COACH_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
        COACH_WEBHOOK_LISTEN=f"127.0.0.1:{port}",
        COACH_WEBHOOK_SECRET=SECRET,
        # Raised far above Telegram's (1/s per chat, 30/s overall): the fake enforces none.
        COACH_PER_CHAT_PER_SECOND=10_000,
        COACH_GLOBAL_PER_SECOND=100_000,
        COACH_GROUP_PER_MINUTE=100_000,
        COACH_LOG_LEVEL="WARNING",
    )
    bot = CoachBot(build_application(settings, load_library(DEFAULT_CONTENT_DIR)), settings)
    await bot.start()
    return bot


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text, reply_markup=ECHO_KEYBOARD)


async def _echo_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer(update.callback_query.data)


async def start_echo(fake: dict[str, str]) -> Application:  # type: ignore[type-arg]
    """The baseline: PTB's own webhook server, one handler per update kind, concurrent updates."""
    port = free_port()
    app = (
        ApplicationBuilder()
        .token(fake["token"])
        .base_url(fake["api"])
        .concurrent_updates(True)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, _echo))
    app.add_handler(CallbackQueryHandler(_echo_press))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_webhook(
        listen="127.0.0.1",
        port=port,
        url_path="hook",
        webhook_url=f"http://127.0.0.1:{port}/hook",
        secret_token=SECRET,
    )
    return app


async def stop_echo(app: Application) -> None:  # type: ignore[type-arg]
    assert app.updater is not None
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


async def drive(session: aiohttp.ClientSession, fake: dict[str, str], spec: dict[str, Any]) -> Any:
    """One load run; adds the bot's own CPU time (this process, after the warm-up)."""

    async def run() -> Any:
        async with session.post(f"{fake['control']}/run", json=spec) as response:
            return await response.json()

    async def cpu_after_warmup() -> float:
        await asyncio.sleep(spec["warmup"])
        return time.process_time()

    async with session.post(f"{fake['control']}/reset") as response:  # every chat starts afresh
        await response.read()
    result, cpu_start = await asyncio.gather(run(), cpu_after_warmup())
    result["bot_cpu_seconds"] = time.process_time() - cpu_start
    return result


async def registered_webhook(session: aiohttp.ClientSession, fake: dict[str, str]) -> Any:
    async with session.get(f"{fake['control']}/webhook") as response:
        return await response.json()


def combined(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One bot's turns as one run (LoadReport's own summary over all of them): rates over the
    whole measured time, percentiles over every reply, and the bot's CPU per update."""
    report = LoadReport(
        steps=sum(run["steps"] for run in runs),
        seconds=sum(run["seconds"] for run in runs),
        latencies_ms=[latency for run in runs for latency in run["latencies_ms"]],
        errors=sum(run["errors"] for run in runs),
        kinds=dict(sum((Counter(run["kinds"]) for run in runs), Counter())),
        cpu_seconds=sum(run["fake_cpu_ms_per_update"] * run["steps"] for run in runs) / 1000,
    )
    summary = report.summary()
    del summary["latencies_ms"]
    bot_cpu = sum(run["bot_cpu_seconds"] for run in runs)
    summary["bot_cpu_ms_per_update"] = round(bot_cpu * 1000 / max(1, report.steps), 3)
    return summary


async def measure(fake: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    """Both bots up at once, taking turns: coach, echo, echo, coach, coach, echo... in short
    rounds, so a machine that slows down or speeds up during the run weighs on both alike."""
    timeout = aiohttp.ClientTimeout(total=None)
    rounds: dict[str, list[dict[str, Any]]] = {"coach": [], "echo": []}
    async with aiohttp.ClientSession(timeout=timeout) as session, database(args.db) as db_url:
        coach_bot = await start_coach(fake, db_url)
        webhooks = {"coach": await registered_webhook(session, fake)}
        echo_app = await start_echo(fake)
        webhooks["echo"] = await registered_webhook(session, fake)
        profiler = cProfile.Profile() if args.profile else None
        first_user = {"coach": 1_000_000, "echo": 2_000_000}
        try:
            for number in range(args.rounds):
                order = ("coach", "echo") if number % 2 == 0 else ("echo", "coach")
                for name in order:
                    spec = {
                        "users": args.users,
                        "warmup": args.warmup if number == 0 else 0.5,
                        "duration": args.duration / args.rounds,
                        "first_user": first_user[name],
                        "webhook": webhooks[name],
                    }
                    if profiler is not None and name == "coach":
                        profiler.enable()
                    rounds[name].append(await drive(session, fake, spec))
                    if profiler is not None and name == "coach":
                        profiler.disable()
        finally:
            await coach_bot.stop()
            await stop_echo(echo_app)
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(30)
        print(out.getvalue())
    ratios = [
        coach["steps"] / coach["seconds"] / (echo["steps"] / echo["seconds"])
        for coach, echo in zip(rounds["coach"], rounds["echo"], strict=True)
    ]
    return {
        "coach": combined(rounds["coach"]),
        "echo": combined(rounds["echo"]),
        "round_ratios": [round(ratio, 3) for ratio in ratios],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the whole comparison in < 40 s")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--users", type=int, default=4, help="concurrent simulated users")
    parser.add_argument("--duration", type=float, default=None, help="measured seconds per bot")
    parser.add_argument("--rounds", type=int, default=None, help="turns each bot takes")
    parser.add_argument("--profile", action="store_true", help="cProfile the coach's run")
    args = parser.parse_args()
    args.warmup = 2.0 if args.quick else 5.0
    args.duration = args.duration or (10.0 if args.quick else 30.0)
    args.rounds = args.rounds or (4 if args.quick else 8)
    logging.basicConfig(level=logging.WARNING)

    fake_process = subprocess.Popen(
        [sys.executable, "-m", "tests.fakebotapi"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert fake_process.stdout is not None
        fake = json.loads(fake_process.stdout.readline())
        results = asyncio.run(measure(fake, args))
    finally:
        if fake_process.stdin is not None:
            fake_process.stdin.close()
        fake_process.wait(timeout=10)

    coach, echo = results["coach"], results["echo"]
    print(
        f"users {args.users} (closed loop), {args.duration:g} s measured per bot in "
        f"{args.rounds} turns each, db {args.db}"
    )
    for name, run in (("coach", coach), ("echo", echo)):
        print(
            f"{name:6} {run['ups']:8.1f} updates/s  p50 {run['p50_ms']:6.2f} ms  "
            f"p99 {run['p99_ms']:6.2f} ms  steps {run['steps']}  no-reply {run['errors']}"
        )
        print(
            f"       cpu per update: bot {run['bot_cpu_ms_per_update']:.2f} ms, "
            f"fake {run['fake_cpu_ms_per_update']:.2f} ms  mix {run['kinds']}"
        )
    ratio = coach["ups"] / echo["ups"] if echo["ups"] else 0.0
    print(f"coach/echo per pair of turns: {results['round_ratios']}")
    summary = {
        "coach_ups": coach["ups"],
        "echo_ups": echo["ups"],
        "ratio": round(ratio, 3),
        "p50_ms": coach["p50_ms"],
        "p99_ms": coach["p99_ms"],
        "echo_p99_ms": echo["p99_ms"],
        "db": args.db,
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
