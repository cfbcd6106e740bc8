"""/history: open a past session, fix or delete a set, delete the session; empty ones hidden."""

from __future__ import annotations

import csv
import io

from bot.coach.events import Press
from bot.coach.state import Step
from bot.storage import Database
from tests.progress.conftest import SqlChat


async def _export_rows(chat: SqlChat) -> list[dict[str, str]]:
    await chat.command("export")
    document = chat.replies[-1].document
    assert document is not None
    return list(csv.DictReader(io.StringIO(document[1].decode())))


async def test_a_set_fixed_from_history_is_what_the_export_says(chat: SqlChat) -> None:
    await chat.session("slht 2x10 @ 10kg", [10, 10], [9, 8])
    await chat.command("history")
    await chat.press("Open Wed 4 Mar")
    assert "1. Set 1 Left: 10 @ 10 kg" in chat.text and "4. Set 2 Right: 8 @ 10 kg" in chat.text
    await chat.press("✏ Fix 4")
    assert "Type the new numbers" in chat.text
    await chat.say("9 @ 12.5kg")
    assert "Fixed ✓" in chat.text and "4. Set 2 Right: 9 @ 12.5 kg" in chat.text
    rows = await _export_rows(chat)
    assert [(r["side"], r["reps"], r["load"]) for r in rows][-1] == ("right", "9", "12.5")
    assert (await chat.state()).dialog is None  # the fix is done; typed text is the coach's again


async def test_a_set_and_a_session_are_deleted_after_one_question_each(chat: SqlChat) -> None:
    await chat.session("slht 1x10", [10], [9])
    await chat.session("slht 1x10", [11], [10], days=1)
    await chat.command("history")
    await chat.press("Open Thu 5 Mar")
    await chat.press("🗑 Delete 2")
    assert len(await chat.sets()) == 4  # asked first
    await chat.press("Yes, delete it")
    assert [s.reps for s in await chat.sets()] == [10, 9, 11]
    await chat.command("history")
    await chat.press("Open Wed 4 Mar")
    await chat.press("Delete this session")
    await chat.press("Yes, delete the session")
    assert [s.reps for s in await chat.sets()] == [11]
    assert [w.started_at.day for w in await chat.workouts()] == [5]


async def test_empty_sessions_are_neither_shown_nor_counted(chat: SqlChat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.command("cancel")
    await chat.command("history")
    assert chat.text.startswith("No sessions yet.")
    await chat.session("slht 1x10", [10], [10])
    await chat.command("history")
    assert "sessions 1–1" in chat.text


async def test_cancel_while_fixing_keeps_the_set(chat: SqlChat) -> None:
    await chat.session("slht 1x10", [10], [9])
    await chat.command("history")
    await chat.press("Open Wed 4 Mar")
    await chat.press("✏ Fix 1")
    await chat.say("cancel")
    assert [s.reps for s in await chat.sets()] == [10, 9]
    assert (await chat.state()).step is Step.IDLE


async def test_someone_elses_session_or_set_cannot_be_opened_fixed_or_deleted(
    chat: SqlChat, database: Database
) -> None:
    bob = SqlChat(chat.coach, database, key="bob")
    await bob.session("slht 1x10", [10], [9])
    bobs = await bob.workouts()
    bob_sets = await bob.sets()
    await chat.command("history")
    token = (await chat.state()).token
    for data in (
        f"pg:{token}:o:{bobs[0].id}",
        f"pg:{token}:dwy:{bobs[0].id}",
        f"pg:{token}:dsy:{bob_sets[0].id}",
        f"pg:{token}:e:{bob_sets[0].id}",
        f"pg:{token}:o:99999999999",
        f"pg:{token}:e:-1",
    ):
        outcome = await chat.send(Press(data))
        assert outcome.notice == "That button is out of date" and outcome.replies == []
    assert [s.reps for s in await bob.sets()] == [10, 9]


async def test_an_opened_session_shows_loads_in_the_users_unit_like_the_page(
    chat: SqlChat,
) -> None:
    await chat.session("slht 1x10 @ 12.5kg", [10], [10])
    await chat.command("settings", "lb")
    await chat.command("history")
    await chat.press("Open Wed 4 Mar")
    assert "1. Set 1 Left: 10 @ 27.5 lb" in chat.text and " kg" not in chat.text
