"""Fixing the log over real HTTP: a set's Undo button, a typed correction, an edit from /history,
each one what the export then says."""

from __future__ import annotations

import csv
import io

import pytest

from tests.telegram.harness import Chat, Harness, logged_sets

pytestmark = pytest.mark.e2e


async def _exported(chat: Chat) -> list[tuple[str, str, str, str]]:
    replies = await chat.command("export")
    documents = [m.document for m in replies if m.document is not None]
    assert documents, [m.shown for m in replies]
    rows = csv.DictReader(io.StringIO(documents[-1][1].decode()))
    return [(r["set_number"], r["side"], r["reps"], r["load"]) for r in rows]


async def test_undo_button_typed_fix_and_history_edit_all_reach_the_export(
    harness: Harness,
) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8 @ 10kg")
    await chat.tap("8")  # left, set 1
    await chat.tap("↩ Undo last set")  # on the set's confirmation: taken back
    assert await logged_sets(harness, chat.id) == []
    assert "Set 1 of 2 · Left leg" in chat.last.shown
    await chat.say("9")
    await chat.say("oops I meant 8")  # a typed correction of the left's 9
    assert await logged_sets(harness, chat.id) == [(1, "left", 8)]
    for reps in ("8", "8", "7"):
        await chat.say(reps)
    await chat.say("hard")

    await chat.command("history")
    await chat.tap(next(b for b in chat.last.labels() if b.startswith("Open ")))
    await chat.tap("✏ Fix 4")
    await chat.say("8 @ 12.5kg")
    assert "Fixed ✓" in chat.last.shown

    assert await _exported(chat) == [
        ("1", "left", "8", "10.0"),
        ("1", "right", "8", "10.0"),
        ("2", "left", "8", "10.0"),
        ("2", "right", "8", "12.5"),
    ]
