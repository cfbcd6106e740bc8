"""What must never happen: forged webhook calls, unescaped user text, a token in the logs."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.telegram.application import NO_TOKEN
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.telegram.harness import Harness, logged_sets, workout_by_buttons

pytestmark = pytest.mark.e2e


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """These are about Telegram's side, not storage: SQLite is enough."""
    return sqlite_url


ROOT = Path(__file__).resolve().parents[2]
COACH = Path(sys.executable).with_name("coach")


@pytest.mark.parametrize("mode", ["webhook"])
async def test_a_webhook_call_without_the_secret_gets_403_and_changes_nothing(
    harness: Harness,
) -> None:
    chat = harness.chat()
    await chat.command("workout", "single-leg hip thrust 2x8")
    before = len(chat.messages)
    forged = chat.user.press(chat.last, "8")

    assert await harness.api.post_webhook(forged, "not-the-secret") == 403
    assert await harness.api.post_webhook(chat.user.text("9"), None) == 403

    assert len(chat.messages) == before
    assert await logged_sets(harness, chat.id) == []
    assert harness.api.records.calls_to("answerCallbackQuery") == []
    await chat.tap("8")  # the real user carries on from the same step
    assert await logged_sets(harness, chat.id) == [(1, "left", 8)]


async def test_what_the_user_typed_is_shown_as_typed_never_as_markup(harness: Harness) -> None:
    chat = harness.chat()
    typed = "/x<b>bold</b>&amp;<script>"
    replies = await chat.say(typed)  # an unknown command: the coach repeats its name
    assert replies, "the fake refuses unescaped HTML, so no reply would arrive"
    assert "<b>bold</b>&amp;<script>" in replies[-1].shown


async def test_the_token_never_reaches_the_logs(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    harness.api.inject("drop", "sendMessage")  # failures log exceptions and request details
    harness.api.inject("500", "editMessageText")
    await workout_by_buttons(harness.chat())
    await harness.restart()

    assert caplog.records, "nothing was captured, so nothing was checked"
    token = harness.api.token
    assert token not in caplog.text
    for record in caplog.records:
        assert token not in record.getMessage()
        assert token not in (record.exc_text or "")


def _environment(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TELEGRAM_"))}
    env.update(values)
    return env


def test_coach_run_without_a_token_says_how_to_get_one(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(COACH), "run"],
        cwd=tmp_path,  # no .env here
        env=_environment(COACH_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/c.db"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [NO_TOKEN]
    assert "@BotFather" in NO_TOKEN and "coach chat" in NO_TOKEN


async def test_coach_run_coaches_over_long_polling_and_keeps_the_token_out_of_its_output(
    api: FakeBotApi, tmp_path: Path
) -> None:
    env = _environment(
        TELEGRAM_BOT_TOKEN=api.token,
        COACH_BOT_API_URL=api.base_url,
        COACH_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/coach.db",
        COACH_LOG_LEVEL="DEBUG",
        COACH_PER_CHAT_PER_SECOND="50",
    )
    # Files, not pipes: a DEBUG log would fill a pipe nobody reads yet and stall the bot.
    out_file, err_file = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with out_file.open("w") as stdout, err_file.open("w") as stderr:
        process = await asyncio.create_subprocess_exec(
            str(COACH), "run", cwd=tmp_path, env=env, stdout=stdout, stderr=stderr
        )
    stuck: AssertionError | None = None
    try:
        user = FakeUser(api, 4242)
        await api.deliver(user.command("workout", "single-leg hip thrust 2x8"))
        await api.wait_until(lambda: len(api.records.bot_messages(4242)) >= 2, within=60)
        await api.deliver(user.press(api.records.last_keyboard(4242), "8"))
        await api.wait_until(
            lambda: "switch" in api.records.last_bot_message(4242).shown.lower(), within=20
        )
    except AssertionError as exc:
        stuck = exc
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.wait(), 60)
    out, err = out_file.read_text(), err_file.read_text()
    assert stuck is None, f"{stuck}; the bot said:\n{err[-3000:]}"
    assert process.returncode == 0, err[-3000:]
    assert api.records.last_bot_message(4242).shown.startswith("Left leg: 8 ✓")
    assert "long polling" in err
    assert api.token not in out + err


async def test_a_rejected_token_stops_coach_run_with_a_clear_line_and_no_token(
    api: FakeBotApi, tmp_path: Path
) -> None:
    wrong = "7000001:AAH-this-token-was-revoked-0123456789"  # PTB quotes it in its exception
    env = _environment(
        TELEGRAM_BOT_TOKEN=wrong,
        COACH_BOT_API_URL=api.base_url,
        COACH_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/coach.db",
        COACH_LOG_LEVEL="DEBUG",
    )
    process = await asyncio.create_subprocess_exec(
        str(COACH),
        "run",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 1
    assert "Telegram refused the token" in err.decode()
    assert wrong not in (out + err).decode()
    assert api.records.calls_to("getMe", ok_only=False)  # it did ask, and was refused
