"""`coach import` and `/import PATH` in `coach chat`: the preview printed, asked, then imported;
and `coach export --format strong` takes it back out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.answers.answerer import Answerer
from bot.app import build_coach
from bot.coach.runner import Runner
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library
from bot.storage import Database
from bot.terminal.chat import TerminalChat
from bot.terminal.importer import import_file
from tests.imports.conftest import SAMPLES
from tests.terminal.test_chat import lines
from tests.terminal.test_done_means import _url, coach

HEVY = SAMPLES / "hevy_metric.csv"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


async def _sets(database: Database, key: str) -> int:
    async with database.unit() as store:
        user = await store.user_by_key(key)
        return 0 if user is None else len(await store.all_sets(user.id))


async def test_coach_import_then_again_then_export_strong(
    database: Database, tmp_path: Path
) -> None:
    url = _url(database)
    first = await coach(url, tmp_path, "import", "--user", "ana", str(HEVY), "--yes")
    assert first.startswith("Hevy export")
    assert "1) Import\n  2) Cancel" in first and "Imported " in first
    imported = await _sets(database, "ana")
    assert imported > 0
    again = await coach(url, tmp_path, "import", "--user", "ana", str(HEVY), "--yes")
    assert "Nothing new to import." in again and await _sets(database, "ana") == imported
    strong = await coach(url, tmp_path, "export", "--user", "ana", "--format", "strong")
    rows = strong.splitlines()
    assert rows[0].split(";")[:4] == ["Date", "Workout Name", "Exercise Name", "Set Order"]
    assert len(rows) == imported + 1 and any(';"Left' in row for row in rows)


async def test_declining_imports_nothing(database: Database, library: Library) -> None:
    runner = Runner(build_coach(library, Answerer(library)), database)
    out = io.StringIO()
    code = await import_file(runner, "ben", HEVY, HEVY.read_bytes(), out, lambda _: "n")
    assert code == 1 and "Cancelled: nothing was imported." in out.getvalue()
    assert await _sets(database, "ben") == 0
    code = await import_file(runner, "ben", HEVY, HEVY.read_bytes(), out, lambda _: "y")
    assert code == 0 and await _sets(database, "ben") > 0


async def test_the_chat_imports_a_file_named_after_import(
    database: Database, library: Library, tmp_path: Path
) -> None:
    out = io.StringIO()
    chat = TerminalChat(database, build_coach(library, Answerer(library)), "cat", out)
    missing = tmp_path / "nope.csv"
    await chat.run(lines(f"/import {missing}", f"/import {HEVY}", "1"))
    printed = out.getvalue()
    assert f"Can't read {missing}" in printed
    assert "Hevy export" in printed and "  1) Import\n  2) Cancel" in printed
    assert "Imported " in printed and await _sets(database, "cat") > 0
