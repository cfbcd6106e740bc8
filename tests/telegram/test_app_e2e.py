"""How the Application is put together: menu, retries on a lost race, webhook secret and routes."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.coach.ports import StaleStateError
from bot.content import Library
from bot.telegram.application import MENU
from tests.fakebotapi import FakeBotApi
from tests.telegram.harness import Harness, WrappedStore, coach_settings, logged_sets, wrap_units

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


class LosesTheRaceOnce(WrappedStore):
    """A store whose first save finds the user changed by someone else (another replica)."""

    lost = 0

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
    wrap_units(monkeypatch, harness.services.database, LosesTheRaceOnce)
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


async def test_internal_routes_are_served_on_their_own_listener_never_on_the_webhooks(
    api: FakeBotApi, sqlite_url: str, library: Library
) -> None:
    async def ping(request: web.Request) -> web.Response:
        return web.Response(text="pong")

    settings = coach_settings(api, sqlite_url, "webhook")
    harness = Harness(api, settings, library, internal_routes=(web.get("/ping", ping),))
    await harness.start()
    try:
        public, internal = settings.webhook_listen, settings.health_listen
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://{internal}/ping") as response:
                assert (response.status, await response.text()) == (200, "pong")
            async with session.get(f"http://{public}/ping") as response:
                assert response.status == 404
            async with session.post(f"http://{internal}/telegram/hook", json={}) as response:
                assert response.status == 404
            async with session.post(f"http://{public}/telegram/hook", json={}) as response:
                assert response.status == 403
    finally:
        await harness.stop()
