"""Imported history in SQL: the keys a user has, the import held for its Import tap, and the
sessions written in one go (one unit of work: all of them or none)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import Mapped, mapped_column

from bot.coach.ports import WorkoutRecord, WorkoutStatus
from bot.imports.port import HeldImport
from bot.storage.models import NO_ID_REUSE, SOURCE_MAX, Base, UTCDateTime, plan_values, set_values
from bot.storage.workouts import SETS, WORKOUTS

FILE_NAME_MAX = 255


class PendingImportRow(Base):
    """One import per user between its preview and the Import or Cancel tap: the sets to write,
    packed (bot/imports/held.py), so a restart or another replica finds them."""

    __tablename__ = "pending_imports"
    __table_args__ = (Index("ix_pending_imports_created_at", "created_at"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    file_name: Mapped[str] = mapped_column(String(FILE_NAME_MAX))
    source: Mapped[str] = mapped_column(String(SOURCE_MAX))
    sets: Mapped[int] = mapped_column(Integer)
    payload: Mapped[bytes] = mapped_column(LargeBinary)


PENDING = cast(Table, PendingImportRow.__table__)


class ImportQueries:
    """Mixed into SqlStore; every statement joins the unit's transaction and nothing commits."""

    _workouts: dict[int, WorkoutRecord]
    _before: dict[int, int | None]
    _latest: dict[tuple[int, str], int | None]

    async def _connection(self, *, writes: bool = False) -> AsyncConnection:
        raise NotImplementedError  # SqlStore provides the unit's connection (writes: see there)

    async def imported_keys(self, user_id: int, source: str) -> set[str]:
        connection = await self._connection()
        query = select(SETS.c.source_key).where(
            SETS.c.user_id == user_id, SETS.c.source == source, SETS.c.source_key.is_not(None)
        )
        return {key for (key,) in (await connection.execute(query)).all()}

    async def hold_import(self, user_id: int, held: HeldImport, expired_before: datetime) -> int:
        connection = await self._connection(writes=True)
        stale = (PENDING.c.user_id == user_id) | (PENDING.c.created_at < expired_before)
        await connection.execute(delete(PENDING).where(stale))
        values = asdict(held)
        del values["token"]
        statement = insert(PENDING).values(user_id=user_id, **values).returning(PENDING.c.id)
        token: int = (await connection.execute(statement)).scalar_one()
        return token

    async def held_import(
        self, user_id: int, token: int, expired_before: datetime
    ) -> HeldImport | None:
        connection = await self._connection()
        query = select(PENDING).where(
            PENDING.c.user_id == user_id,
            PENDING.c.id == token,
            PENDING.c.created_at >= expired_before,
        )
        row = (await connection.execute(query)).first()
        if row is None:
            return None
        return HeldImport(
            row.id, row.file_name, row.source, row.sets, bytes(row.payload), row.created_at
        )

    async def drop_import(self, user_id: int) -> None:
        connection = await self._connection(writes=True)
        await connection.execute(delete(PENDING).where(PENDING.c.user_id == user_id))

    async def add_imported(self, workouts: Sequence[WorkoutRecord]) -> int:
        if not workouts:
            return 0
        connection = await self._connection(writes=True)
        rows = [_workout_values(w) for w in workouts]
        # One statement for every session; the ids come back in the order the rows went in.
        returning = insert(WORKOUTS).returning(WORKOUTS.c.id, sort_by_parameter_order=True)
        ids = list((await connection.execute(returning, rows)).scalars())
        sets: list[dict[str, Any]] = []
        for workout_id, workout in zip(ids, workouts, strict=True):
            for entry in workout.sets:
                sets.append({**set_values(entry), "workout_id": workout_id,
                             "user_id": workout.user_id})  # fmt: skip
        if sets:
            await connection.execute(insert(SETS), sets)
        # Older sessions came in under the ones this unit knows: what it kept of "the latest"
        # and "the one before" may be wrong now, so it is read afresh next time.
        self._workouts.clear()
        self._before.clear()
        self._latest.clear()
        return len(sets)


def _workout_values(workout: WorkoutRecord) -> dict[str, Any]:
    return {
        "user_id": workout.user_id,
        "exercise": workout.exercise,
        "started_at": workout.started_at,
        "ended_at": workout.ended_at,
        "status": WorkoutStatus(workout.status).value,
        "effort": workout.effort,
        "source": workout.source,
        "imported": workout.imported,
        **plan_values(workout.plan),
    }
