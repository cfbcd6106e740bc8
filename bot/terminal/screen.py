"""Showing replies as plain text and reading typed lines back as commands, presses or text."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.coach.events import Command, Document, Event, Press, Text
from bot.coach.keyboards import Keyboard, numbers_are_answers
from bot.coach.replies import Outcome
from bot.imports.csvfile import MAX_BYTES, too_big


def show_keyboard(keyboard: Keyboard) -> list[str]:
    """Numbered options; where a typed number is an answer (reps), the labels alone."""
    buttons = [b for row in keyboard for b in row]
    if not buttons:
        return []
    if numbers_are_answers(keyboard):
        return ["  " + "  ".join(f"[{b.label}]" for b in buttons)]
    return [f"  {i}) {b.label}" for i, b in enumerate(buttons, start=1)]


# Saves a picture or a file the coach sent: (file name, content) -> where it now is.
Keep = Callable[[str, bytes], Path]


def keeper(user: str, clock: Callable[[], datetime], root: Path = Path()) -> Keep:
    """Pictures go to root/charts, other files to root/exports, as <user>-<time>-<name>."""
    who = re.sub(r"[^A-Za-z0-9_-]+", "_", user)[:40] or "user"

    def keep(name: str, content: bytes) -> Path:
        folder = root / ("charts" if name.endswith(".png") else "exports")
        # A user's sets are theirs alone: the folder 0700 and each file 0600, whatever the umask.
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).lstrip(".")[:80] or "file"
        stem = f"{who}-{clock():%Y%m%d-%H%M%S}"
        path, n = folder / f"{stem}-{safe}", 1
        while True:
            try:  # O_EXCL: two in one second never overwrite the first
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                break
            except FileExistsError:
                n += 1
                path = folder / f"{stem}-{n}-{safe}"
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
        return path

    return keep


def _kept(keep: Keep | None, name: str, content: bytes, unsaved: str) -> str:
    if keep is None:
        return unsaved
    try:
        return f"[saved: {keep(name, content)}]"
    except OSError as exc:
        return f"[could not save {name}: {exc.strerror or exc}]"


def show(outcome: Outcome, keep: Keep | None = None) -> list[str]:
    lines: list[str] = []
    if outcome.notice and outcome.notice != "Logged":
        lines.append(f"({outcome.notice})")
    for reply in outcome.replies:
        lines.append(reply.text)
        lines += show_keyboard(reply.buttons)
        if reply.document is not None:
            name, content = reply.document
            lines.append(_kept(keep, name, content, f"[file: {name}]"))
        if reply.photo is not None:
            lines.append(
                _kept(keep, "chart.png", reply.photo, "[picture: open Telegram to see it]")
            )
    return lines


def read_file(line: str) -> Document | str | None:
    """ "/import PATH" names a file to import: the file as a Document, or what is wrong with
    it; None when the line is something else (a bare /import asks for the file)."""
    name, _, rest = line.strip().partition(" ")
    if name.lower() != "/import" or not rest.strip():
        return None
    path = Path(rest.strip()).expanduser()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return too_big(size)
        return Document(path.name, path.read_bytes())
    except OSError as exc:
        return f"Can't read {path}: {exc.strerror or exc}"


def read_line(line: str, keyboard: Keyboard) -> Event | None:
    """A typed line as an event: /command, an option's number or words, else plain text."""
    text = line.strip()
    if not text:
        return None
    if text.startswith("/"):
        name, _, args = text[1:].partition(" ")
        return Command(name.split("@")[0].lower(), args.strip())
    buttons = [b for row in keyboard for b in row]
    wanted = text.casefold().rstrip(".!")
    for button in buttons:
        if button.label.casefold() == wanted:
            return Press(button.data)
    if text.isascii() and text.isdigit() and not numbers_are_answers(keyboard):
        position = int(text)
        if 1 <= position <= len(buttons):
            return Press(buttons[position - 1].data)
    return Text(text)


def keyboard_after(outcome: Outcome, current: Keyboard) -> Keyboard:
    """The options a typed number refers to: the newest ones shown, or none if replies had none."""
    if not outcome.replies:
        return current
    shown = [reply.buttons for reply in outcome.replies if reply.buttons]
    return shown[-1] if shown else ()
