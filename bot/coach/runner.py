"""The one use case every entry point runs: an event in its own unit of work, applied once.

Telegram, the terminal chat and the tests all call `Runner.run`; none of them opens a unit of
work or retries on its own. The policy, in one place:
- the unit of work (one transaction) is opened here and committed once, when it closes;
- an update a transport delivers again (its id already applied) is rolled back, not re-run;
- when another event changed the user first (a `Retryable` error: a stale version, and any
  failure the store says is safe to run again), the event runs again on the fresh state, up to
  ATTEMPTS times in all; every other error propagates, with nothing committed;
- the effects that must follow the commit (timers, telling the reminder service) run only
  after it, so a retried event never arms a timer twice and no transaction waits on them.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.coach.engine import Coach
from bot.coach.events import Event
from bot.coach.ports import AlreadyApplied, CoachStore, Retryable
from bot.coach.replies import Outcome

log = logging.getLogger(__name__)

# Two: a second loss in a row means the user is busy elsewhere; they are told and send again.
ATTEMPTS = 2


class EventStore(CoachStore, Protocol):
    """The store a unit of work hands the runner: the coach's port, plus apply-once."""

    def apply_once(self, key: str, update_id: int) -> None:
        """Raise AlreadyApplied at load_user when update_id was applied to key before;
        record it with the user's save otherwise."""


class UnitsOfWork(Protocol):
    """Where units of work come from (bot.storage.Database implements it)."""

    def unit(self, *, for_event: bool = False) -> AbstractAsyncContextManager[EventStore]: ...


class Effects(Protocol):
    """What an entry point does once an event's unit has committed."""

    async def committed(self, key: str, outcome: Outcome, now: datetime) -> None: ...


class NoEffects:
    async def committed(self, key: str, outcome: Outcome, now: datetime) -> None:
        return None


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Runner:
    coach: Coach
    units: UnitsOfWork
    effects: Effects = field(default_factory=NoEffects)
    clock: Callable[[], datetime] = utc_now
    # Serialises units where the database has one writer (SQLite): waiting here wakes the next
    # unit the moment the last commits, where waiting on the file lock would sleep and poll.
    gate: AbstractAsyncContextManager[Any] | None = None
    attempts: int = ATTEMPTS
    retries: Callable[[], None] = lambda: None  # counts retries (the metrics' hook)

    async def run(self, key: str, event: Event, update_id: int | None = None) -> Outcome:
        """The outcome to show, after the commit; empty when update_id was applied before."""
        for attempt in range(1, self.attempts + 1):
            now = self.clock()
            try:
                outcome = await self._once(key, event, update_id, now)
            except AlreadyApplied:
                log.info("%s: update %s was applied already; not again", key, update_id)
                return Outcome()
            except Retryable as error:
                if attempt == self.attempts:
                    raise
                log.info("%s: %s; running the event again", key, type(error).__name__)
                self.retries()
                continue
            await self._after_commit(key, outcome, now)
            return outcome
        raise AssertionError("unreachable")  # pragma: no cover

    async def _once(self, key: str, event: Event, update_id: int | None, now: datetime) -> Outcome:
        async with self._gate(), self.units.unit(for_event=True) as store:
            if update_id is not None:
                store.apply_once(key, update_id)  # checked at load, recorded at save
            return await self.coach.handle(store, key, event, now)

    async def _after_commit(self, key: str, outcome: Outcome, now: datetime) -> None:
        try:
            await self.effects.committed(key, outcome, now)
        except Exception:  # committed already: the event happened, whatever an effect does
            log.exception("%s: an effect after the commit failed", key)

    def _gate(self) -> AbstractAsyncContextManager[Any]:
        return self.gate if self.gate is not None else contextlib.nullcontext()
