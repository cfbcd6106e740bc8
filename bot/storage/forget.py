"""/deleteme in SQL: every row that belongs to a user, in every table, deleted in one unit."""

from __future__ import annotations

from typing import cast

from sqlalchemy import ColumnElement, Table, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.coach.ports import WorkoutRecord
from bot.storage.migrate import target_metadata
from bot.storage.models import UserRow


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


class Forgetting:
    """Mixed into SqlStore; joins the unit's transaction and never commits."""

    _workouts: dict[int, WorkoutRecord]

    async def _connection(self, *, writes: bool = False) -> AsyncConnection:
        raise NotImplementedError  # SqlStore provides the unit's connection

    async def forget_user(self, user_id: int) -> dict[str, int]:
        """Delete the user and everything of theirs; rows deleted per table (non-zero only).

        Children go first (reverse dependency order), so each delete still finds the parents its
        condition looks through, and nothing relies on ON DELETE CASCADE being switched on.
        """
        connection = await self._connection(writes=True)
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
