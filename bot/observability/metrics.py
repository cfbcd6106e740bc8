"""The coach's Prometheus metrics, in a registry of their own per running Application."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.metrics_core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

# Bot API methods that put a message in a chat: what "messages sent" counts.
SENDING_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})
# Handler latency: most updates take milliseconds; a slow database or Bot API shows in the tail.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class ReminderTotals(Protocol):
    """What the reminder service counts (bot.reminders.fanout.RunReport has these)."""

    sent: int
    late: int
    missed: int


class _ReminderCollector(Collector):
    """Reads the reminder service's running totals at scrape time: no hook needed in it."""

    def __init__(self) -> None:
        self.sources: list[Callable[[], ReminderTotals]] = []

    def collect(self) -> Iterator[Metric]:
        family = CounterMetricFamily(
            "coach_reminders",
            "Reminder occurrences by outcome: sent, late (sent, but minutes after their time), "
            "missed (too late to send)",
            labels=["outcome"],
        )
        totals = [source() for source in self.sources]
        for outcome in ("sent", "late", "missed"):
            family.add_metric([outcome], float(sum(getattr(t, outcome) for t in totals)))
        yield family


class Metrics:
    """Counters for what the coach does; never the global registry, so apps do not collide."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.updates = Counter(
            "coach_updates",
            "Telegram updates handled, by kind and outcome (ok, error, stale)",
            ["kind", "outcome"],
            registry=registry,
        )
        self.latency = Histogram(
            "coach_update_duration_seconds",
            "Time to handle one update, replies sent included",
            ["kind"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.errors = Counter(
            "coach_errors",
            "Errors that reached the error handler, by where (update, job) and kind",
            ["where", "kind"],
            registry=registry,
        )
        self.conflicts = Counter(
            "coach_state_conflicts",
            "Events retried because another event (maybe on another replica) changed the user",
            registry=registry,
        )
        self.messages_sent = Counter(
            "coach_messages_sent",
            "Messages the Bot API accepted, by method",
            ["method"],
            registry=registry,
        )
        self.flood_waits = Counter(
            "coach_telegram_429",
            "429 Too Many Requests answers from the Bot API, by method",
            ["method"],
            registry=registry,
        )
        self.active_workouts = Gauge(
            "coach_active_workouts",
            "Workouts started in the last 24 hours and not yet finished or stopped",
            registry=registry,
        )
        self._reminders = _ReminderCollector()
        registry.register(self._reminders)

    def watch_reminders(self, totals: Callable[[], ReminderTotals]) -> None:
        """Report a reminder service's totals, e.g. watch_reminders(lambda: service.totals)."""
        self._reminders.sources.append(totals)

    def api_call(self, method: str, *, flood_wait: bool = False) -> None:
        """One Bot API answer: a sent message when accepted, a 429 when told to wait."""
        if flood_wait:
            self.flood_waits.labels(method).inc()
        elif method in SENDING_METHODS:
            self.messages_sent.labels(method).inc()

    def exposition(self) -> bytes:
        """The Prometheus text format of everything in this registry."""
        return generate_latest(self.registry)
