"""Users' rows and workouts as this process last committed them, so the next event skips reading.

A user between sets sends an event every few seconds, and each one used to begin by reading
their row (locked) and their workout with its sets: two of the unit's five statements. Instead,
what a unit committed is kept here and handed to the same user's next unit, which writes with
the version it was given: `UPDATE users ... WHERE version = kept`. If anything else changed the
user meanwhile (another replica, the terminal chat on the same file), that UPDATE finds no row,
the unit rolls back with StaleStateError, and the event is applied again on a fresh, locked read
(Services.handle). So the database stays the only truth: this is a guess it checks on every write.

It holds because every writer of a user's row or workouts is a unit that saves the user, which
moves the version (bot.coach.engine saves at the end of every event; /deleteme removes the row).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

from bot.coach.ports import UserRecord, WorkoutRecord
from bot.storage.deliveries import Recent

# Users kept: the ones training right now. Each costs a few kilobytes (a workout or two with sets).
DEFAULT_KEPT_USERS = 1024
# A unit reads a workout and the one before it; more than this means a long session of several
# workouts, and re-reading once is cheaper than carrying them all.
MAX_KEPT_WORKOUTS = 4


@dataclass
class KeptUser:
    """One user as committed: the row (version included), recent update ids, workouts read."""

    user: UserRecord
    recent_updates: Recent
    workouts: dict[int, WorkoutRecord]
    # Workout id -> the id of the workout before it (see WorkoutQueries._before).
    before: dict[int, int | None]


class KeptUsers:
    """A bounded, least-recently-used map of user key -> KeptUser.

    take() removes the entry: the unit that took it owns it (and may change it) until it
    commits and keeps what it saved. A unit that fails keeps nothing, so the next one reads.
    """

    def __init__(self, size: int = DEFAULT_KEPT_USERS) -> None:
        self.size = size
        self._kept: OrderedDict[str, KeptUser] = OrderedDict()

    def take(self, key: str) -> KeptUser | None:
        return self._kept.pop(key, None)

    def keep(self, key: str, kept: KeptUser) -> None:
        if self.size <= 0:
            return
        if len(kept.workouts) > MAX_KEPT_WORKOUTS:
            kept = replace(kept, workouts={}, before={})
        self._kept[key] = kept
        self._kept.move_to_end(key)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)

    def __len__(self) -> int:
        return len(self._kept)
