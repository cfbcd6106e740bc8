"""How the Application is put together: menu, retries on a lost race, webhook secret and routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.coach.ports import StaleStateError
from bot.content import Library
from bot.telegram.app import MENU
from tests.fakebotapi import FakeBotApi
from tests.telegram.harness import Harness, coach_settings, logged_sets

pytestmark = pytest.mark.e2e


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    return sqlite_url


async def test_the_command_menu_is_set_at_start(harness: Harness) -> None:
    assert [c["command"] for c in harness.api.records.commands] == [c.command for c in MENU]
    assert {"start", "workout", "ask", "history", "progress", "remind", "settings"} <= {
        c.command for c in MENU
    }
    replies = await harness.chat().command("history")
    assert "No sessions yet" in replies[-1].shown  # a menu command that answers for real


class LosesTheRaceOnce:
    """A store whose first save finds the user changed by someone else (another replica)."""

    lost = 0

    def __init__(self, store: Any) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    async def save_user(self, user: Any) -> None:
        if LosesTheRaceOnce.lost == 0:
            LosesTheRaceOnce.lost += 1
            raise StaleStateError(user.key)
        await self._store.save_user(user)


async def test_an_update_that_loses_a_race_is_applied_once_on_the_fresh_state(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    database = harness.services.database
    real_unit = database.unit

    @asynccontextmanager
    async def racing_unit(**options: Any) -> AsyncIterator[Any]:
        async with real_unit(**options) as store:
            yield LosesTheRaceOnce(store)

    monkeypatch.setattr(database, "unit", racing_unit)
    LosesTheRaceOnce.lost = 0
    replies = await chat.tap("8")

    assert LosesTheRaceOnce.lost == 1
    assert await logged_sets(harness, chat.id) == [(1, "left", 8)]  # once, not twice or never
    assert replies[-1].shown.startswith("Left leg: 8 ✓")


async def test_without_a_configured_secret_a_random_one_guards_the_webhook(
    api: FakeBotApi, sqlite_url: str, library: Library
) -> None:
    settings = coach_settings(api, sqlite_url, "webhook", COACH_WEBHOOK_SECRET="")
    assert settings.webhook_secret is None
    harness = Harness(api, settings, library)
    await harness.start()
    try:
        assert api.webhook is not None and api.webhook.secret
        assert len(api.webhook.secret) >= 32
        chat = harness.chat()
        assert await api.post_webhook(chat.user.command("start"), None) == 403
        assert chat.messages == []
        replies = await chat.command("start")  # the fake sends the secret it was given
        assert replies
    finally:
        await harness.stop()


async def test_extra_routes_are_served_next_to_the_webhook(
    api: FakeBotApi, sqlite_url: str, library: Library
) -> None:
    async def ping(request: web.Request) -> web.Response:
        return web.Response(text="pong")

    settings = coach_settings(api, sqlite_url, "webhook")
    harness = Harness(api, settings, library, extra_routes=(web.get("/ping", ping),))
    await harness.start()
    try:
        listen = settings.webhook_listen
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://{listen}/ping") as response:
                assert (response.status, await response.text()) == (200, "pong")
            async with session.post(f"http://{listen}/telegram/hook", json={}) as response:
                assert response.status == 403
    finally:
        await harness.stop()
