"""/history: both legs side by side per session, their gap and effort, paged by buttons."""

from __future__ import annotations

from bot.coach.ports import Unit
from tests.progress.conftest import SqlChat


async def test_history_lines_up_both_sides_with_gap_and_effort(chat: SqlChat) -> None:
    await chat.session("slht 3x10 @ 10kg", [10, 10, 10], [10, 9, 8], effort="hard", days=1)
    await chat.session("glute bridge 2x15 @ 20kg", [15, 12], effort="easy", days=2)
    await chat.command("history")
    blocks = chat.text.split("\n\n")
    assert blocks[0] == "History · all exercises · sessions 1–2 (newest first)"
    assert blocks[1].splitlines() == [
        "Thu 5 Mar · Glute bridge · felt easy",
        "Both legs 15, 12 @ 20 kg",
    ]
    assert blocks[2].splitlines() == [
        "Tue 3 Mar · Single-leg hip thrust · felt hard",
        "Left 3×10 @ 10 kg │ Right 10, 9, 8 @ 10 kg",
        "Right 3 reps behind (27 vs 30)",
    ]
    labels = [b.label for row in chat.replies[0].buttons for b in row]
    assert not any("Older" in label or "Newer" in label for label in labels)  # one page
    assert labels == ["Open Thu 5 Mar", "Open Tue 3 Mar"]  # each session opens to be fixed


async def test_history_of_one_exercise_with_a_weight_change_and_pain(chat: SqlChat) -> None:
    await chat.session("glute bridge 1x15", [15], days=1)
    await chat.command("workout", "slht 2x10 @ 10kg")
    for typed in ("10", "10", "8 @ 12.5kg", "my knee hurts"):
        await chat.say(typed)
    await chat.command("history", "slht")
    lines = chat.text.splitlines()
    assert lines[0] == "History · Single-leg hip thrust · sessions 1–1 (newest first)"
    assert lines[2] == "Tue 3 Mar · stopped for pain"
    assert lines[3] in (
        "Left 10 @ 10 kg + 8 @ 12.5 kg │ Right 10 @ 10 kg + pain @ 12.5 kg",
        "Left 10 @ 10 kg + pain @ 12.5 kg │ Right 10 @ 10 kg + 8 @ 12.5 kg",
    )


async def test_history_pages_with_newer_and_older(chat: SqlChat) -> None:
    for n in range(7):
        await chat.session("slht 1x10", [10], [10 - n % 3], days=1)
    await chat.command("history")
    assert "sessions 1–5" in chat.text and chat.text.count(" │ ") == 5
    assert [b for b in chat.labels if not b.startswith("Open ")] == ["Older ▶"]
    first_page = chat.text
    await chat.press("Older ▶")
    assert "sessions 6–7" in chat.text and chat.text.count(" │ ") == 2
    assert "Wed 4 Mar" in chat.text and "Tue 3 Mar" in chat.text  # the two oldest
    assert [b for b in chat.labels if not b.startswith("Open ")] == ["◀ Newer"]
    await chat.press("◀ Newer")
    assert chat.text == first_page


async def test_loads_shown_in_pounds_but_stored_as_logged(chat: SqlChat) -> None:
    await chat.session("slht 1x10 @ 12.5kg", [10], [10])
    await chat.command("settings", "lb")
    await chat.command("history")
    # One rounding rule on every screen: to the plate step of the unit shown (0.5 lb, 0.25 kg).
    assert "Left 10 @ 27.5 lb │ Right 10 @ 27.5 lb" in chat.text
    assert {(e.load, e.unit) for e in await chat.sets()} == {(12.5, Unit.KG)}
    await chat.session("slht 1x10 @ 25lb", [10], [10])
    await chat.command("settings", "units kg")
    await chat.command("history")
    assert "Left 10 @ 11.25 kg │ Right 10 @ 11.25 kg" in chat.text
    assert "Left 10 @ 12.5 kg │ Right 10 @ 12.5 kg" in chat.text


async def test_no_history_yet(chat: SqlChat) -> None:
    await chat.command("history")
    assert chat.text.startswith("No sessions yet.") and chat.replies[0].buttons == ()
    await chat.command("history", "glute bridge")
    assert chat.text.startswith("No Glute bridge sessions yet.")
    await chat.command("history", "x" * 5000)
    assert "I don't know “xxxx" in chat.text and len(chat.text) < 200
