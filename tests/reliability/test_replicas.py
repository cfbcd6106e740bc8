"""Two `coach run` replicas on one PostgreSQL: any update at either, double presses at both."""

from __future__ import annotations

import asyncio
import random
from collections import Counter

import pytest

from bot.telegram.handlers import SORRY, SORRY_UNSENT
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.reliability.conftest import ReplicaFactory
from tests.reliability.process import CoachProcess
from tests.reliability.scripted import EXPECTED, PLAN, press, sets_of

pytestmark = [pytest.mark.reliability, pytest.mark.e2e, pytest.mark.postgres]

USERS = 50
# A whole workout by buttons, as in tests/telegram: rep counts, the switch, the rest.
TAPS = ("8", "Go now", "9", "Skip rest", "8", "Go now", "7")
TYPED = frozenset({"9", "7"})  # typed, not tapped: only the update id tells a re-send apart
DOUBLE_SHARE = 0.3


Pair = tuple[CoachProcess, CoachProcess]


async def _workout(user: FakeUser, pair: Pair, rng: random.Random, doubles: Counter[str]) -> None:
    first = rng.choice(pair)
    assert await first.post(user.command("workout", PLAN)) == 200
    for label in TAPS:
        update = user.text(label) if label in TYPED else press(user, label)
        if rng.random() < DOUBLE_SHARE:
            # The same update at both replicas at once, as when Telegram re-sends it.
            statuses = await asyncio.gather(*(replica.post(update) for replica in pair))
            assert statuses == [200, 200]
            doubles[label] += 1
        else:
            assert await rng.choice(pair).post(update) == 200
        await asyncio.sleep(rng.random() / 100)  # users interleave differently on every step


# Replicas share PostgreSQL (SQLite is one machine's file): skipped without COACH_TEST_POSTGRES_URL.
@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_two_replicas_log_every_set_of_50_users_exactly_once_in_order(
    api: FakeBotApi, replicas: ReplicaFactory, empty_database_url: str
) -> None:
    pair = (replicas("a", empty_database_url), replicas("b", empty_database_url))
    await asyncio.gather(*(replica.start() for replica in pair))
    users = [FakeUser(api, 6000 + n) for n in range(USERS)]
    doubles: Counter[str] = Counter()

    await asyncio.gather(*(_workout(user, pair, random.Random(user.id), doubles) for user in users))

    assert sum(doubles.values()) > USERS, "too few double presses to prove anything"
    for user in users:
        assert await sets_of(empty_database_url, user.id) == EXPECTED, f"user {user.id}"
        shown = [m.shown for m in api.records.bot_messages(user.id)]
        assert SORRY not in shown and SORRY_UNSENT not in shown
        assert shown[-1] == "How did that feel?"  # every step reached, the last one too
    handled = Counter()
    for replica in pair:
        lines = replica.log_lines()
        assert not [line for line in lines if line["level"] in ("ERROR", "CRITICAL")]
        outcomes = Counter(line["outcome"] for line in lines if line["msg"] == "update handled")
        assert set(outcomes) == {"ok"}, outcomes
        handled[replica.name] = outcomes["ok"]
    assert min(handled.values()) > USERS * 2, f"the load was not spread: {handled}"
    assert await asyncio.gather(*(replica.stop() for replica in pair)) == [0, 0]
