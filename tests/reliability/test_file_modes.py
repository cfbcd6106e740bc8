"""What the coach writes to disk is its user's alone: files 0600, folders 0700, whatever umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import Database
from bot.terminal.screen import keeper

pytestmark = pytest.mark.reliability


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The loosest umask there is: any mode below is the coach's own doing."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_the_sqlite_database_and_its_wal_and_shm_are_0600(tmp_path: Path) -> None:
    file = tmp_path / "coach.db"
    database = Database(f"sqlite+aiosqlite:///{file}")
    try:
        await database.upgrade()  # creates the file, the schema and (in WAL mode) -wal and -shm
        files = [file, file.with_name("coach.db-wal"), file.with_name("coach.db-shm")]
        assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        await database.dispose()


async def test_an_existing_database_keeps_its_mode_and_a_loose_one_is_named_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "shared.db"
    file.touch(mode=0o640)  # an operator's choice: left as it is, but said
    async with Database(f"sqlite+aiosqlite:///{file}") as database:
        await database.upgrade()
    assert _mode(file) == 0o640
    assert [r.getMessage() for r in caplog.records if "readable by other users" in r.getMessage()]


def test_saved_charts_and_exports_are_0600_in_folders_0700(tmp_path: Path) -> None:
    keep = keeper("alex", lambda: datetime(2026, 5, 1, 7, 30, tzinfo=UTC), tmp_path)
    saved = [keep("progress.png", b"\x89PNG"), keep("sets.csv", b"a,b\n"), keep("sets.csv", b"c")]
    assert [_mode(path) for path in saved] == [0o600] * 3
    assert {_mode(tmp_path / "charts"), _mode(tmp_path / "exports")} == {0o700}
    assert [path.read_bytes() for path in saved] == [b"\x89PNG", b"a,b\n", b"c"]  # none overwritten
