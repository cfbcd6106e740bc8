"""Keeps the bot token and the webhook secret out of every log line and traceback."""

from __future__ import annotations

import logging
import traceback
from typing import Any

REDACTED = "[REDACTED]"
# Loggers that print request URLs, and the bot token is part of every Bot API URL.
_URL_LOGGERS = ("httpx", "httpcore")


class SecretRedactor(logging.Filter):
    """Replaces known secrets in records: as a record factory (everywhere) and as a filter."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._installed = False

    def add(self, secret: str) -> None:
        # Short strings would blank out ordinary words; real tokens and secrets are long.
        if len(secret) >= 8:
            self._secrets.add(secret)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def install(self) -> None:
        """Scrub every record at creation, whoever logs it and whichever handler prints it."""
        if self._installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            self.filter(record)
            return record

        logging.setLogRecordFactory(factory)
        for name in _URL_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        self._installed = True

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            formatted = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            if self.redact(formatted) != formatted:
                # Formatters print exc_text when it is set instead of formatting exc_info again.
                record.exc_text = self.redact(formatted)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


REDACTOR = SecretRedactor()


def configure_logging(level: str) -> None:
    """One JSON line per record on stderr, with every handler scrubbing secrets too."""
    from bot.observability.logs import JsonFormatter

    logging.basicConfig(level=level.upper())
    for handler in logging.getLogger().handlers:
        handler.setFormatter(JsonFormatter())
        handler.addFilter(REDACTOR)
    REDACTOR.install()
