"""Production signals: Prometheus metrics, one structured log line per update, /healthz."""

from bot.observability.metrics import Metrics, ReminderTotals
from bot.observability.updates import UpdateObserver, note_error, note_retry, user_hash

__all__ = [
    "Metrics",
    "ReminderTotals",
    "UpdateObserver",
    "note_error",
    "note_retry",
    "user_hash",
]
