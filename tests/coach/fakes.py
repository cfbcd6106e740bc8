"""An in-memory CoachStore that behaves like the real one: copies in and out, versions, order."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime

from bot.coach.ports import (
    Plan,
    SetEntry,
    StaleStateError,
    UserRecord,
    UserSettings,
    WorkoutRecord,
    WorkoutStatus,
)
from bot.coach.replies import Timer
from tests.coach.fake_reminders import FakeReminders


class FakeStore:
    """Implements bot.coach.ports.CoachStore (plus user_by_key and all_sets, as storage does).

    Like a database it hands out copies: changing a returned record changes nothing until it is
    saved, and save_user refuses a record whose version moved since it was loaded.
    """

    def __init__(self) -> None:
        self.users: dict[str, UserRecord] = {}
        self.workout_rows: dict[int, WorkoutRecord] = {}
        self.set_rows: list[SetEntry] = []
        self.saves = 0
        self.next_set_id = 0
        self.reminders = FakeReminders()  # the CoachStore's `reminders`, in memory too

    async def load_user(self, key: str) -> UserRecord:
        if key not in self.users:
            user_id = len(self.users) + 1
            self.users[key] = UserRecord(user_id, key, UserSettings(), state={})
        return copy.deepcopy(self.users[key])

    async def user_by_key(self, key: str) -> UserRecord | None:
        user = self.users.get(key)
        return copy.deepcopy(user) if user else None

    async def save_user(self, user: UserRecord) -> None:
        stored = self.users.get(user.key)
        if stored is None or stored.version != user.version:
            raise StaleStateError(user.key)
        user.version += 1
        self.users[user.key] = copy.deepcopy(user)
        self.saves += 1

    async def start_workout(
        self, user_id: int, exercise: str, plan: Plan, started_at: datetime
    ) -> int:
        workout_id = len(self.workout_rows) + 1
        self.workout_rows[workout_id] = WorkoutRecord(
            workout_id, user_id, exercise, plan, started_at, WorkoutStatus.ACTIVE
        )
        return workout_id

    async def end_workout(
        self, workout_id: int, ended_at: datetime, status: WorkoutStatus, effort: str | None = None
    ) -> None:
        row = self.workout_rows[workout_id]
        row.status, row.ended_at = status, ended_at
        if effort is not None:
            row.effort = effort

    async def rate_workout(self, workout_id: int, effort: str) -> None:
        self.workout_rows[workout_id].effort = effort

    async def log_set(self, entry: SetEntry) -> int:
        if entry.workout_id not in self.workout_rows:
            raise KeyError(entry.workout_id)  # a foreign key would refuse it
        self.next_set_id += 1
        self.set_rows.append(replace(entry, id=self.next_set_id))
        return self.next_set_id

    async def change_set(self, entry: SetEntry) -> bool:
        found = [i for i, e in enumerate(self.set_rows) if e.id == entry.id]
        if not found or self.set_rows[found[0]].workout_id != entry.workout_id:
            return False
        self.set_rows[found[0]] = entry
        return True

    async def remove_set(self, workout_id: int, set_id: int) -> bool:
        before = len(self.set_rows)
        self.set_rows = [
            e for e in self.set_rows if not (e.id == set_id and e.workout_id == workout_id)
        ]
        return len(self.set_rows) < before

    async def reopen_workout(self, workout_id: int) -> None:
        row = self.workout_rows[workout_id]
        row.status, row.ended_at, row.effort = WorkoutStatus.ACTIVE, None, None

    async def remove_workout(self, workout_id: int) -> bool:
        self.set_rows = [e for e in self.set_rows if e.workout_id != workout_id]
        return self.workout_rows.pop(workout_id, None) is not None

    def _with_sets(self, row: WorkoutRecord) -> WorkoutRecord:
        sets = [e for e in self.set_rows if e.workout_id == row.id]
        return replace(copy.deepcopy(row), sets=sets)

    async def workout(self, workout_id: int) -> WorkoutRecord | None:
        row = self.workout_rows.get(workout_id)
        return self._with_sets(row) if row else None

    async def previous_workout(
        self, user_id: int, exercise: str, before_id: int | None = None
    ) -> WorkoutRecord | None:
        def age(row: WorkoutRecord) -> tuple[datetime, int]:
            return (row.started_at, row.id)  # newest start first; creation order breaks ties

        anchor = self.workout_rows.get(before_id) if before_id is not None else None
        rows = [
            r
            for r in self.workout_rows.values()
            if r.user_id == user_id
            and r.exercise == exercise
            and (before_id is None or (anchor is not None and age(r) < age(anchor)))
        ]
        return self._with_sets(max(rows, key=age)) if rows else None

    async def workouts(
        self,
        user_id: int,
        exercise: str | None = None,
        limit: int = 10,
        offset: int = 0,
        logged_only: bool = False,
    ) -> list[WorkoutRecord]:
        logged = {e.workout_id for e in self.set_rows}
        rows = [
            r
            for r in self.workout_rows.values()
            if r.user_id == user_id
            and (exercise is None or r.exercise == exercise)
            and (not logged_only or r.id in logged)
        ]
        rows.sort(key=lambda r: (r.started_at, r.id), reverse=True)
        return [self._with_sets(r) for r in rows[offset : offset + limit]]

    async def pending_timers(self) -> list[tuple[str, Timer]]:
        return [(u.key, u.timer) for u in self.users.values() if u.timer is not None]

    async def all_sets(self, user_id: int) -> list[SetEntry]:
        """Every set the user logged, oldest first (for export)."""
        ids = {r.id for r in self.workout_rows.values() if r.user_id == user_id}
        return sorted((e for e in self.set_rows if e.workout_id in ids), key=lambda e: e.logged_at)

    # Helpers for tests: what a user would see in an export.
    def sets_of(self, key: str) -> list[SetEntry]:
        user_id = self.users[key].id
        ids = {r.id for r in self.workout_rows.values() if r.user_id == user_id}
        return [e for e in self.set_rows if e.workout_id in ids]
