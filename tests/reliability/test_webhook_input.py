"""Webhook calls no Telegram would make: a secret header of stray bytes, a body of megabytes."""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.fakebotapi import SECRET_HEADER
from tests.reliability.observed import ObservedHarness, samples
from tests.reliability.rawhttp import exchange, post_head, secret_line, update_bytes
from tests.reliability.scripted import PLAN
from tests.telegram.harness import logged_sets

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

SECRET = b"s3cret-for-the-webhook-tests"  # what coach_settings configures
PATH = "/telegram/hook"
TEN_MB = 10 * 1024 * 1024


def _handled(observed: ObservedHarness) -> float:
    found = samples(observed.metrics.exposition().decode())
    return sum(v for (name, _), v in found.items() if name == "coach_updates_total")


def _no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    loud = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not loud, [(r.name, r.getMessage()) for r in loud]


@pytest.mark.parametrize(
    "secret",
    [
        b"\xff\xfe",  # not UTF-8 at all
        SECRET + b"\x80",  # the secret, then a stray continuation byte
        "é".encode("latin-1") + SECRET,  # Latin-1, as an old proxy might re-encode
        b"\xc0\xaf" + SECRET,  # an overlong UTF-8 sequence
        b"\xed\xa0\x80",  # a UTF-16 surrogate, encoded
        SECRET.decode().upper().encode() + b"\xe9",
    ],
)
async def test_a_secret_header_of_stray_bytes_gets_403_and_changes_nothing(
    observed: ObservedHarness, caplog: pytest.LogCaptureFixture, secret: bytes
) -> None:
    caplog.set_level(logging.INFO)
    chat = observed.chat()
    await chat.command("workout", PLAN)
    before, handled = len(chat.messages), _handled(observed)
    body = update_bytes(chat.user.press(chat.last, "8"))
    request = post_head(PATH, len(body), secret_line(secret)) + body

    status, _ = await exchange(observed.settings.webhook_listen, request)

    assert status == 403
    _no_traceback(caplog)
    assert (len(chat.messages), _handled(observed)) == (before, handled)
    assert await logged_sets(observed, chat.id) == []
    await chat.tap("8")  # the real user goes on from the same step
    assert await logged_sets(observed, chat.id) == [(1, "left", 8)]


@pytest.mark.parametrize("junk", [b"a\x00b", b"a\x01b", SECRET + b"\x7f"])
async def test_a_header_http_forbids_gets_400_from_the_server_without_a_traceback(
    observed: ObservedHarness, caplog: pytest.LogCaptureFixture, junk: bytes
) -> None:
    caplog.set_level(logging.INFO)
    chat = observed.chat()
    body = update_bytes(chat.user.command("start"))
    request = post_head(PATH, len(body), secret_line(junk)) + body

    status, _ = await exchange(observed.settings.webhook_listen, request)

    assert status == 400  # refused by the HTTP parser, before any route
    _no_traceback(caplog)
    assert chat.messages == []


async def _megabytes(total: int) -> AsyncIterator[bytes]:
    chunk = b" " * 65536
    for _ in range(total // len(chunk)):
        yield chunk


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
async def test_a_10_mb_body_with_the_secret_gets_413_and_without_it_403(
    observed: ObservedHarness, caplog: pytest.LogCaptureFixture, chunked: bool
) -> None:
    caplog.set_level(logging.INFO)
    chat = observed.chat()
    update = update_bytes(chat.user.command("start"))
    url = str(observed.settings.webhook_url)
    statuses = []
    async with aiohttp.ClientSession() as session:
        for secret in (SECRET.decode(), "wrong"):
            # A real update padded with spaces: valid JSON, only too big.
            padded = io.BytesIO(update + b" " * TEN_MB)
            body = _megabytes(TEN_MB) if chunked else padded
            headers = {SECRET_HEADER: secret, "Content-Type": "application/json"}
            async with session.post(url, data=body, headers=headers) as response:
                statuses.append(response.status)

    assert statuses == [413, 403]
    _no_traceback(caplog)
    assert chat.messages == []
    assert await chat.command("start")  # a normal update right after is answered
