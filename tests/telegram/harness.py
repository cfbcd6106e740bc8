"""The real coach Application against the fake Bot API, in polling or webhook mode, for tests."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest
from aiohttp import web

from bot.config import Settings
from bot.content import Library
from bot.storage import Database
from bot.telegram.application import CoachBot, build_application
from bot.telegram.context import Services, user_key
from tests.fakebotapi import FakeBotApi, FakeUser, Message

Mode = Literal["polling", "webhook"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def coach_settings(api: FakeBotApi, database_url: str, mode: Mode, **extra: Any) -> Settings:
    """Settings as `coach run` would read them, pointed at the fake and fast for tests."""
    values: dict[str, Any] = {
        "TELEGRAM_BOT_TOKEN": api.token,
        "COACH_DATABASE_URL": database_url,
        "COACH_BOT_API_URL": api.base_url,
        # Far above what a test sends, so flood control only shows when a test asks for it.
        "COACH_PER_CHAT_PER_SECOND": 200,
        "COACH_GLOBAL_PER_SECOND": 1000,
        "COACH_GROUP_PER_MINUTE": 6000,
    }
    if mode == "webhook":
        port = free_port()
        values["COACH_WEBHOOK_URL"] = f"http://127.0.0.1:{port}/telegram/hook"
        values["COACH_WEBHOOK_LISTEN"] = f"127.0.0.1:{port}"
        values["COACH_WEBHOOK_SECRET"] = "s3cret-for-the-webhook-tests"
        values["COACH_HEALTH_LISTEN"] = f"127.0.0.1:{free_port()}"
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@dataclass
class Harness:
    api: FakeBotApi
    settings: Settings
    library: Library
    bot: CoachBot | None = None
    chats: dict[int, Chat] = field(default_factory=dict)
    internal_routes: tuple[web.RouteDef, ...] = ()

    @property
    def mode(self) -> Mode:
        return "webhook" if self.settings.webhook_url else "polling"

    @property
    def services(self) -> Services:
        assert self.bot is not None
        return self.bot.application.bot_data.services

    async def start(self) -> CoachBot:
        self.bot = CoachBot(
            build_application(self.settings, self.library),
            self.settings,
            poll_timeout=1,
            internal_routes=self.internal_routes,
        )
        await self.bot.start()
        return self.bot

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.stop()
            self.bot = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def deliver(self, update: dict[str, Any]) -> None:
        """Hand the update to the bot and return once the bot has finished with it."""
        status = await self.api.deliver(update)
        if self.mode == "webhook":
            # The webhook answers after processing, like Telegram we get 200 when it is done.
            assert status == 200, f"webhook answered {status}"
            return
        assert self.bot is not None
        await self.api.wait_fetched(update["update_id"])
        await self.bot.application.update_queue.join()

    def chat(self, user_id: int = 1001, first_name: str = "Alex") -> Chat:
        if user_id not in self.chats:
            self.chats[user_id] = Chat(self, FakeUser(self.api, user_id, first_name))
        return self.chats[user_id]


@dataclass
class Chat:
    """One person talking to the bot; each action returns the bot messages it caused."""

    harness: Harness
    user: FakeUser

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def messages(self) -> list[Message]:
        return self.harness.api.records.bot_messages(self.id)

    @property
    def last(self) -> Message:
        return self.harness.api.records.last_bot_message(self.id)

    async def _send(self, update: dict[str, Any]) -> list[Message]:
        before = len(self.messages)
        await self.harness.deliver(update)
        return self.messages[before:]

    async def say(self, text: str) -> list[Message]:
        return await self._send(self.user.text(text))

    async def command(self, name: str, args: str = "") -> list[Message]:
        return await self._send(self.user.command(name, args))

    async def send_file(self, name: str, content: bytes, **options: Any) -> list[Message]:
        """Send a file as a document (FakeUser.document's options: file_size, stored)."""
        return await self._send(self.user.document(name, content, **options))

    async def tap(self, label: str, message: Message | None = None) -> list[Message]:
        """Press a button by its label on `message` or on the latest message that has buttons."""
        target = message or self.harness.api.records.last_keyboard(self.id)
        return await self._send(self.user.press(target, label))

    async def press_data(self, message: Message, data: str) -> list[Message]:
        """Press with callback data of our own making: a forged or stale button."""
        return await self._send(self.user.press(message, data=data))

    def texts(self) -> list[str]:
        return [message.shown for message in self.messages]


async def logged_sets(harness: Harness, chat_id: int) -> list[tuple[int, str, int | None]]:
    """(set number, side, reps) of every set the database holds for the chat, oldest first."""
    async with harness.services.database.unit() as store:
        user = await store.load_user(user_key(chat_id))
        workouts = await store.workouts(user.id, limit=100)
    return [(s.set_number, s.side.value, s.reps) for w in reversed(workouts) for s in w.sets]


async def workout_by_buttons(chat: Chat, reps: tuple[str, ...] = ("8", "9", "8", "7")) -> None:
    """Two sets per leg, every answer a button press; ends on the effort question."""
    await chat.command("workout", "single-leg hip thrust 2x8")
    for number, count in enumerate(reps):
        await chat.tap(count)
        if number == 0 or number == 2:
            await chat.tap("Go now")  # the switch countdown
        elif number == 1:
            await chat.tap("Skip rest")


class WrappedStore:
    """A unit's store with a test's methods in place of some: the rest are the real store's."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def wrap_units(
    monkeypatch: pytest.MonkeyPatch, database: Database, wrapper: Callable[[Any], WrappedStore]
) -> None:
    """Every unit of work the bot opens from now on hands it wrapper(store) (monkeypatch.undo
    ends it)."""
    real_unit = database.unit

    @asynccontextmanager
    async def unit(**options: Any) -> AsyncIterator[Any]:
        async with real_unit(**options) as store:
            yield wrapper(store)

    monkeypatch.setattr(database, "unit", unit)
