"""Progress queries of the SQL store: a period of workouts for charts; forget a user entirely."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, bindparam, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.coach.ports import WorkoutRecord
from bot.storage.migrate import target_metadata
from bot.storage.models import UserRow
from bot.storage.records import set_entry, workout_record
from bot.storage.workouts import SET_COLUMNS, SETS, WORKOUTS


def owned_rows(table: Table, user_id: int) -> ColumnElement[bool] | None:
    """Which rows of table belong to the user: the user's own row, a row pointing at the user,
    or a row pointing at a row that belongs to the user (a reminder's occurrences), at any depth.

    Worked out from the foreign keys, so a table added later is covered without a change here;
    None when no row of the table can belong to a user.
    """
    users = cast(Table, UserRow.__table__)
    if table is users:
        return users.c.id == user_id
    conditions: list[ColumnElement[bool]] = []
    for key in table.foreign_keys:
        parent = key.column.table
        if not isinstance(parent, Table) or parent is table:
            continue
        if parent is users:
            conditions.append(key.parent == user_id)
        elif (owned := owned_rows(parent, user_id)) is not None:
            conditions.append(key.parent.in_(select(key.column).where(owned)))
    return or_(*conditions) if conditions else None


class ProgressQueries:
    """Mixed into SqlStore; joins the unit's transaction and never commits."""

    _workouts: dict[int, WorkoutRecord]

    async def _connection(self) -> AsyncConnection:
        raise NotImplementedError  # SqlStore provides the unit's connection

    async def forget_user(self, user_id: int) -> dict[str, int]:
        """Delete the user and everything of theirs; rows deleted per table (non-zero only).

        Children go first (reverse dependency order), so each delete still finds the parents its
        condition looks through, and nothing relies on ON DELETE CASCADE being switched on.
        """
        connection = await self._connection()
        deleted: dict[str, int] = {}
        for table in reversed(target_metadata().sorted_tables):
            condition = owned_rows(table, user_id)
            if condition is None:  # nothing in this table can belong to a user
                continue
            result = await connection.execute(delete(table).where(condition))
            count = int(getattr(result, "rowcount", 0) or 0)
            if count:
                deleted[table.name] = count
        self._workouts.clear()  # what this unit kept of their workouts is gone too
        return deleted

    async def workouts_since(
        self, user_id: int, exercise: str, since: datetime | None = None
    ) -> list[WorkoutRecord]:
        """The user's workouts of one exercise started at `since` or later (every one when
        None), oldest first, each with its sets in logging order.

        Two queries, not one join: a join repeats each workout's columns (three timestamps to
        parse) on every set row, which made two years of sessions three times slower to read.
        """
        connection = await self._connection()
        params = {"user_id": user_id, "exercise": exercise, "since": since}
        workouts, sets = _PERIOD[since is not None]
        found = {
            row.id: workout_record(row, [])
            for row in (await connection.execute(workouts, params)).all()
        }
        for row in (await connection.execute(sets, params)).all():
            found[row.set_workout_id].sets.append(set_entry(row))
        return list(found.values())


def _period(since: bool) -> tuple[Select[Any], Select[Any]]:
    """(the workouts, oldest first; their sets, in logging order) of one exercise."""
    chosen = select(WORKOUTS.c.id).where(
        WORKOUTS.c.user_id == bindparam("user_id"), WORKOUTS.c.exercise == bindparam("exercise")
    )
    if since:
        chosen = chosen.where(WORKOUTS.c.started_at >= bindparam("since"))
    workouts = select(WORKOUTS).where(WORKOUTS.c.id.in_(chosen))
    sets = select(*SET_COLUMNS).where(SETS.c.workout_id.in_(chosen)).order_by(SETS.c.id)
    return workouts.order_by(WORKOUTS.c.started_at, WORKOUTS.c.id), sets


# Built once, as the store's other statements are (see workouts.py).
_PERIOD = {False: _period(since=False), True: _period(since=True)}
