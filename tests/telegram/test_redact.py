"""The bot token never reaches a log line: not in messages, arguments, URLs or tracebacks."""

from __future__ import annotations

import logging

import pytest

from bot.telegram.redact import REDACTED, SecretRedactor

TOKEN = "123456789:AAFakeTokenForRedactionTests_abcdefghij"


@pytest.fixture
def redactor() -> SecretRedactor:
    redactor = SecretRedactor()
    redactor.add(TOKEN)
    return redactor


def _record(
    msg: str, args: tuple[object, ...] = (), exc: BaseException | None = None
) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("httpx", logging.INFO, __file__, 1, msg, args, exc_info)


def test_a_url_with_the_token_in_the_arguments_is_redacted(redactor: SecretRedactor) -> None:
    record = _record(
        'HTTP Request: POST %s "200 OK"', (f"https://api.telegram.org/bot{TOKEN}/getMe",)
    )
    redactor.filter(record)
    assert TOKEN not in record.getMessage()
    assert f"/bot{REDACTED}/getMe" in record.getMessage()


def test_a_traceback_mentioning_the_token_is_redacted(redactor: SecretRedactor) -> None:
    try:
        raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getUpdates")
    except ConnectionError as exc:
        record = _record("polling failed", exc=exc)
    redactor.filter(record)
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted
    assert "ConnectionError" in formatted


def test_short_strings_are_not_treated_as_secrets() -> None:
    redactor = SecretRedactor()
    redactor.add("abc")
    assert redactor.redact("abc abc") == "abc abc"
