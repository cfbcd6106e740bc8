"""Workout and set-log queries of the SQL store: start, log, end, rate, and read back with sets."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.coach.ports import Plan, SetEntry, WorkoutRecord, WorkoutStatus
from bot.storage.models import SetLogRow, WorkoutRow
from bot.storage.records import plan_values, set_entry, set_values, workout_record


class WorkoutQueries:
    """Mixed into SqlStore; every statement joins the unit's session and nothing commits."""

    session: AsyncSession

    async def start_workout(
        self, user_id: int, exercise: str, plan: Plan, started_at: datetime
    ) -> int:
        statement = (
            insert(WorkoutRow)
            .values(
                user_id=user_id,
                exercise=exercise,
                started_at=started_at,
                status=WorkoutStatus.ACTIVE.value,
                **plan_values(plan),
            )
            .returning(WorkoutRow.id)
        )
        workout_id: int = (await self.session.execute(statement)).scalar_one()
        return workout_id

    async def end_workout(
        self, workout_id: int, ended_at: datetime, status: WorkoutStatus, effort: str | None = None
    ) -> None:
        values: dict[str, Any] = {"ended_at": ended_at, "status": WorkoutStatus(status).value}
        if effort is not None:  # an effort given earlier (rate_workout) is kept
            values["effort"] = effort
        await self._update_workout(workout_id, values)

    async def rate_workout(self, workout_id: int, effort: str) -> None:
        await self._update_workout(workout_id, {"effort": effort})

    async def log_set(self, entry: SetEntry) -> None:
        owner = select(WorkoutRow.user_id).where(WorkoutRow.id == entry.workout_id)
        user_id = (await self.session.execute(owner)).scalar_one_or_none()
        if user_id is None:
            raise LookupError(f"no workout {entry.workout_id} to log a set in")
        await self.session.execute(insert(SetLogRow).values(**set_values(entry, user_id)))

    async def workout(self, workout_id: int) -> WorkoutRecord | None:
        found = await self._with_sets(select(WorkoutRow).where(WorkoutRow.id == workout_id))
        return found[0] if found else None

    async def previous_workout(
        self, user_id: int, exercise: str, before_id: int | None = None
    ) -> WorkoutRecord | None:
        query = select(WorkoutRow).where(
            WorkoutRow.user_id == user_id, WorkoutRow.exercise == exercise
        )
        if before_id is not None:
            anchor = aliased(WorkoutRow)
            anchor_start = select(anchor.started_at).where(anchor.id == before_id).scalar_subquery()
            # Older than the anchor; equal start times fall back to the id (creation order).
            query = query.where(
                or_(
                    WorkoutRow.started_at < anchor_start,
                    and_(WorkoutRow.started_at == anchor_start, WorkoutRow.id < before_id),
                )
            )
        found = await self._with_sets(_newest_first(query).limit(1))
        return found[0] if found else None

    async def workouts(
        self, user_id: int, exercise: str | None = None, limit: int = 10, offset: int = 0
    ) -> list[WorkoutRecord]:
        if limit <= 0:
            return []
        query = select(WorkoutRow).where(WorkoutRow.user_id == user_id)
        if exercise is not None:
            query = query.where(WorkoutRow.exercise == exercise)
        return await self._with_sets(_newest_first(query).limit(limit).offset(max(0, offset)))

    async def all_sets(self, user_id: int) -> list[SetEntry]:
        """Every set the user logged, oldest first (for export)."""
        query = (
            select(SetLogRow)
            .where(SetLogRow.user_id == user_id)
            .order_by(SetLogRow.logged_at, SetLogRow.id)
        )
        rows = (await self.session.scalars(query)).all()
        return [set_entry(row) for row in rows]

    async def _update_workout(self, workout_id: int, values: dict[str, Any]) -> None:
        statement = (
            update(WorkoutRow)
            .where(WorkoutRow.id == workout_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(statement)
        if getattr(result, "rowcount", 0) == 0:
            raise LookupError(f"no workout {workout_id}")

    async def _with_sets(self, query: Select[WorkoutRow]) -> list[WorkoutRecord]:
        """The workouts the query selects, in its order, each with its sets in logging order."""
        fresh = query.execution_options(populate_existing=True)
        rows: Sequence[WorkoutRow] = (await self.session.scalars(fresh)).all()
        if not rows:
            return []
        sets_query = (
            select(SetLogRow)
            .where(SetLogRow.workout_id.in_([row.id for row in rows]))
            .order_by(SetLogRow.workout_id, SetLogRow.id)
        )
        sets: dict[int, list[SetEntry]] = {row.id: [] for row in rows}
        for set_row in (await self.session.scalars(sets_query)).all():
            sets[set_row.workout_id].append(set_entry(set_row))
        return [workout_record(row, sets[row.id]) for row in rows]


def _newest_first(query: Select[WorkoutRow]) -> Select[WorkoutRow]:
    return query.order_by(WorkoutRow.started_at.desc(), WorkoutRow.id.desc())
