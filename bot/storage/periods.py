"""Periods of training for the progress charts: a user's workouts of one exercise since a date."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.coach.ports import WorkoutRecord
from bot.storage.models import set_entry, workout_record
from bot.storage.workouts import SET_COLUMNS, SETS, WORKOUTS


class PeriodQueries:
    """Mixed into SqlStore; joins the unit's transaction and never commits."""

    _workouts: dict[int, WorkoutRecord]

    async def _connection(self) -> AsyncConnection:
        raise NotImplementedError  # SqlStore provides the unit's connection

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
