"""10 000 generated updates nobody should send: no crash, no row changed, sane answers."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select
from telegram import Update

from bot.content import Library
from bot.storage.models import SetLogRow, WorkoutRow
from bot.telegram.handlers import PRIVATE_ONLY, SORRY, SORRY_UNSENT
from tests.fakebotapi import SECRET_HEADER, FakeBotApi, FakeUser
from tests.reliability.junk import HARMLESS_COMMANDS, UNKNOWN_COMMANDS, Junk
from tests.reliability.observed import ObservedHarness, observed_coach, samples
from tests.reliability.scripted import PLAN, press
from tests.telegram.harness import logged_sets

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

SEED = 20260611
TOTAL = 10_000
OVER_HTTP = 300
JUNK_USERS = range(900_001, 900_151)
VICTIMS = range(8001, 8005)
GROUPS = (-100_123, -4_567)
CHANNEL = -1_001_234_567


@pytest.fixture
async def coach(
    api: FakeBotApi, empty_database_url: str, library: Library
) -> AsyncIterator[ObservedHarness]:
    """On SQLite, and on PostgreSQL when configured (it refuses some text SQLite takes)."""
    async with observed_coach(api, empty_database_url, library) as harness:
        yield harness


async def _rows(coach: ObservedHarness) -> set[tuple[Any, ...]]:
    """Every workout and logged set, as plain tuples."""
    async with coach.services.database.unit() as store:
        workouts = (await store.session.scalars(select(WorkoutRow))).all()
        sets = (await store.session.scalars(select(SetLogRow))).all()
    return {
        *(("workout", w.id, w.user_id, w.status, w.plan_sets, w.ended_at) for w in workouts),
        *(("set", s.id, s.user_id, s.set_number, s.side, s.reps, s.note) for s in sets),
    }


def _at_victim(junk: Junk, victim: int, data: str) -> dict[str, Any]:
    kind = junk.rng.choice(["media", "edited", "press", "command", "inline", "group"])
    if kind == "media":
        return junk.media(victim)
    if kind == "edited":
        return junk.edited(victim)
    if kind == "press":
        return junk.press(victim, data)
    if kind == "command":
        return junk.private_text(victim, junk.rng.choice(UNKNOWN_COMMANDS))
    if kind == "inline":
        return junk.inline_press(victim, data)
    return junk.group(victim, junk.rng.choice(GROUPS))


def _generate(junk: Junk, victims: dict[int, set[str]], foreign: list[str]) -> list[dict[str, Any]]:
    """TOTAL updates; a victim never gets text (a number is a real answer) nor a live button."""
    rng, updates = junk.rng, []
    for _ in range(TOTAL):
        if rng.random() < 0.1:
            victim = rng.choice(list(victims))
            live = victims[victim]
            data = next(d for d in iter(lambda: junk.data(foreign), None) if d not in live)
            updates.append(_at_victim(junk, victim, data))
            continue
        user = rng.choice(JUNK_USERS)
        roll = rng.random()
        if roll < 0.4:
            updates.append(junk.private_text(user, junk.text()))
        elif roll < 0.5:
            commands = [*UNKNOWN_COMMANDS, *HARMLESS_COMMANDS]
            updates.append(junk.private_text(user, f"{rng.choice(commands)} {junk.text()[:300]}"))
        elif roll < 0.6:
            updates.append(junk.media(user))
        elif roll < 0.65:
            updates.append(junk.edited(user))
        elif roll < 0.8:
            updates.append(junk.press(user, junk.data(foreign)))
        elif roll < 0.85:
            updates.append(junk.inline_press(user, junk.data(foreign)))
        elif roll < 0.95:
            updates.append(junk.group(user, rng.choice(GROUPS)))
        else:
            updates.append(junk.channel(CHANNEL))
    return updates


async def _post_all(
    coach: ObservedHarness, api: FakeBotApi, updates: list[dict[str, Any]]
) -> Counter[int]:
    statuses: Counter[int] = Counter()
    url = str(coach.settings.webhook_url)
    headers = {SECRET_HEADER: "s3cret-for-the-webhook-tests"}
    async with aiohttp.ClientSession() as session:

        async def post(update: Any) -> None:
            async with session.post(url, json=update, headers=headers) as response:
                statuses[response.status] += 1
                body = await response.read()
                await api.take_webhook_answer(response.status, response.content_type, body)

        for start in range(0, len(updates), 20):
            await asyncio.gather(*(post(u) for u in updates[start : start + 20]))
        for body in ("not json", "[1, 2]", "{}", '{"update_id": "x"}', "null", '"text"'):
            async with session.post(url, data=body, headers=headers) as response:
                statuses[response.status] += 1
    return statuses


async def test_ten_thousand_junk_updates_crash_nothing_change_nothing_and_get_sane_answers(
    coach: ObservedHarness, api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    people = {n: FakeUser(api, n) for n in [*VICTIMS, *JUNK_USERS]}
    for group in GROUPS:  # the bot is in these groups; in the channel it may not write
        api.records.chats.setdefault(group, [])
    for victim in VICTIMS:  # each waits for the right leg of set 1, one set logged
        await coach.deliver(people[victim].command("workout", PLAN))
        await coach.deliver(press(people[victim], "8"))
        await coach.deliver(press(people[victim], "Go now"))
    foreign = [
        b["callback_data"] for v in VICTIMS for m in api.records.bot_messages(v) for b in m.buttons
    ]
    live = {v: {b["callback_data"] for b in api.records.last_keyboard(v).buttons} for v in VICTIMS}
    before = await _rows(coach)
    junk = Junk(SEED, api.new_update_id)
    updates = _generate(junk, live, foreign)
    for query_id, chat in junk.queries.items():
        api.records.open_queries[query_id] = {"chat_id": chat}

    statuses = await _post_all(coach, api, updates[:OVER_HTTP])
    assert coach.bot is not None
    application = coach.bot.application
    for update in updates[OVER_HTTP:]:
        await application.update_queue.put(Update.de_json(update, application.bot))
    await asyncio.wait_for(application.update_queue.join(), 300)

    # Nothing crashed: no handler error, nothing the error handler saw, nothing PTB logged.
    assert statuses == Counter({200: OVER_HTTP, 400: 6}), statuses
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    found = samples(coach.metrics.exposition().decode())
    counted = {key[1]: value for key, value in found.items() if key[0] == "coach_updates_total"}
    assert {dict(labels)["outcome"] for labels in counted} == {"ok"}
    assert sum(counted.values()) == TOTAL + 3 * len(VICTIMS)
    # Nothing changed: not one workout or set; the victims carry on where they were.
    assert await _rows(coach) == before
    for victim in VICTIMS:
        await coach.deliver(press(people[victim], "9"))
        assert api.records.last_bot_message(victim).shown.startswith("Right leg: 9 ✓")
        assert await logged_sets(coach, victim) == [(1, "left", 8), (1, "right", 9)]
    # Everyone answered sanely or left alone.
    answers = Counter(
        call.params["callback_query_id"] for call in api.records.calls_to("answerCallbackQuery")
    )
    assert set(answers) == set(junk.queries) | {q for q in answers if not q.startswith("junk")}
    assert set(answers.values()) == {1}, "a press answered twice"
    everything = [m.shown for chat in api.records.chats.values() for m in chat if m.from_bot]
    assert SORRY not in everything and SORRY_UNSENT not in everything
    for group in GROUPS:
        assert {m.shown for m in api.records.bot_messages(group)} <= {PRIVATE_ONLY}
    assert api.records.bot_messages(CHANNEL) == []
    spoke = {
        u["message"]["chat"]["id"]
        for u in updates
        if "message" in u and u["message"]["chat"]["id"] > 0
    }
    silent = [chat for chat in spoke if not api.records.bot_messages(chat)]
    assert silent == [], "people who wrote to the coach and got no answer"


@pytest.mark.parametrize("typed", ["8 \x00", "8 reps \x00 felt \x07 odd", "\x00", "ok\x00" * 50])
async def test_nul_and_control_characters_mid_set_on_each_database(
    api: FakeBotApi, empty_database_url: str, library: Library, typed: str
) -> None:
    """PostgreSQL refuses NUL in text and JSON: typed mid-set, it must not reach a statement."""
    async with observed_coach(api, empty_database_url, library) as harness:
        chat = harness.chat(8101)
        await chat.command("workout", PLAN)
        replies = await chat.say(typed)
        assert replies and SORRY not in [m.shown for m in replies]
        sets = await logged_sets(harness, chat.id)
        assert sets in ([], [(1, "left", 8)])
        await chat.command("start")
        assert "leg" in chat.last.shown.lower()
