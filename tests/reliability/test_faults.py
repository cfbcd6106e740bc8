"""The Bot API misbehaving under a real `coach run`: every message still arrives, once, in order."""

from __future__ import annotations

import asyncio

import pytest

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.reliability.conftest import ReplicaFactory
from tests.reliability.process import CoachProcess
from tests.reliability.scripted import EXPECTED, PLAN, press, sets_of

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

TAPS = ("8", "Go now", "9", "Skip rest", "8", "Go now", "7", "Just right")
USERS = 10


async def _workout(coach: CoachProcess, user: FakeUser) -> None:
    assert await coach.post(user.command("workout", PLAN)) == 200
    for label in TAPS:
        assert await coach.post(press(user, label)) == 200


def _conversation(api: FakeBotApi, chat_id: int) -> list[tuple[str, list[str]]]:
    """What the user sees at the end: each bot message's text and buttons, in order."""
    return [(m.shown, m.labels()) for m in api.records.bot_messages(chat_id)]


async def test_429s_500s_timeouts_and_dropped_connections_deliver_every_message_once(
    api: FakeBotApi, replicas: ReplicaFactory, sqlite_url: str
) -> None:
    coach = replicas("coach", sqlite_url)
    await coach.start()
    calm = FakeUser(api, 7000)
    await _workout(coach, calm)
    stormy = [FakeUser(api, 7001 + n) for n in range(USERS)]
    # Spread over the storm (every n-th matching call), so no single call runs out of retries.
    api.inject("429", None, times=20, retry_after=0.05, every=3)
    api.inject("500", None, times=8, every=4)
    api.inject("drop", None, times=8, every=5)
    api.inject("slow", "sendMessage", times=1, delay=6)  # past the coach's 5 s read timeout

    await asyncio.gather(*(_workout(coach, user) for user in stormy))

    served = {kind for _, kind in api.faults.served}
    assert served == {"429", "500", "drop", "slow"}, api.faults.served
    assert len(api.faults.served) == 37
    for user in stormy:
        assert _conversation(api, user.id) == _conversation(api, calm.id), f"user {user.id}"
        assert await sets_of(sqlite_url, user.id) == EXPECTED
    presses = (USERS + 1) * len(TAPS)
    assert len(api.records.answered_queries) == presses  # every press answered...
    assert not api.records.open_queries  # ...and none twice or never
    lines = coach.log_lines()
    assert not [line for line in lines if line["level"] in ("ERROR", "CRITICAL")]
    assert {line["outcome"] for line in lines if line["msg"] == "update handled"} == {"ok"}
    _, page = await coach.get("/metrics")
    assert 'coach_telegram_429_total{method="sendMessage"}' in page
    assert await coach.stop() == 0  # still running, and it stops cleanly
