"""Log records as JSON lines: one object per record, structured fields at the top level."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

# Set by callers as logging's extra={"fields": {...}}: merged into the line, never into the text.
FIELDS = "fields"


class JsonFormatter(logging.Formatter):
    """{"ts", "level", "logger", "msg", ...fields, "exc"}: one line, whatever the message holds."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = getattr(record, FIELDS, None)
        if isinstance(fields, dict):
            for name, value in fields.items():
                line.setdefault(str(name), value)
        if record.exc_info and not record.exc_text:
            # A secret redactor may have set exc_text already (scrubbed): then that is used.
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exc"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)
