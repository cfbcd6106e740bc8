"""An in-memory ReminderStore for engine tests: owner checks and conditional updates as in SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from bot.reminders.domain import OccurrenceStatus, Reminder, UserOccurrence
from bot.reminders.schedule import Rule, next_occurrence, require_aware


class FakeReminders:
    """Implements bot.reminders.domain.ReminderStore; occurrences are added by tests (sent())."""

    def __init__(self) -> None:
        self.rows: dict[int, Reminder] = {}
        self.occurrences: dict[int, tuple[int, date, OccurrenceStatus]] = {}
        self._ids = 0

    def _next_id(self) -> int:
        self._ids += 1
        return self._ids

    async def list_reminders(self, user_id: int) -> list[Reminder]:
        return [r for r in self.rows.values() if r.user_id == user_id]

    async def create_reminder(
        self, user_id: int, rule: Rule, exercise: str | None, now: datetime
    ) -> Reminder:
        due = next_occurrence(rule, require_aware(now)).due_at
        row = Reminder(self._next_id(), user_id, rule.at, rule.days, rule.zone, exercise, False)
        row = replace(row, next_due_at=due)
        self.rows[row.id] = row
        return row

    def _own(self, user_id: int, reminder_id: int) -> Reminder | None:
        row = self.rows.get(reminder_id)
        return row if row is not None and row.user_id == user_id else None

    async def update_reminder(
        self, user_id: int, reminder_id: int, rule: Rule, exercise: str | None, now: datetime
    ) -> Reminder | None:
        row = self._own(user_id, reminder_id)
        if row is None:
            return None
        due = next_occurrence(rule, now).due_at
        row = replace(
            row, at=rule.at, days=rule.days, zone=rule.zone, exercise=exercise, next_due_at=due
        )
        self.rows[row.id] = row
        return row

    async def set_paused(
        self, user_id: int, reminder_id: int, paused: bool, now: datetime
    ) -> Reminder | None:
        row = self._own(user_id, reminder_id)
        if row is None:
            return None
        due = row.next_due_at if paused else next_occurrence(row.rule, now).due_at
        self.rows[row.id] = row = replace(row, paused=paused, next_due_at=due)
        return row

    async def delete_reminder(self, user_id: int, reminder_id: int) -> bool:
        return self._own(user_id, reminder_id) is not None and bool(self.rows.pop(reminder_id))

    async def set_zone(self, user_id: int, zone: str, now: datetime) -> int:
        mine = [r for r in self.rows.values() if r.user_id == user_id]
        for row in mine:
            rule = Rule(row.at, row.days, zone)
            due = next_occurrence(rule, now).due_at
            self.rows[row.id] = replace(row, zone=zone, next_due_at=due)
        return len(mine)

    def sent(self, reminder_id: int, local_date: date) -> int:
        """An occurrence the scheduler sent: what the reminder message's buttons point at."""
        oid = self._next_id()
        self.occurrences[oid] = (reminder_id, local_date, OccurrenceStatus.SENT)
        return oid

    async def user_occurrence(self, user_id: int, occurrence_id: int) -> UserOccurrence | None:
        found = self.occurrences.get(occurrence_id)
        row = self.rows.get(found[0]) if found else None
        if found is None or row is None or row.user_id != user_id:
            return None
        return UserOccurrence(occurrence_id, row, found[1], found[2])

    async def answer_occurrence(
        self,
        occurrence_id: int,
        from_statuses: frozenset[OccurrenceStatus],
        status: OccurrenceStatus,
        snoozed_until: datetime | None = None,
    ) -> bool:
        found = self.occurrences.get(occurrence_id)
        if found is None or found[2] not in from_statuses:
            return False
        self.occurrences[occurrence_id] = (found[0], found[1], status)
        return True
