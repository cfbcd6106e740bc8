"""The test harness's coach with /healthz and /metrics on its internal listener, as `coach run`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from prometheus_client.parser import text_string_to_metric_families

from bot.content import Library
from bot.observability import Metrics
from bot.observability.http import routes
from bot.telegram.application import CoachBot, build_application
from tests.fakebotapi import FakeBotApi
from tests.telegram.harness import Harness, coach_settings


class ObservedHarness(Harness):
    async def start(self) -> CoachBot:
        application = build_application(self.settings, self.library)
        extra = routes(application, application.bot_data.metrics)
        self.bot = CoachBot(application, self.settings, poll_timeout=1, internal_routes=extra)
        await self.bot.start()
        return self.bot

    @property
    def metrics(self) -> Metrics:
        assert self.bot is not None
        return self.bot.application.bot_data.metrics


@asynccontextmanager
async def observed_coach(
    api: FakeBotApi, database_url: str, library: Library
) -> AsyncIterator[ObservedHarness]:
    """The real Application by webhook on this database, its log lines and metrics at hand."""
    harness = ObservedHarness(api, coach_settings(api, database_url, "webhook"), library)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


def samples(exposition: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """{(sample name, sorted labels): value} of a Prometheus text page."""
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found
