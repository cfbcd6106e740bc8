"""/deleteme: after the confirmation, no row of the user is left in any table; others keep all."""

from __future__ import annotations

import json
from datetime import time, timedelta
from typing import Any

from sqlalchemy import Table, select

from bot.coach.events import Press
from bot.reminders.domain import OccurrenceStatus
from bot.reminders.schedule import Rule
from bot.storage import Database
from bot.storage.migrate import target_metadata
from bot.storage.reminder_store import OccurrenceRow, SqlReminders
from tests.progress.conftest import SqlChat

ANA, BEN = "tg:90001", "tg:90002"
Rows = dict[str, dict[str, dict[str, Any]]]  # table -> row fingerprint -> row


async def _every_row(database: Database) -> Rows:
    """Every row of every table the coach defines, whatever the table."""
    rows: Rows = {}
    async with database.engine.connect() as connection:
        for table in target_metadata().sorted_tables:
            found = (await connection.execute(select(table))).mappings().all()
            rows[table.name] = {
                json.dumps(dict(r), default=str, sort_keys=True): dict(r) for r in found
            }
    return rows


def _refs(table: Table, row: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """(parent table, parent column, value) for each foreign key this row fills in."""
    return [
        (key.column.table.name, key.column.name, row[key.parent.name])
        for key in table.foreign_keys
        if row[key.parent.name] is not None
    ]


def _has(rows: dict[str, dict[str, Any]], column: str, value: Any) -> bool:
    return any(r[column] == value for r in rows.values())


async def _give_everything(chat: SqlChat, database: Database) -> int:
    """Workouts, sets, a pending rest timer, settings, a reminder with an occurrence."""
    await chat.session("slht 2x10 @ 10kg", [10, 9], [10, 10])
    await chat.command("settings", "timezone Berlin")
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    await chat.say("10")  # set 1 done: resting, with a timer stored
    user = await chat.user()
    assert user is not None and user.timer is not None
    async with database.unit() as store:
        reminders = SqlReminders(store.session)
        rule = Rule(time(19, 0), 0b0010101, "Europe/Berlin")
        reminder = await reminders.create_reminder(user.id, rule, "single-leg-hip-thrust", chat.now)
        occurrence = OccurrenceRow(
            reminder_id=reminder.id,
            local_date=chat.now.date(),
            due_at=chat.now,
            status=OccurrenceStatus.SENT.value,
            sent_at=chat.now,
        )
        store.session.add(occurrence)
    return user.id


async def test_deleteme_leaves_no_row_of_the_user_in_any_table(
    chat: SqlChat, database: Database
) -> None:
    ana, ben = chat, SqlChat(chat.coach, database, key=BEN, now=chat.now)
    ana.key = ANA
    ana_id = await _give_everything(ana, database)
    ben_id = await _give_everything(ben, database)
    before = await _every_row(database)
    for table in ("users", "workouts", "set_logs", "reminders", "reminder_occurrences"):
        assert before[table], f"the test should give {table} rows"

    await ana.command("deleteme")
    assert "can't be undone" in ana.text
    asked = await _every_row(database)  # asking deletes nothing (the user row saves a version)
    assert {n: r.keys() for n, r in asked.items() if n != "users"} == {
        n: r.keys() for n, r in before.items() if n != "users"
    }
    assert len(asked["users"]) == len(before["users"])
    before = asked
    outcome = await ana.press("Yes, delete everything")
    assert "2 workouts, 6 sets, 1 reminder" in ana.text and "Nothing of yours is left" in ana.text
    assert outcome.cancel_timer  # the adapter drops the pending rest timer too

    after = await _every_row(database)
    tables = {t.name: t for t in target_metadata().sorted_tables}
    removed = {name: {k: r for k, r in before[name].items() if k not in after[name]}
               for name in before}  # fmt: skip
    for name, rows in after.items():
        assert rows.keys() <= before[name].keys(), f"{name} gained rows"
        for row in rows.values():
            if "user_id" in row:
                assert row["user_id"] != ana_id, f"{name} still holds ana's {row}"
            for parent, column, value in _refs(tables[name], row):
                assert _has(after[parent], column, value), (
                    f"{name} row points at a deleted {parent}"
                )
            text = json.dumps(row, default=str)
            assert ANA not in text, f"{name} still names ana"
    assert not _has(after["users"], "id", ana_id)
    # Only ana's rows went: each removed row is hers, or hangs on a removed row of hers.
    for name, rows in removed.items():
        for row in rows.values():
            hers = (name == "users" and row["id"] == ana_id) or row.get("user_id") == ana_id
            hers = hers or any(
                _has(removed[parent], column, value)
                for parent, column, value in _refs(tables[name], row)
            )
            assert hers, f"{name} lost a row that was not ana's: {row}"
    assert {name for name, rows in removed.items() if rows} >= {
        "users", "workouts", "set_logs", "reminders", "reminder_occurrences"
    }  # fmt: skip
    # Ben keeps everything, his timer included.
    assert _has(after["workouts"], "user_id", ben_id) and _has(after["users"], "id", ben_id)
    for name in after:
        assert len(after[name]) == len(before[name]) - len(removed[name])
    async with database.unit() as store:
        assert [key for key, _ in await store.pending_timers()] == [BEN]
    assert len(await ben.sets()) == 6


async def test_deleting_needs_a_fresh_confirmation(chat: SqlChat, database: Database) -> None:
    await chat.session("slht 1x10", [10], [10])
    await chat.command("deleteme")
    yes = chat.button("Yes, delete everything")
    await chat.press("No, keep it")
    assert "nothing was deleted" in chat.text and len(await chat.sets()) == 2
    outcome = await chat.send(Press(yes.data), seconds=11 * 60)  # too late to count
    assert outcome.notice == "That button is out of date" and outcome.replies == []
    assert len(await chat.sets()) == 2
    await chat.command("deleteme")
    await chat.press("Yes, delete everything")
    assert await chat.user() is None
    await chat.command("history")  # a fresh start: a new, empty user
    assert chat.text.startswith("No sessions yet.")


async def test_a_stale_confirmation_after_moving_on_deletes_nothing(chat: SqlChat) -> None:
    await chat.session("slht 1x10", [10], [10])
    await chat.command("deleteme")
    yes = chat.button("Yes, delete everything")
    await chat.command("workout", "slht 1x10")  # the chat moved on: the button is stale
    outcome = await chat.send(Press(yes.data), seconds=timedelta(minutes=1).seconds)
    assert outcome.notice == "That button is out of date"
    assert len(await chat.workouts()) == 2
