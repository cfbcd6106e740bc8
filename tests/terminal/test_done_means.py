"""The issue's acceptance run: `coach chat` scripted through stdin, checked with `coach export`."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import sys
from pathlib import Path

from bot.storage import Database

SCRIPT = [
    "/workout single leg hip thrust 2x10",
    "10",
    "9",
    "what muscles does this work",
    "11",
    "10",
]
EXPECTED = [("1", "left", "10"), ("1", "right", "9"), ("2", "left", "11"), ("2", "right", "10")]


async def coach(url: str, cwd: Path, *args: str, stdin: str = "") -> str:
    """Run `coach ARGS` as its own process on the database at url; its standard output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TELEGRAM_"))}
    env["COACH_DATABASE_URL"] = url
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, cwd=cwd, env=env,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(stdin.encode()), timeout=120)
    assert process.returncode == 0, err.decode()
    return out.decode()


def _url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def _logged(exported: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(exported)))


async def test_scripted_chat_logs_four_sides_and_answers_the_question(
    database: Database, tmp_path: Path
) -> None:
    url = _url(database)
    chat = await coach(url, tmp_path, "chat", "--user", "t1", stdin="\n".join(SCRIPT) + "\n")
    rows = _logged(await coach(url, tmp_path, "export", "--user", "t1", "--format", "csv"))
    assert [(r["set_number"], r["side"], r["reps"]) for r in rows] == EXPECTED
    assert {r["exercise"] for r in rows} == {"single-leg-hip-thrust"}
    assert len({r["workout"] for r in rows}) == 1
    answer = chat.split("> what muscles does this work", 1)[1].split("> 11", 1)[0]
    assert "glute" in answer.lower()
    assert "Rest" in answer  # and the rest was asked again after the answer


async def test_the_same_script_resumed_in_a_second_process(
    database: Database, tmp_path: Path
) -> None:
    url = _url(database)
    first, second = SCRIPT[:3], SCRIPT[3:]
    await coach(url, tmp_path, "chat", "--user", "t1", stdin="\n".join(first) + "\n")
    resumed = await coach(url, tmp_path, "chat", "--user", "t1", stdin="\n".join(second) + "\n")
    assert "Welcome back" in resumed
    rows = _logged(await coach(url, tmp_path, "export", "--user", "t1", "--format", "csv"))
    assert [(r["set_number"], r["side"], r["reps"]) for r in rows] == EXPECTED
    assert len({r["workout"] for r in rows}) == 1


async def test_export_as_json_and_for_an_unknown_user(database: Database, tmp_path: Path) -> None:
    url = _url(database)
    await coach(
        url, tmp_path, "chat", "--user", "t1", stdin="/workout glute bridge 1x15\n15 hard\n"
    )
    exported = await coach(url, tmp_path, "export", "--user", "t1", "--format", "json")
    assert '"side": "both"' in exported and '"effort": "hard"' in exported
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TELEGRAM_"))}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "export", "--user", "nobody",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=tmp_path,
        env={**env, "COACH_DATABASE_URL": url},
    )  # fmt: skip
    out, err = await process.communicate()
    assert process.returncode == 1 and out == b"" and b"nobody" in err
