"""Whether this replica can send: a few failed sends in a row stop it claiming, for a while."""

# A replica that cannot reach the Bot API must not sit on reminders other replicas could send:
# after FAILURES_TO_STOP failed sends in a row (no success between) it stops claiming and
# reports unhealthy (/healthz), then tries again after a pause that doubles up to MAX_PAUSE.
# One success is enough to be healthy again.

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

FAILURES_TO_STOP = 3
FIRST_PAUSE = timedelta(seconds=5)
MAX_PAUSE = timedelta(minutes=2)


class SendHealth:
    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock
        self.failures_in_a_row = 0
        self._pause = FIRST_PAUSE
        self.stopped_until: datetime | None = None  # set while sending is stopped

    @property
    def able(self) -> bool:
        """False from the failure that stopped sending until a send works again."""
        return self.stopped_until is None

    def may_try(self) -> bool:
        """May this replica claim now? While stopped, only once the pause is over (one try)."""
        return self.stopped_until is None or self._clock() >= self.stopped_until

    def sent(self) -> None:
        self.failures_in_a_row = 0
        self._pause = FIRST_PAUSE
        self.stopped_until = None

    def failed(self) -> bool:
        """Count a failed send; True when this one stops sending (the run should end now)."""
        self.failures_in_a_row += 1
        if self.stopped_until is not None:  # the try after a pause failed too: wait longer
            self.stopped_until = self._clock() + self._pause
            self._pause = min(self._pause * 2, MAX_PAUSE)
            return True
        if self.failures_in_a_row >= FAILURES_TO_STOP:
            self.stopped_until = self._clock() + self._pause
            self._pause = min(self._pause * 2, MAX_PAUSE)
            return True
        return False
