"""/import through the engine on the SQL store (SQLite and PostgreSQL): preview, Import, Cancel,
idempotent, all or nothing, the held import in the database, mid-workout, stale buttons."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from bot.answers.answerer import Answerer
from bot.app import build_coach
from bot.coach.engine import Coach
from bot.coach.events import Document, Press
from bot.coach.ports import Side
from bot.content import Library
from bot.imports.feature import ASK_FILE, GONE, HOLD_FOR, MID_WORKOUT, NOT_CSV
from bot.storage import Database
from tests.imports.conftest import SAMPLES, STRONG_HEADER
from tests.progress.conftest import SqlChat


@pytest.fixture(scope="module")
def coach(library: Library) -> Coach:
    return build_coach(library, Answerer(library))


@pytest.fixture
def chat(coach: Coach, database: Database) -> SqlChat:
    return SqlChat(coach, database)


def sample(name: str) -> Document:
    return Document(name, (SAMPLES / name).read_bytes())


async def test_import_previews_then_writes_every_set_as_imported_sessions(chat: SqlChat) -> None:
    await chat.command("import")
    assert chat.text == ASK_FILE
    await chat.send(sample("strong_iphone.csv"))
    assert chat.text.startswith("Strong export (iPhone layout), 3 Feb 2026 to 6 Feb 2026.")
    assert chat.labels == ["Import", "Cancel"]
    assert await chat.workouts() == []  # nothing is written before the tap
    await chat.press("Import")
    assert chat.outcomes[-1].chosen == "Import"
    assert chat.text.startswith("Imported 13 sets from 2 workouts.")
    workouts = await chat.workouts()
    assert all(w.imported and w.source == "strong" for w in workouts)
    assert sum(len(w.sets) for w in workouts) == 13
    sides = sorted(s.side.value for w in workouts for s in w.sets if w.exercise != "hip-thrust")
    assert sides.count("unknown") == 1 and sides.count("both") == 2  # the glute-ham raises
    await chat.command("history", "single-leg hip thrust")
    assert "imported from Strong" in chat.text
    assert "Side unknown 8 @ 12.5 kg" in chat.text


async def test_the_same_file_twice_adds_nothing_and_a_newer_export_only_its_new_sets(
    chat: SqlChat,
) -> None:
    first = (SAMPLES / "strong_iphone.csv").read_bytes()
    await chat.send(Document("strong.csv", first))
    await chat.press("Import")
    await chat.send(Document("strong.csv", first))
    assert "Nothing new to import." in chat.text and "Already imported before: 13 sets" in chat.text
    assert chat.replies[-1].buttons == ()
    newer = first + (
        b'2026-02-09 18:00:00,"Glutes C",40m,"Single Leg Hip Thrust (Left)",1,15.0,9.0,0,0.0,'
        b'"","",\n2026-02-09 18:00:00,"Glutes C",40m,"Single Leg Hip Thrust (Right)",1,15.0,8.0,'
        b'0,0.0,"","",\n'
    )
    await chat.send(Document("strong-later.csv", newer))
    assert "I'll import 2 sets from 1 workout" in chat.text
    await chat.press("Import")
    workouts = await chat.workouts()
    assert sum(len(w.sets) for w in workouts) == 15
    latest = workouts[0]
    assert [(s.side, s.reps) for s in latest.sets] == [(Side.LEFT, 9), (Side.RIGHT, 8)]


async def test_cancel_and_stale_or_forged_presses_write_nothing(chat: SqlChat) -> None:
    await chat.send(sample("fitnotes.csv"))
    first_import = chat.button("Import").data
    await chat.send(sample("hevy_metric.csv"))  # a newer file: the first preview is stale
    newer_import = chat.button("Import").data
    await chat.send(Press(first_import))
    assert chat.outcomes[-1].notice == "That button is out of date" and chat.text == GONE
    token = int(newer_import.split(":")[1])
    for forged in (f"im:{token + 1}:go", f"im:{token}:go:x", f"im:{token}:wipe", "im:x:go"):
        await chat.send(Press(forged))
        assert chat.outcomes[-1].notice == "That button is out of date"
    await chat.press("Cancel")
    assert chat.text == "Cancelled: nothing was imported."
    await chat.send(Press(newer_import))  # cancelled: its Import no longer imports
    assert await chat.workouts() == []


async def test_another_users_import_button_does_nothing_for_me(
    coach: Coach, database: Database
) -> None:
    ana, ben = SqlChat(coach, database, key="ana"), SqlChat(coach, database, key="ben")
    await ana.send(sample("fitnotes.csv"))
    await ben.send(Press(ana.button("Import").data))
    assert ben.outcomes[-1].notice == "That button is out of date"
    assert await ben.workouts() == [] and await ana.workouts() == []
    await ana.press("Import")  # still hers to take
    assert await ana.workouts()


async def test_the_held_import_survives_a_restart_and_expires(
    chat: SqlChat, library: Library
) -> None:
    await chat.send(sample("fitnotes.csv"))
    button = chat.button("Import")
    chat.coach = build_coach(library, Answerer(library))  # another process: no memory shared
    await chat.send(Press(button.data))
    assert chat.text.startswith("Imported ")
    await chat.send(sample("hevy_metric.csv"))
    chat.now += HOLD_FOR + timedelta(seconds=1)
    await chat.press("Import")
    assert chat.text == GONE
    assert {w.source for w in await chat.workouts()} == {"fitnotes"}


async def test_a_row_failing_mid_import_leaves_nothing_and_the_import_waiting(
    chat: SqlChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.imports import feature

    await chat.send(sample("strong_android_quoted.csv"))
    real = feature.sessions

    def clashing(*args: object, **kwargs: object) -> list[object]:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        last = found[-1].sets[-1]
        found[-1].sets.append(last)  # the same key twice: the database refuses the second row
        return found  # type: ignore[return-value]

    monkeypatch.setattr(feature, "sessions", clashing)
    with pytest.raises(IntegrityError):
        await chat.press("Import")
    assert await chat.workouts() == []
    monkeypatch.undo()
    await chat.press("Import")  # the import still waits: nothing of the failed unit committed
    assert await chat.workouts()


async def test_mid_workout_a_file_waits_for_the_workout_to_end(chat: SqlChat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.send(sample("strong_iphone.csv"))
    assert chat.text.startswith(MID_WORKOUT) and "Set 1 of 2" in chat.text
    await chat.command("import")
    assert chat.text.startswith(MID_WORKOUT)
    assert [len(w.sets) for w in await chat.workouts()] == [0]


async def test_a_file_is_told_by_its_header_never_its_name(chat: SqlChat) -> None:
    data = (SAMPLES / "strong_iphone.csv").read_bytes()
    await chat.send(Document("notes.txt", data))  # not a .csv, and no /import first
    assert chat.text == NOT_CSV
    await chat.command("import")
    await chat.send(Document("notes.txt", data))  # asked for: read whatever its name
    assert chat.labels == ["Import", "Cancel"]
    await chat.send(Document("hevy.csv", b"Name,Score\nalex,3\n"))
    assert "Strong" in chat.text and "Hevy" in chat.text and "FitNotes" in chat.text
    assert chat.replies[-1].buttons == ()


async def test_imported_sets_feed_last_time_and_the_next_plan(chat: SqlChat) -> None:
    rows = "".join(
        f'2026-02-{day:02d} 18:00:00,"G",40m,"Single Leg Hip Thrust",{n},20,{reps},0,0,"","",\n'
        for day, reps in ((2, 9), (5, 10))
        for n in (1, 2, 3)
    )
    await chat.send(Document("s.csv", (STRONG_HEADER + rows).encode()))
    assert "No side marked on 6 single-leg sets" in chat.text
    await chat.press("Import")
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    assert "Side unknown: 3×10 @ 20 kg → every set at 10 or more" in chat.text
    await chat.press("Use today's plan")
    assert "3 × 11 per leg · 20 kg" in chat.text  # one more rep, from what the import did
    assert "Last time: 10 @ 20 kg (side unknown)" in chat.text
