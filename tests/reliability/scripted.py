"""A user's workout as updates, and what the database holds afterwards, for subprocess tests."""

from __future__ import annotations

from typing import Any

from bot.storage import Database
from bot.telegram.context import user_key
from tests.fakebotapi import FakeBotApi, FakeUser, Message

PLAN = "single-leg hip thrust 2x8"
# Two sets per leg, left first: what a whole workout logs (set number, side, reps).
EXPECTED = [(1, "left", 8), (1, "right", 9), (2, "left", 8), (2, "right", 7)]


async def sets_of(database_url: str, chat_id: int) -> list[tuple[int, str, int | None]]:
    """(set, side, reps) of every set logged for the chat, in logging order, read afresh."""
    async with Database(database_url) as database, database.unit() as store:
        user = await store.user_by_key(user_key(chat_id))
        if user is None:
            return []
        workouts = await store.workouts(user.id, limit=100)
    return [(s.set_number, s.side.value, s.reps) for w in reversed(workouts) for s in w.sets]


def keyboard(api: FakeBotApi, chat_id: int) -> Message:
    return api.records.last_keyboard(chat_id)


def press(user: FakeUser, label: str) -> dict[str, Any]:
    """Pressing `label` on the latest message with buttons."""
    return user.press(user.api.records.last_keyboard(user.id), label)


def shown(api: FakeBotApi, chat_id: int) -> str:
    return api.records.last_bot_message(chat_id).shown
