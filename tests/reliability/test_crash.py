"""Killed mid-workout (SIGKILL), the restarted coach goes on at the same set and side."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest

from tests.fakebotapi import FakeBotApi, FakeUser
from tests.reliability.conftest import ReplicaFactory
from tests.reliability.process import CoachProcess
from tests.reliability.scripted import EXPECTED, PLAN, press, sets_of, shown

BURST_USERS = 12
# Telegram sends again what it got no answer for, later than two replicas would get one
# update at once (bot/coach/runner.py, REDELIVERED_AFTER).
REDELIVERED_AFTER = 3.5

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]


async def test_killed_between_updates_the_workout_goes_on_at_the_same_set_and_side(
    api: FakeBotApi, replicas: ReplicaFactory, empty_database_url: str
) -> None:
    url = empty_database_url
    coach = replicas("coach", url)
    await coach.start()
    user = FakeUser(api, 5001)
    assert await coach.post(user.command("workout", PLAN)) == 200
    assert await coach.post(press(user, "8")) == 200
    assert await coach.post(press(user, "Go now")) == 200
    assert "right leg" in shown(api, user.id).lower()

    await coach.kill()
    await coach.start()

    # The keyboard the dead process sent still works: the step lives in the database.
    assert await coach.post(press(user, "9")) == 200
    assert shown(api, user.id).startswith("Right leg: 9 ✓")
    for label in ("Skip rest", "8", "Go now", "7"):
        assert await coach.post(press(user, label)) == 200
    assert await sets_of(url, user.id) == EXPECTED
    assert await coach.stop() == 0


async def test_killed_while_replying_the_redelivered_press_is_not_logged_twice(
    api: FakeBotApi, replicas: ReplicaFactory, empty_database_url: str
) -> None:
    url = empty_database_url
    coach = replicas("coach", url)
    await coach.start()
    user = FakeUser(api, 5002)
    assert await coach.post(user.command("workout", PLAN)) == 200
    tap = press(user, "8")
    await _killed_while_replying(api, coach, tap)
    await coach.start()

    # Telegram got no answer, so it delivers the same update again.
    assert await coach.post(tap) == 200
    assert await sets_of(url, user.id) == [(1, "left", 8)]
    assert await coach.post(user.command("start")) == 200
    assert "right leg" in shown(api, user.id).lower()  # where the user is, said again
    assert await coach.stop() == 0


async def test_killed_while_replying_a_redelivered_typed_answer_is_not_logged_twice(
    api: FakeBotApi, replicas: ReplicaFactory, empty_database_url: str
) -> None:
    url = empty_database_url
    coach = replicas("coach", url)
    await coach.start()
    user = FakeUser(api, 5003)
    assert await coach.post(user.command("workout", PLAN)) == 200
    typed = user.text("8")
    await _killed_while_replying(api, coach, typed)
    await coach.start()

    assert await coach.post(typed) == 200  # the same update, delivered again
    assert await sets_of(url, user.id) == [(1, "left", 8)]
    assert await coach.stop() == 0


async def _killed_while_replying(api: FakeBotApi, coach: CoachProcess, update: Any) -> None:
    """Post the update; its set is committed before the reply goes out, the reply hangs, and
    the process dies. Telegram, having no answer, will deliver the update again."""
    api.inject("slow", "sendMessage", delay=3)
    sent_before = len(api.records.calls_to("sendMessage", ok_only=False))
    in_flight = asyncio.create_task(coach.post(update))
    await api.wait_until(
        lambda: len(api.records.calls_to("sendMessage", ok_only=False)) > sent_before, 20
    )
    await coach.kill()
    with pytest.raises(Exception):  # noqa: B017 - the connection dies with the process
        await in_flight
    api.faults.clear()


async def test_killed_in_a_burst_every_user_is_shown_the_step_they_are_on(
    api: FakeBotApi, replicas: ReplicaFactory, empty_database_url: str
) -> None:
    url = empty_database_url
    coach = replicas("coach", url)
    await coach.start()
    users = [FakeUser(api, 5100 + n) for n in range(BURST_USERS)]
    at_last_set = users[::2]  # the others start their workout in the burst
    for user in at_last_set:
        assert await coach.post(user.command("workout", PLAN)) == 200
        for label in ("8", "Go now", "9", "Skip rest", "8", "Go now"):
            assert await coach.post(press(user, label)) == 200
    burst = [
        user.text("7") if user in at_last_set else user.command("workout", PLAN) for user in users
    ]
    # Every update applied, every reply hanging: then the process dies.
    api.inject("slow", "sendMessage", times=len(users), delay=10)
    sent_before = len(api.records.calls_to("sendMessage", ok_only=False))
    posts = [asyncio.create_task(coach.post(update)) for update in burst]
    await api.wait_until(
        lambda: len(api.records.calls_to("sendMessage", ok_only=False)) - sent_before >= len(users),
        30,
    )
    killed_at = time.monotonic()
    await coach.kill()
    assert all(
        isinstance(r, Exception) for r in await asyncio.gather(*posts, return_exceptions=True)
    )
    api.faults.clear()
    await coach.start()
    await asyncio.sleep(max(0.0, REDELIVERED_AFTER - (time.monotonic() - killed_at)))

    for update in burst:  # Telegram had no answer to any of them: each comes again
        assert await coach.post(update) == 200

    missed, exact = [], 0
    for user in users:
        latest = api.records.latest_bot_message(user.id)
        seen = latest.shown if latest is not None else ""
        assert await coach.post(user.command("start")) == 200  # the step, as the coach has it
        if _step(seen) != _step(shown(api, user.id)):
            missed.append(user.id)
        expected = EXPECTED if user in at_last_set else []
        exact += await sets_of(url, user.id) == expected
    figures = {"users": len(users), "sets_exact": exact, "missed_a_prompt": len(missed)}
    print(json.dumps({"kill_burst": figures, "database": url.split(":", 1)[0]}))
    assert (exact, missed) == (len(users), [])
    assert await coach.stop() == 0


def _step(text: str) -> str:
    """A prompt without its lead line ("Welcome back!", "I have that already."): the step."""
    return text.split("\n", 1)[-1]
