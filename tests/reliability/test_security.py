"""Forged webhook calls, the token in logs, and one user reaching for another's data."""

from __future__ import annotations

import logging

import aiohttp
import pytest

from tests.fakebotapi import FakeBotApi
from tests.reliability.observed import ObservedHarness, samples
from tests.reliability.scripted import PLAN
from tests.telegram.harness import logged_sets, workout_by_buttons

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

SECRET = "s3cret-for-the-webhook-tests"  # what coach_settings configures


def _handled(observed: ObservedHarness) -> float:
    found = samples(observed.metrics.exposition().decode())
    return sum(v for (name, _), v in found.items() if name == "coach_updates_total")


@pytest.mark.parametrize(
    "secret",
    [None, "", "wrong", SECRET.upper(), SECRET[:-1], SECRET + "x", "ü" + SECRET, SECRET * 2],
)
async def test_a_webhook_call_without_the_secret_gets_403_and_changes_nothing(
    observed: ObservedHarness, api: FakeBotApi, secret: str | None
) -> None:
    chat = observed.chat()
    await chat.command("workout", PLAN)
    before, handled, calls = len(chat.messages), _handled(observed), len(api.records.calls)
    forged = [chat.user.press(chat.last, "8"), chat.user.text("8"), chat.user.command("cancel")]
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    async with aiohttp.ClientSession() as session:
        for update in forged:
            url = str(observed.settings.webhook_url)
            async with session.post(url, json=update, headers=headers) as response:
                assert response.status == 403
    assert (len(chat.messages), _handled(observed), len(api.records.calls)) == (
        before,
        handled,
        calls,
    )
    assert await logged_sets(observed, chat.id) == []
    await chat.tap("8")  # the real user goes on from the same step
    assert await logged_sets(observed, chat.id) == [(1, "left", 8)]


async def test_the_token_and_the_secret_never_reach_a_log_line_or_a_page(
    observed: ObservedHarness, api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    api.inject("drop", "sendMessage")  # failures log exceptions, and the token is in every URL
    api.inject("500", "editMessageText")
    api.inject("429", "answerCallbackQuery", retry_after=0.01)
    await workout_by_buttons(observed.chat())
    async with aiohttp.ClientSession() as session:
        pages = []
        for path in ("/metrics", "/healthz"):
            async with session.get(f"http://{observed.settings.health_listen}{path}") as response:
                pages.append(await response.text())
    await observed.restart()

    assert len(caplog.records) > 50, "too little was logged to prove anything"
    for secret in (api.token, SECRET, api.token.split(":")[1]):
        assert secret not in caplog.text
        assert all(secret not in (r.getMessage() + (r.exc_text or "")) for r in caplog.records)
        assert all(secret not in page for page in pages)


async def test_one_user_cannot_read_or_change_anothers_data(
    observed: ObservedHarness, api: FakeBotApi
) -> None:
    alice, mallory = observed.chat(1001, "Alice"), observed.chat(6666, "Mallory")
    await workout_by_buttons(alice)
    await alice.tap("Just right")
    await alice.command("workout", PLAN)
    alices = await logged_sets(observed, alice.id)
    alice_buttons = [b["callback_data"] for m in alice.messages for b in m.buttons]
    await mallory.command("start")
    own = mallory.last

    for data in alice_buttons:  # Alice's tokens and steps, pressed in Mallory's chat
        await mallory.press_data(own, data)
    for command, args in [
        ("history", ""),
        ("history", "1001"),
        ("history", "tg:1001"),
        ("export", ""),
        ("export", "tg:1001"),
        ("progress", "1001"),
    ]:
        await mallory.command(command, args)

    assert await logged_sets(observed, mallory.id) == []
    assert await logged_sets(observed, alice.id) == alices  # nothing of Alice's changed
    seen = " ".join(m.shown for m in mallory.messages)
    files = [m.document[1].decode(errors="replace") for m in mallory.messages if m.document]
    for trace in ("Alice", "Right leg: 9", "Left leg: 8"):  # her name, her sets
        assert trace not in seen and all(trace not in f for f in files)
    assert all(m.photo is None for m in mallory.messages)  # no chart of Alice's progress
    replies = await alice.tap("8")  # Alice's live workout is where she left it
    assert replies[-1].shown.startswith("Left leg: 8 ✓")
