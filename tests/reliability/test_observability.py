"""/healthz, /metrics (on the internal listener) and the per-update log line."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from typing import Any

import aiohttp
import pytest

from bot.coach.ports import StaleStateError
from bot.content import Library
from bot.observability.logs import JsonFormatter
from bot.observability.probe import health_url
from bot.reminders.fanout import RunReport
from bot.storage import Database
from bot.telegram.application import build_application
from bot.telegram.handlers import SORRY
from tests.fakebotapi import FakeBotApi
from tests.reliability.observed import ObservedHarness, samples
from tests.telegram.harness import WrappedStore, coach_settings, logged_sets, wrap_units

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

UNREACHABLE = "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere"


async def _get(harness: ObservedHarness, path: str) -> tuple[int, str, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://{harness.settings.health_listen}{path}") as response,
    ):
        return response.status, response.headers["Content-Type"], await response.text()


async def test_healthz_is_200_while_the_database_answers_and_the_scheduler_runs_else_503(
    observed: ObservedHarness,
) -> None:
    assert await _get(observed, "/healthz") == (
        200,
        "application/json; charset=utf-8",
        json.dumps(
            {"status": "ok", "database": "ok", "scheduler": "running", "reminders": "sending"}
        ),
    )
    services = observed.services
    working, services.database = services.database, Database(UNREACHABLE)
    try:
        status, _, body = await _get(observed, "/healthz")
    finally:
        await services.database.dispose()
        services.database = working
    assert (status, json.loads(body)["database"]) == (503, "unreachable")
    assert (await _get(observed, "/healthz"))[0] == 200

    assert observed.bot is not None and observed.bot.application.job_queue is not None
    await observed.bot.application.job_queue.stop()
    status, _, body = await _get(observed, "/healthz")
    assert (status, json.loads(body)) == (
        503,
        {
            "status": "unavailable",
            "database": "ok",
            "scheduler": "stopped",
            "reminders": "sending",
        },
    )


async def test_metrics_count_what_the_user_and_telegram_saw(observed: ObservedHarness) -> None:
    chat = observed.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    await chat.tap("8")
    mid = samples((await _get(observed, "/metrics"))[2])
    assert mid[("coach_active_workouts", ())] == 1
    observed.api.inject("429", "sendMessage", times=2, retry_after=0.01)
    for label in ("Go now", "9", "Skip rest", "8", "Go now", "7"):
        await chat.tap(label)

    status, content_type, page = await _get(observed, "/metrics")
    assert status == 200 and content_type.startswith("text/plain")
    found = samples(page)
    presses, commands = (
        (("kind", "press"), ("outcome", "ok")),
        (("kind", "command"), ("outcome", "ok")),
    )
    assert found[("coach_updates_total", presses)] == 7
    assert found[("coach_updates_total", commands)] == 1
    assert found[("coach_update_duration_seconds_count", (("kind", "press"),))] == 7
    sent = observed.api.records.calls_to("sendMessage")
    assert found[("coach_messages_sent_total", (("method", "sendMessage"),))] == len(sent)
    assert found[("coach_telegram_429_total", (("method", "sendMessage"),))] == 2
    assert found[("coach_active_workouts", ())] == 0  # finished: the summary was shown
    assert not [key for key in found if key[0] == "coach_errors_total"]
    assert len([m for m in chat.messages if m.shown.startswith("Left leg: 8 ✓")]) == 2


async def test_reminder_totals_show_up_as_counters(observed: ObservedHarness) -> None:
    first, second = RunReport(sent=3, late=1, missed=2), RunReport(sent=1)
    observed.metrics.watch_reminders(lambda: first)
    observed.metrics.watch_reminders(lambda: second)
    found = samples((await _get(observed, "/metrics"))[2])
    assert {
        o: found[("coach_reminders_total", (("outcome", o),))] for o in ("sent", "late", "missed")
    } == {
        "sent": 4,
        "late": 1,
        "missed": 2,
    }


def test_each_application_counts_in_its_own_registry(
    api: FakeBotApi, sqlite_url: str, library: Library
) -> None:
    settings = coach_settings(api, sqlite_url, "webhook")
    one, two = build_application(settings, library), build_application(settings, library)
    one.bot_data.metrics.updates.labels("text", "ok").inc()
    assert one.bot_data.metrics.registry is not two.bot_data.metrics.registry
    assert ("coach_updates_total", (("kind", "text"), ("outcome", "ok"))) not in samples(
        two.bot_data.metrics.exposition().decode()
    )


class AlwaysLosesTheRace(WrappedStore):
    async def save_user(self, user: Any) -> None:
        raise StaleStateError(user.key)


async def test_one_json_line_per_update_with_a_hashed_user_and_its_outcome(
    observed: ObservedHarness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="bot.updates")
    chat = observed.chat(987654321)
    await chat.command("start")
    await chat.say("8")
    wrap_units(monkeypatch, observed.services.database, AlwaysLosesTheRace)
    hello = chat.user.text("hello")
    # Lost to "another replica" on every attempt: given up, and left to Telegram to send again.
    assert await observed.api.deliver(hello) == 503
    monkeypatch.undo()
    unanswered = len(chat.messages)
    assert await observed.api.deliver(hello) == 200
    assert len(chat.messages) > unanswered  # the delivery that worked answered

    lines = [
        json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "bot.updates"
    ]
    assert [(line["kind"], line["outcome"], line["retried"]) for line in lines] == [
        ("command", "ok", 0),
        ("text", "ok", 0),
        ("text", "stale", 1),
        ("text", "ok", 0),
    ]
    assert [line["update_id"] for line in lines] == sorted(line["update_id"] for line in lines)
    for line in lines:
        assert set(line) >= {"ts", "level", "msg", "update_id", "user", "kind", "duration_ms"}
        assert len({line["user"] for line in lines}) == 1 and len(line["user"]) == 12
        assert "987654321" not in json.dumps(line) and observed.api.token not in json.dumps(line)
        assert line["duration_ms"] >= 0
    assert SORRY not in chat.texts()
    found = samples((await _get(observed, "/metrics"))[2])
    assert found[("coach_errors_total", (("kind", "stale"), ("where", "update")))] == 1
    assert found[("coach_state_conflicts_total", ())] == 1
    assert await logged_sets(observed, chat.id) == []


async def _probe(**env: str) -> tuple[int, str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TELEGRAM_"))}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.observability.probe",
        env={**clean, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_the_container_probe_passes_on_a_healthy_replica_and_fails_otherwise(
    observed: ObservedHarness,
) -> None:
    env = {
        "COACH_WEBHOOK_URL": str(observed.settings.webhook_url),
        "COACH_HEALTH_LISTEN": observed.settings.health_listen,
    }
    code, out, _ = await _probe(**env)
    assert (code, json.loads(out)["status"]) == (0, "ok")
    await observed.stop()
    code, _, err = await _probe(**env)
    assert code == 1 and "/healthz" in err
    code, _, err = await _probe()
    assert code == 1 and "COACH_WEBHOOK_URL" in err
    assert health_url("0.0.0.0:8443") == "http://127.0.0.1:8443/healthz"
    assert health_url("[::1]:9000") == "http://[::1]:9000/healthz"
