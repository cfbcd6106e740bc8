"""Two `coach run` replicas on one PostgreSQL: any update at either, double presses at both."""

from __future__ import annotations

import asyncio
import json
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


RACERS = 30
TO_LAST_SET = ("8", "Go now", "9", "Skip rest", "8", "Go now")


async def _race(user: FakeUser, pair: Pair, rng: random.Random) -> None:
    """The whole workout at one replica but the end: the last set typed at one replica while
    Stop is tapped at the other, at once (two devices, or a re-sent update racing a new one)."""
    here, there = pair if rng.random() < 0.5 else pair[::-1]
    assert await here.post(user.command("workout", PLAN)) == 200
    for label in TO_LAST_SET:
        assert await here.post(press(user, label)) == 200
    stop, last_set = press(user, "Stop"), user.text("7")
    # Either way round: the replica that served the workout holds the user kept (reads nothing
    # before its first write), the other reads and locks them first.
    typed_here = rng.random() < 0.5
    statuses = await asyncio.gather(
        here.post(last_set if typed_here else stop), there.post(stop if typed_here else last_set)
    )
    assert statuses == [200, 200]


@pytest.mark.parametrize("empty_database_url", ["postgres"], indirect=True)
async def test_the_last_set_at_one_replica_and_stop_at_the_other_never_deadlock_or_mislead(
    api: FakeBotApi, replicas: ReplicaFactory, empty_database_url: str
) -> None:
    pair = (replicas("a", empty_database_url), replicas("b", empty_database_url))
    await asyncio.gather(*(replica.start() for replica in pair))
    users = [FakeUser(api, 6500 + n) for n in range(RACERS)]

    await asyncio.gather(*(_race(user, pair, random.Random(user.id)) for user in users))

    exact, set_first = 0, 0
    for user in users:
        logged = await sets_of(empty_database_url, user.id)
        said = [m.shown for m in api.records.bot_messages(user.id)]
        assert SORRY not in said and SORRY_UNSENT not in said
        assert not [t for t in said if "couldn't reach" in t]
        if logged == EXPECTED:  # the set went in first: the stop came too late to matter
            set_first += 1
            exact += any(t.startswith("Right leg: 7 ✓") for t in said)
        elif logged == EXPECTED[:3]:  # stopped first: nobody says the 7 was logged
            exact += not any("7 ✓" in t for t in said)
    lines = [line for replica in pair for line in replica.log_lines()]
    assert not [line for line in lines if line["level"] in ("ERROR", "CRITICAL")]
    retried = [line for line in lines if "running the event again" in line["msg"]]
    deadlocks = [line for line in lines if "Deadlock" in line["msg"]]
    figures = {
        "users": RACERS,
        "true_to_the_database": exact,
        "set_went_first": set_first,
        "retried": len(retried),
        "deadlocks_retried": len(deadlocks),
    }
    print(json.dumps({"replica_race": figures}))
    assert exact == RACERS
    assert await asyncio.gather(*(replica.stop() for replica in pair)) == [0, 0]
