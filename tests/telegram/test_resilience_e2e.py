"""Telegram misbehaving (429 storms, flood limits, 500s, lost connections) and the coach failing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.content import Library
from bot.telegram.handlers import ONLY_TEXT, SORRY, SORRY_UNSENT, SORRY_UNSURE
from tests.fakebotapi import FakeBotApi, FloodLimits
from tests.telegram.harness import (
    Harness,
    Mode,
    WrappedStore,
    coach_settings,
    logged_sets,
    workout_by_buttons,
    wrap_units,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """These are about Telegram's side, not storage: SQLite is enough."""
    return sqlite_url


EXPECTED = [(1, "left", 8), (1, "right", 9), (2, "left", 8), (2, "right", 7)]


async def test_a_429_storm_delivers_every_message_once_in_order(harness: Harness) -> None:
    calm = harness.chat(3001)
    await workout_by_buttons(calm)
    stormy = harness.chat(3002)
    # Every other request is refused with a 429: each message waits and tries again.
    harness.api.inject("429", None, times=10, retry_after=0.01, every=2)

    await workout_by_buttons(stormy)

    assert len(harness.api.faults.served) == 10
    assert [m.shown for m in stormy.messages] == [m.shown for m in calm.messages]
    assert await logged_sets(harness, stormy.id) == EXPECTED


@pytest.mark.parametrize("fault", ["500", "drop"])
async def test_server_errors_and_lost_connections_are_retried(harness: Harness, fault: str) -> None:
    calm = harness.chat(3101)
    await workout_by_buttons(calm)
    shaky = harness.chat(3102)
    harness.api.inject(fault, "sendMessage")  # type: ignore[arg-type]
    harness.api.inject(fault, "editMessageText")  # type: ignore[arg-type]

    await workout_by_buttons(shaky)

    assert [m.shown for m in shaky.messages] == [m.shown for m in calm.messages]
    assert await logged_sets(harness, shaky.id) == EXPECTED


@pytest.fixture
async def limited_api() -> AsyncIterator[FakeBotApi]:
    limits = FloodLimits(per_chat_per_second=20, global_per_second=40, retry_after=0.2)
    async with FakeBotApi(limits=limits) as fake:
        yield fake


async def test_the_coach_keeps_under_telegrams_flood_limits(
    limited_api: FakeBotApi, database_url: str, library: Library, mode: Mode
) -> None:
    settings = coach_settings(
        limited_api,
        database_url,
        mode,
        COACH_PER_CHAT_PER_SECOND=16,
        COACH_GLOBAL_PER_SECOND=32,
    )
    harness = Harness(limited_api, settings, library)
    await harness.start()
    try:
        await workout_by_buttons(harness.chat())
        assert await logged_sets(harness, 1001) == EXPECTED
    finally:
        await harness.stop()
    assert limited_api.flood is not None and limited_api.flood.rejected == 0


class FailingSave(WrappedStore):
    """Wraps a unit of work's store so that saving the user fails once, after the set was logged."""

    async def save_user(self, user: Any) -> None:
        raise RuntimeError("disk full")


async def test_a_failed_update_changes_nothing_and_the_user_is_told(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    prompt = chat.last
    wrap_units(monkeypatch, harness.services.database, FailingSave)
    await chat.tap("8", prompt)
    monkeypatch.undo()

    assert chat.last.shown == SORRY
    assert await logged_sets(harness, chat.id) == []
    await chat.say("8")  # the same step again, as if the failure never happened
    assert await logged_sets(harness, chat.id) == [(1, "left", 8)]


class DatabaseAway(WrappedStore):
    """The database drops the connection under the unit's save (a restart, a failover)."""

    async def save_user(self, user: Any) -> None:
        raise ConnectionResetError("the server closed the connection")


async def test_a_database_failure_is_left_to_telegram_or_told_without_claiming_anything(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    typed = chat.user.text("8")
    wrap_units(monkeypatch, harness.services.database, DatabaseAway)
    before = len(chat.messages)
    status = await harness.api.deliver(typed)
    if harness.mode == "polling":
        await harness.api.wait_until(lambda: len(chat.messages) > before)
    monkeypatch.undo()

    if harness.mode == "webhook":  # 503: Telegram sends it again, and that delivery answers
        assert status == 503 and len(chat.messages) == before
        assert await harness.api.deliver(typed) == 200
        assert "right leg" in chat.last.shown.lower()
    else:  # confirmed by the next poll whatever we do: said as it is, nothing more
        assert chat.last.shown == SORRY_UNSURE
        assert "nothing was changed" not in SORRY_UNSURE
    assert await logged_sets(harness, chat.id) == ([(1, "left", 8)] if status else [])


async def test_a_reply_telegram_keeps_refusing_is_reported_and_the_step_kept(
    harness: Harness,
) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    harness.api.inject("500", "sendMessage", times=4)  # more than the coach retries

    await chat.say("8")

    assert chat.last.shown == SORRY_UNSENT
    assert await logged_sets(harness, chat.id) == [(1, "left", 8)]
    back = await chat.command("start")
    assert "right leg" in back[-1].shown.lower()


async def test_a_sticker_gets_a_pointer_to_what_works(harness: Harness) -> None:
    chat = harness.chat()
    replies = await harness_deliver(harness, chat.user.sticker(), chat.id)
    assert [m.shown for m in replies] == [ONLY_TEXT]


async def harness_deliver(harness: Harness, update: dict[str, Any], chat_id: int) -> list[Any]:
    before = len(harness.api.records.bot_messages(chat_id))
    await harness.deliver(update)
    return harness.api.records.bot_messages(chat_id)[before:]


async def test_a_failing_menu_never_stops_the_bot(
    api: FakeBotApi, database_url: str, library: Library, mode: Mode
) -> None:
    api.inject("500", "setMyCommands", times=10)
    harness = Harness(api, coach_settings(api, database_url, mode), library)
    await harness.start()
    try:
        replies = await harness.chat().command("start")
        assert replies and "single-leg coach" in replies[0].shown
    finally:
        await harness.stop()
    assert api.records.commands == []
