"""Slow and idle clients on the webhook's port: cut off within seconds, open files bounded."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content import Library
from bot.net import ACCEPT_BACKLOG
from tests.fakebotapi import FakeBotApi, FakeUser
from tests.reliability.observed import ObservedHarness
from tests.reliability.process import CoachProcess
from tests.reliability.rawhttp import host_port, post_head, seconds_until_closed, secret_line
from tests.telegram.harness import coach_settings, logged_sets

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

SECRET = b"s3cret-for-the-webhook-tests"  # what coach_settings configures
# Short, so the tests are: production's defaults are 5, 10 and 15 s (bot/config.py).
HEADER_S, BODY_S, IDLE_S = 1.0, 1.0, 1.0
# Far past each timeout, on a loaded machine: only a server that never cuts off gets here.
WAIT_AT_MOST_S = 8.0


class TightReplica(CoachProcess):
    """`coach run` with a small connection cap and a one-second header timeout."""

    cap = 40

    def environment(self) -> dict[str, str]:
        return {
            **super().environment(),
            "COACH_WEBHOOK_HEADER_TIMEOUT": str(HEADER_S),
            "COACH_WEBHOOK_MAX_CONNECTIONS": str(self.cap),
        }


def _open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


async def _slowloris(port: int) -> float:
    """A connection whose headers never end: one more line every quarter second."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"POST /telegram/hook HTTP/1.1\r\nHost: coach.test\r\n")
        async with asyncio.timeout(WAIT_AT_MOST_S):
            return await seconds_until_closed(reader, writer, b"X-Padding: x\r\n", 0.25)
    finally:
        writer.close()


async def test_connections_sending_partial_headers_are_cut_off_and_open_files_stay_bounded(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    replica = TightReplica(api, sqlite_url, tmp_path, "tight")
    try:
        await replica.start()
        assert replica.process is not None
        pid, before = replica.process.pid, _open_files(replica.process.pid)
        peak = before

        async def watch() -> None:
            nonlocal peak
            while True:
                peak = max(peak, _open_files(pid))
                await asyncio.sleep(0.05)

        watcher = asyncio.create_task(watch())
        held = await asyncio.gather(*(_slowloris(replica.port) for _ in range(6 * replica.cap)))
        watcher.cancel()

        assert max(held) < HEADER_S + 3, sorted(held)[-5:]  # every one cut off, none held
        # Bounded: the cap, plus one wakeup's accepts not yet turned away (an unbounded server
        # would hold all 6 x cap at once, past this bound).
        assert peak <= before + replica.cap + ACCEPT_BACKLOG + 5, (before, peak)
        user = FakeUser(api, 4242)
        assert await replica.post(user.command("start")) == 200  # Telegram still gets through
        assert api.records.bot_messages(4242)
    finally:
        await replica.close()


@pytest.fixture
async def tight(
    api: FakeBotApi, sqlite_url: str, library: Library, request: pytest.FixtureRequest
) -> AsyncIterator[ObservedHarness]:
    """The coach by webhook with one-second timeouts and room for five connections (a test may
    set others: parametrize("tight", [{setting: value}], indirect=True))."""
    limits = {
        "COACH_WEBHOOK_HEADER_TIMEOUT": HEADER_S,
        "COACH_WEBHOOK_BODY_TIMEOUT": BODY_S,
        "COACH_WEBHOOK_IDLE_TIMEOUT": IDLE_S,
        "COACH_WEBHOOK_MAX_CONNECTIONS": 5,
    }
    limits.update(getattr(request, "param", {}))
    harness = ObservedHarness(api, coach_settings(api, sqlite_url, "webhook", **limits), library)
    await harness.start()
    yield harness
    await harness.stop()


async def test_a_body_that_trickles_in_gets_408_and_the_connection_is_closed(
    tight: ObservedHarness,
) -> None:
    chat = tight.chat()
    reader, writer = await asyncio.open_connection(*host_port(tight.settings.webhook_listen))
    try:
        writer.write(post_head("/telegram/hook", 500, secret_line(SECRET)) + b'{"update_id": ')
        async with asyncio.timeout(WAIT_AT_MOST_S):
            answer = b""
            while b"\r\n" not in answer:
                writer.write(b" ")  # a byte now and then: never idle, never done
                await writer.drain()
                answer += await _read_for(reader, 0.2)
            assert answer.startswith(b"HTTP/1.1 408")
            await seconds_until_closed(reader, writer, b" ", 0.2)
    finally:
        writer.close()
    assert chat.messages == []
    await chat.command("workout", "single-leg hip thrust 2x8")
    await chat.tap("8")
    assert await logged_sets(tight, chat.id) == [(1, "left", 8)]


async def _read_for(reader: asyncio.StreamReader, seconds: float) -> bytes:
    try:
        async with asyncio.timeout(seconds):
            return await reader.read(65536)
    except TimeoutError:
        return b""


async def test_an_idle_kept_alive_connection_is_closed(tight: ObservedHarness) -> None:
    reader, writer = await asyncio.open_connection(*host_port(tight.settings.webhook_listen))
    try:
        writer.write(b"GET /nothing HTTP/1.1\r\nHost: coach.test\r\n\r\n")  # kept alive after
        async with asyncio.timeout(WAIT_AT_MOST_S):
            assert (await reader.readuntil(b"\r\n")).startswith(b"HTTP/1.1 404")
            while await reader.read(65536):  # then nothing more is sent: the server hangs up
                pass
    finally:
        writer.close()


async def _closed_by_server(reader: asyncio.StreamReader) -> bool:
    return await _read_for(reader, 0.5) == b"" and reader.at_eof()


LONG_TIMEOUTS = {"COACH_WEBHOOK_HEADER_TIMEOUT": 60, "COACH_WEBHOOK_IDLE_TIMEOUT": 60}


@pytest.mark.parametrize("tight", [LONG_TIMEOUTS], indirect=True, ids=["60s-timeouts"])
async def test_connections_past_the_cap_are_closed_at_once_and_a_freed_slot_serves_telegram(
    tight: ObservedHarness,
) -> None:
    listen = host_port(tight.settings.webhook_listen)
    silent = [await asyncio.open_connection(*listen) for _ in range(8)]  # opened in turn
    closed = await asyncio.gather(*(_closed_by_server(reader) for reader, _ in silent))
    assert closed == [False] * 5 + [True] * 3  # the cap is five: the sixth on are turned away
    for _, writer in silent[:2]:
        writer.close()
    assert tight.bot is not None
    webhook = tight.bot.servers[0]
    await tight.api.wait_until(lambda: webhook.open_connections == 3, within=WAIT_AT_MOST_S)
    assert await tight.chat().command("start")  # one connection of the fake's, in a freed slot
    for _, writer in silent[2:]:
        writer.close()
