"""Follow one button press through the code: the files and packages of bot/ it passes through.

A right-leg rep button pressed by webhook, from the HTTP request to the row in set_logs and the
reply, on the real Application against the fake Bot API. Every Python call into a function of
bot/ during that one update is recorded in order; the figures are the distinct files and
functions it ran, and how often consecutive calls change package (bot/coach -> bot/storage is
one). A measure of how much of the house a reader must visit to follow one event.

    .venv/bin/python bench/walk.py [--quick] [--show]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import DEFAULT_CONTENT_DIR  # noqa: E402
from bot.content import load_library  # noqa: E402
from tests.fakebotapi import FakeBotApi  # noqa: E402
from tests.telegram.harness import Harness, coach_settings  # noqa: E402

BOT = str(ROOT / "bot") + "/"


class Walk:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []  # (file under bot/, function)

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        if event != "call":
            return
        path = frame.f_code.co_filename
        if path.startswith(BOT):
            self.calls.append((path.removeprefix(BOT), frame.f_code.co_name))


def package(path: str) -> str:
    parts = path.split("/")
    return parts[0] if len(parts) > 1 else path


async def walk() -> Walk:
    library = load_library(DEFAULT_CONTENT_DIR)
    with tempfile.TemporaryDirectory() as folder:
        async with FakeBotApi() as api:
            url = f"sqlite+aiosqlite:///{Path(folder) / 'coach.db'}"
            harness = Harness(api, coach_settings(api, url, "webhook"), library)
            await harness.start()
            try:
                chat = harness.chat()
                await chat.command("workout", "single-leg hip thrust 2x8")
                await chat.tap("8")
                await chat.tap("Go now")  # the right leg's set prompt, its buttons shown
                traced = Walk()
                sys.setprofile(traced)
                try:
                    await chat.tap("9")  # the one press followed: the right leg's 9 reps
                finally:
                    sys.setprofile(None)
            finally:
                await harness.stop()
    return traced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the same run (it is one press)")
    parser.add_argument("--show", action="store_true", help="print the files in order")
    args = parser.parse_args()
    traced = asyncio.run(walk())
    files = list(dict.fromkeys(path for path, _ in traced.calls))
    functions = {call for call in traced.calls}
    changes = sum(
        1 for a, b in zip(traced.calls, traced.calls[1:], strict=False)
        if package(a[0]) != package(b[0])
    )  # fmt: skip
    if args.show:
        for path in files:
            print(path)
    figures = {
        "files": len(files),
        "functions": len(functions),
        "package_changes": changes,
        "packages": sorted({package(path) for path in files}),
        "calls": len(traced.calls),
    }
    print(f"one button press: {len(files)} files, {len(functions)} functions, "
          f"{changes} package changes")  # fmt: skip
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
