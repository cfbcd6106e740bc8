"""`coach import --user NAME FILE`: the preview printed, y/N asked on a terminal (--yes skips
it), then the import, through the same engine and units of work as /import on Telegram."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.app import build_coach
from bot.coach import codec
from bot.coach.events import Command, Document, Press
from bot.coach.replies import Outcome
from bot.coach.runner import Runner
from bot.config import Settings
from bot.content import Library
from bot.imports.csvfile import MAX_BYTES, too_big
from bot.imports.feature import GO, NO, OWNER
from bot.imports.preview import NOTHING_NEW
from bot.storage import Database
from bot.terminal.screen import show

Ask = Callable[[str], str]


def _button(outcome: Outcome, action: str) -> str | None:
    """The data of the preview's Import (or Cancel) button, if it has one."""
    for reply in outcome.replies:
        for row in reply.buttons:
            for button in row:
                read = codec.decode(button.data)
                if read is not None and read.owner == OWNER and read.action == action:
                    return button.data
    return None


def _print(outcome: Outcome, out: TextIO) -> None:
    lines = show(outcome)
    if lines:
        out.write("\n".join(lines) + "\n")


async def import_file(
    runner: Runner, key: str, path: Path, data: bytes, out: TextIO, confirm: Ask | None
) -> int:
    """0 when imported (or nothing new), 1 when the file was refused or the import declined.
    confirm: asks y/N (None: import without asking)."""
    await runner.run(key, Command("import"))  # "send me the file": the file comes next
    preview = await runner.run(key, Document(path.name, data))
    _print(preview, out)
    go, no = _button(preview, GO), _button(preview, NO)
    if go is None or no is None:
        return 0 if any(NOTHING_NEW in r.text for r in preview.replies) else 1
    answer = confirm("Import these? [y/N] ") if confirm is not None else "y"
    done = await runner.run(key, Press(go if answer.strip().lower() in ("y", "yes") else no))
    _print(done, out)
    return 0 if done.chosen == "Import" else 1


async def import_to(settings: Settings, library: Library, key: str, path: Path, data: bytes,
                    out: TextIO, confirm: Ask | None = None) -> int:  # fmt: skip
    """The import on the configured database (migrated first), as `coach import` runs it."""
    database = Database(settings.database_url)
    try:
        await database.upgrade()
        runner = Runner(build_coach(library), database)
        return await import_file(runner, key, path, data, out, confirm)
    finally:
        await database.dispose()


def run_import(settings: Settings, library: Library, user: str, file: Path, yes: bool) -> int:
    if not user or len(user) > 200:
        print("Give --user a name of 1 to 200 characters.", file=sys.stderr)
        return 2
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:  # said before reading it, as on Telegram
            print(too_big(size), file=sys.stderr)
            return 1
        data = file.read_bytes()
    except OSError as exc:
        print(f"Can't read {file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    confirm: Ask | None = None
    if not yes:
        if not sys.stdin.isatty():
            print("Not a terminal, so I can't ask: add --yes to import.", file=sys.stderr)
            confirm = _no
        else:
            confirm = input
    return asyncio.run(import_to(settings, library, user, file, data, sys.stdout, confirm))


def _no(_: str) -> str:
    return "n"
