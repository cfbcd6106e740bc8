"""Users through the store: created on first sight, settings, state and timer round trips."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.coach.ports import Side, StaleStateError, Unit, UserSettings
from bot.coach.replies import Timer
from bot.storage import Database
from tests.storage.factories import at


async def test_first_sight_creates_the_user_with_default_settings(database: Database) -> None:
    async with database.unit() as store:
        assert await store.user_by_key("tg:1") is None
        user = await store.load_user("tg:1")
    assert user.key == "tg:1"
    assert user.settings == UserSettings()
    assert (user.state, user.version, user.timer) == ({}, 0, None)
    async with database.unit() as store:
        again = await store.load_user("tg:1")
        other = await store.load_user("tg:2")
    assert again.id == user.id
    assert other.id != user.id


async def test_settings_state_and_timer_survive_a_round_trip(database: Database) -> None:
    due = datetime(2025, 6, 1, 12, 0, 30, 250_000, tzinfo=UTC)
    state = {"step": "set", "side": "left", "note": "ça brûle 💪", "log": [10, None, {"a": 1.5}]}
    async with database.unit() as store:
        user = await store.load_user("terminal:ana")
        user.settings = UserSettings(Unit.LB, 90, 5, Side.RIGHT, "Europe/Berlin")
        user.state = state
        user.timer = Timer("rest", 7, due)
        await store.save_user(user)
    async with database.unit() as store:
        loaded = await store.load_user("terminal:ana")
        found = await store.user_by_key("terminal:ana")
    assert loaded.settings == UserSettings(Unit.LB, 90, 5, Side.RIGHT, "Europe/Berlin")
    assert loaded.state == state
    assert loaded.timer == Timer("rest", 7, due)
    assert loaded.version == 1
    assert found == loaded


async def test_saving_without_a_timer_clears_it(database: Database) -> None:
    async with database.unit() as store:
        user = await store.load_user("u")
        user.timer = Timer("switch", 1, at(1))
        await store.save_user(user)
        user.timer = None
        await store.save_user(user)  # a second save in one unit checks the bumped version
        assert user.version == 2
    async with database.unit() as store:
        assert (await store.load_user("u")).timer is None
        assert await store.pending_timers() == []


async def test_timer_times_come_back_as_aware_utc(database: Database) -> None:
    berlin_noon = datetime(2025, 7, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    async with database.unit() as store:
        user = await store.load_user("u")
        user.timer = Timer("rest", 3, berlin_noon)
        await store.save_user(user)
    async with database.unit() as store:
        timer = (await store.load_user("u")).timer
    assert timer is not None
    assert timer.due_at.tzinfo == UTC
    assert timer.due_at == berlin_noon
    assert timer.due_at.hour == 10


async def test_pending_timers_lists_every_user_with_a_timer_soonest_first(
    database: Database,
) -> None:
    async with database.unit() as store:
        for key, timer in [
            ("a", Timer("rest", 1, at(5))),
            ("b", None),
            ("c", Timer("switch", 2, at(1))),
        ]:
            user = await store.load_user(key)
            user.timer = timer
            await store.save_user(user)
    async with database.unit() as store:
        pending = await store.pending_timers()
    assert pending == [("c", Timer("switch", 2, at(1))), ("a", Timer("rest", 1, at(5)))]


async def test_a_stale_version_is_refused_and_changes_nothing(database: Database) -> None:
    async with database.unit() as store:
        stale = await store.load_user("u")
    async with database.unit() as store:
        fresh = await store.load_user("u")
        fresh.state = {"step": "fresh"}
        await store.save_user(fresh)
    stale.state = {"step": "stale"}
    with pytest.raises(StaleStateError):
        async with database.unit() as store:
            await store.save_user(stale)
    assert stale.version == 0  # not bumped by the refused save
    async with database.unit() as store:
        kept = await store.load_user("u")
    assert (kept.state, kept.version) == ({"step": "fresh"}, 1)


async def test_user_by_key_never_creates_a_user(database: Database) -> None:
    async with database.unit() as store:
        assert await store.user_by_key("nobody") is None
    async with database.unit() as store:
        assert await store.user_by_key("nobody") is None
        assert await store.pending_timers() == []


@pytest.mark.parametrize("key", ["", "x" * 201])
async def test_an_empty_or_huge_key_is_refused(database: Database, key: str) -> None:
    async with database.unit() as store:
        with pytest.raises(ValueError, match="user key"):
            await store.load_user(key)
        with pytest.raises(ValueError, match="user key"):
            await store.user_by_key(key)


async def test_unicode_keys_are_distinct_users(database: Database) -> None:
    async with database.unit() as store:
        ids = {(await store.load_user(key)).id for key in ["ana", "Ana", "anä", "ана", "🦵" * 50]}
    assert len(ids) == 5


async def test_concurrent_first_sight_of_one_key_creates_one_user(database: Database) -> None:
    async def first_event() -> int:
        async with database.unit() as store:
            return (await store.load_user("tg:42")).id

    ids = await asyncio.gather(*(first_event() for _ in range(10)))
    assert len(set(ids)) == 1
