"""Two scheduler replicas on one database send a day for 500 users via the fake Bot API, once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, time, timedelta

import aiohttp
from sqlalchemy import insert

from bot.content import Library
from bot.reminders.domain import Delivery, SendResult
from bot.reminders.parsing import EVERY_DAY
from bot.reminders.schedule import Rule, next_occurrence, occurrences_between
from bot.reminders.service import Sender
from bot.storage import Database
from bot.storage.models import UserRow
from bot.storage.reminder_store import ReminderRow
from tests.fakebotapi import FakeBotApi
from tests.reminders.conftest import Clock
from tests.reminders.helpers import service

USERS = 500
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC+05:45", "UTC")
DAY_START = datetime(2026, 6, 10, 0, 0, tzinfo=UTC)
STEP = timedelta(minutes=10)


async def _seed(database: Database) -> dict[str, Rule]:
    """500 users, one daily reminder each, at times spread over the day in six zones."""
    rules = {
        f"tg:{n}": Rule(time((n * 37) // 60 % 24, (n * 37) % 60), EVERY_DAY, ZONES[n % 6])
        for n in range(USERS)
    }
    before = DAY_START - timedelta(days=1)
    async with database.unit() as store:
        await store.session.execute(
            insert(UserRow),
            [
                {
                    "key": key, "created_at": before, "unit": "kg", "rest_seconds": 60,
                    "switch_seconds": 10, "first_side": "left", "timezone": rule.zone,
                    "state": {}, "version": 0,
                }
                for key, rule in rules.items()
            ],
        )  # fmt: skip
        store_ids = {key: (await store.load_user(key)).id for key in rules}
        await store.session.execute(
            insert(ReminderRow),
            [
                {
                    "user_id": store_ids[key], "local_time": rule.at, "days": rule.days,
                    "zone": rule.zone, "exercise": "glute-bridge", "paused": False,
                    "created_at": before,
                    "next_due_at": next_occurrence(rule, DAY_START).due_at,
                }
                for key, rule in rules.items()
            ],
        )  # fmt: skip
    return rules


def _chat(key: str) -> int:
    return 10_000 + int(key.removeprefix("tg:"))


def _sender(http: aiohttp.ClientSession, api: FakeBotApi, tally: Counter[str], name: str) -> Sender:
    """Sends the reminder as the Telegram adapter would: sendMessage with its inline keyboard."""

    async def send(delivery: Delivery) -> SendResult:
        keyboard = [
            [{"text": b.label, "callback_data": b.data} for b in row]
            for row in delivery.reply.buttons
        ]
        body = {
            "chat_id": _chat(delivery.user_key),
            "text": delivery.reply.text,
            "reply_markup": {"inline_keyboard": keyboard},
        }
        async with http.post(f"{api.base_url}{api.token}/sendMessage", json=body) as response:
            answer = await response.json()
        if response.status == 429:
            return SendResult.retry(float(answer["parameters"]["retry_after"]))
        assert response.status == 200, answer
        tally[name] += 1
        return SendResult.ok()

    return send


async def test_two_replicas_send_a_day_of_reminders_for_500_users_exactly_once(
    database: Database, library: Library
) -> None:
    rules = await _seed(database)
    clock = Clock(DAY_START)
    by_replica: Counter[str] = Counter()
    other = Database(database.url.render_as_string(hide_password=False))
    async with FakeBotApi() as api, aiohttp.ClientSession() as http:
        for key in rules:
            api.records.chats[_chat(key)] = []  # every user has talked to the bot
        try:
            a = service(database, _sender(http, api, by_replica, "a"), library, clock, worker="a")
            b = service(other, _sender(http, api, by_replica, "b"), library, clock, worker="b")
            crashed_at = DAY_START + timedelta(hours=12)
            while clock.now < DAY_START + timedelta(days=1):
                clock.advance(minutes=STEP.total_seconds() / 60)
                if clock.now == crashed_at:
                    # Replica "a" claims what is due and dies before sending it; "b" goes on.
                    assert (await a.claim_due(clock())).claimed  # it did hold some
                    a = service(database, _sender(http, api, by_replica, "a"), library, clock)
                    continue
                await asyncio.gather(a.run_due(), b.run_due())
        finally:
            await other.dispose()
        received = {
            chat: [m.text for m in messages if m.from_bot]
            for chat, messages in api.records.chats.items()
        }
    expected = {
        _chat(key)
        for key, rule in rules.items()
        for _ in occurrences_between(rule, DAY_START, DAY_START + timedelta(days=1))
    }
    assert len(expected) == USERS  # one occurrence each in the day
    assert {chat for chat, texts in received.items() if texts} == expected  # nobody lost
    assert max(len(texts) for texts in received.values()) == 1  # nobody twice
    assert sum(by_replica.values()) == USERS
    assert all("Glute bridge" in texts[0] for texts in received.values())
