"""The one use case every entry point runs: an event in its own unit of work, applied once.

Telegram, the terminal chat and the tests all call `Runner.run`; none of them opens a unit of
work or retries on its own. The policy, in one place:
- the unit of work (one transaction) is opened here and committed once, when it closes;
- an update a transport delivers again (its id already applied) is rolled back, not re-run;
  when the copy comes well after the first was applied (the reply to it was lost: the process
  died before sending it), the user is shown the step they are on, changing nothing;
- a timer's event reaches only a user who exists: after /deleteme (perhaps at another replica)
  it creates no one;
- when another event changed the user first (a `Retryable` error: a stale version, and any
  failure the store says is safe to run again: a deadlock, a serialization failure), the event
  runs again on the fresh state, up to ATTEMPTS times in all; every other error propagates, with
  nothing committed (the transport may then have the update delivered again);
- the effects that must follow the commit (timers, telling the reminder service) run only
  after it, so a retried event never arms a timer twice and no transaction waits on them.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from bot.coach.engine import Coach
from bot.coach.events import Event, TimerDue
from bot.coach.ports import AlreadyApplied, CoachStore, NoSuchUser, Retryable
from bot.coach.replies import Outcome

log = logging.getLogger(__name__)

# Two: a second loss in a row means the user is busy elsewhere; they are told and send again.
ATTEMPTS = 2
# A copy of an applied update this soon after is the same update at two replicas at once (the
# first one's reply is on its way); later than this, the reply was lost and the step is shown.
REDELIVERED_AFTER = timedelta(seconds=3)


class EventStore(CoachStore, Protocol):
    """The store a unit of work hands the runner: the coach's port, plus apply-once."""

    def apply_once(self, key: str, update_id: int, applied_at: datetime | None = None) -> None:
        """Raise AlreadyApplied at load_user when update_id was applied to key before;
        record it (and applied_at) with the user's save otherwise."""

    def only_existing(self, key: str) -> None:
        """Raise NoSuchUser at load_user when there is no user with this key, not create one."""


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
        """The outcome to show, after the commit. When update_id was applied before: nothing
        for a concurrent copy, the current step for a late one (see REDELIVERED_AFTER)."""
        for attempt in range(1, self.attempts + 1):
            now = self.clock()
            try:
                outcome = await self._once(key, event, update_id, now)
            except AlreadyApplied as applied:
                log.info("%s: update %s was applied already; not again", key, update_id)
                return await self._applied_before(key, applied, now)
            except NoSuchUser:
                log.info(
                    "%s: no such user (deleted): the %s creates no one", key, type(event).__name__
                )
                return Outcome()
            except Retryable as error:
                if attempt == self.attempts:
                    raise
                log.info("%s: %s (%s); running the event again", key, type(error).__name__, error)
                self.retries()
                continue
            await self._after_commit(key, outcome, now)
            return outcome
        raise AssertionError("unreachable")  # pragma: no cover

    async def _once(self, key: str, event: Event, update_id: int | None, now: datetime) -> Outcome:
        async with self._gate(), self.units.unit(for_event=True) as store:
            if update_id is not None:
                store.apply_once(key, update_id, now)  # checked at load, recorded at save
            if isinstance(event, TimerDue):  # only the user's own messages make a user
                store.only_existing(key)
            return await self.coach.handle(store, key, event, now)

    async def _applied_before(self, key: str, applied: AlreadyApplied, now: datetime) -> Outcome:
        """Nothing when the first copy was applied moments ago (its reply is on its way);
        otherwise the step the user is on, in a unit that changes nothing."""
        if applied.applied_at is not None and now - applied.applied_at < REDELIVERED_AFTER:
            return Outcome()
        try:
            async with self._gate(), self.units.unit() as store:
                store.only_existing(key)
                return await self.coach.where_we_are(store, key, now)
        except NoSuchUser:
            return Outcome()
        except Exception:  # applied already: failing to say so again must not fail the update
            log.exception("%s: could not show where we are after a re-delivery", key)
            return Outcome()

    async def _after_commit(self, key: str, outcome: Outcome, now: datetime) -> None:
        try:
            await self.effects.committed(key, outcome, now)
        except Exception:  # committed already: the event happened, whatever an effect does
            log.exception("%s: an effect after the commit failed", key)

    def _gate(self) -> AbstractAsyncContextManager[Any]:
        return self.gate if self.gate is not None else contextlib.nullcontext()
