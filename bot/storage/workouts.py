"""Workout and set-log queries of the SQL store: start, log, end, rate, and read back with sets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    FromClause,
    Insert,
    Row,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    exists,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.coach.ports import Plan, SetEntry, WorkoutRecord, WorkoutStatus
from bot.storage.models import (
    SetLogRow,
    UserRow,
    WorkoutRow,
    new_workout_record,
    plan_values,
    set_entry,
    set_values,
    workout_record,
)

WORKOUTS = cast(Table, WorkoutRow.__table__)
SETS = cast(Table, SetLogRow.__table__)
USERS = cast(Table, UserRow.__table__)
# The set columns labelled set_*, so a workout joined with its sets keeps the two apart.
SET_COLUMNS = [column.label(f"set_{column.name}") for column in SETS.c]


def _with_sets(workouts: FromClause) -> Select[Any]:
    """Each selected workout joined with its sets (or one row of NULLs when it has none)."""
    joined = workouts.outerjoin(SETS, SETS.c.workout_id == workouts.c.id)
    return select(workouts, *SET_COLUMNS).select_from(joined)


def _newest_first(query: Select[Any]) -> Select[Any]:
    return query.order_by(WORKOUTS.c.started_at.desc(), WORKOUTS.c.id.desc())


def _older_than_anchor(query: Select[Any]) -> Select[Any]:
    anchor = WORKOUTS.alias("anchor")
    anchor_start = (
        select(anchor.c.started_at).where(anchor.c.id == bindparam("before_id")).scalar_subquery()
    )
    # Older than the anchor; equal start times fall back to the id (creation order). The first
    # condition is implied by the second; it lets the index on start times bound the scan.
    return query.where(
        WORKOUTS.c.started_at <= anchor_start,
        or_(
            WORKOUTS.c.started_at < anchor_start,
            and_(WORKOUTS.c.started_at == anchor_start, WORKOUTS.c.id < bindparam("before_id")),
        ),
    )


def _workout_and_predecessor() -> Select[Any]:
    """One workout and the one previous_workout(before_id=it) would find, each with its sets.

    Whoever reads a workout mid-session soon asks for the one before it ("last time" in every
    set prompt, the summary's comparison): fetched together, that is one statement, not two.
    """
    current, earlier = WORKOUTS.alias("current"), WORKOUTS.alias("earlier")
    predecessor = (
        select(earlier.c.id)
        .where(
            current.c.id == bindparam("workout_id"),
            earlier.c.user_id == current.c.user_id,
            earlier.c.exercise == current.c.exercise,
            earlier.c.started_at <= current.c.started_at,  # as in _older_than_anchor
            or_(
                earlier.c.started_at < current.c.started_at,
                and_(earlier.c.started_at == current.c.started_at, earlier.c.id < current.c.id),
            ),
        )
        .order_by(earlier.c.started_at.desc(), earlier.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    wanted = or_(WORKOUTS.c.id == bindparam("workout_id"), WORKOUTS.c.id == predecessor)
    return _with_sets(WORKOUTS).where(wanted).order_by(WORKOUTS.c.id, SETS.c.id)


def _latest(older: bool) -> Select[Any]:
    of_exercise = select(WORKOUTS).where(
        WORKOUTS.c.user_id == bindparam("user_id"), WORKOUTS.c.exercise == bindparam("exercise")
    )
    found = _newest_first(_older_than_anchor(of_exercise) if older else of_exercise).limit(1)
    return _with_sets(found.subquery("latest")).order_by(SETS.c.id)


def _page(exercise: bool, logged_only: bool = False) -> Select[Any]:
    mine = select(WORKOUTS).where(WORKOUTS.c.user_id == bindparam("user_id"))
    if exercise:
        mine = mine.where(WORKOUTS.c.exercise == bindparam("exercise"))
    if logged_only:  # a session started and left empty is neither shown nor counted
        mine = mine.where(select(SETS.c.id).where(SETS.c.workout_id == WORKOUTS.c.id).exists())
    page = _newest_first(mine).limit(bindparam("limit")).offset(bindparam("offset"))
    shown = page.subquery("page")
    return _with_sets(shown).order_by(shown.c.started_at.desc(), shown.c.id.desc(), SETS.c.id)


# Built once: the hot path then skips building the statement and finds its compiled SQL cached.
_WORKOUT = _workout_and_predecessor()
_LATEST = _latest(older=False)
_LATEST_BEFORE = _latest(older=True)
_PAGE = _page(exercise=False)
_PAGE_OF_EXERCISE = _page(exercise=True)
_LOGGED_PAGE = _page(exercise=False, logged_only=True)
_LOGGED_PAGE_OF_EXERCISE = _page(exercise=True, logged_only=True)
_START = insert(WORKOUTS).returning(WORKOUTS.c.id)
_UPDATE = update(WORKOUTS).where(WORKOUTS.c.id == bindparam("workout_id"))
_SET_FIELDS = [column.name for column in SETS.c if column.name not in ("id", "user_id")]
# A user taken from kept (bot/storage/kept.py) is locked before the unit's first write, and
# their version checked (see SqlStore._connection). On PostgreSQL the two hot first writes, a
# set logged and a workout updated, carry that lock in the same statement: WHERE EXISTS (the
# user's row at the kept version, FOR UPDATE), which PostgreSQL evaluates before it writes or
# locks anything of the workout's, so the lock order stays the user first. One round trip less
# for two events in three. Nothing written (stale, or nothing there): see SqlStore._write_first.
_KEPT_USER = (
    select(USERS.c.id)
    .where(USERS.c.id == bindparam("kept_id"), USERS.c.version == bindparam("kept_version"))
    .with_for_update()
    .cte("kept_user")
)
_KEPT_USER_LOCKED = exists(select(_KEPT_USER.c.id))


def _log_set(*, locking: bool) -> Insert:
    """The set goes in with its workout's owner, in one statement; no row when there is no
    workout (nor, locking, when the kept user is stale)."""
    values = (bindparam(name, type_=SETS.c[name].type) for name in _SET_FIELDS)
    found = [WORKOUTS.c.id == bindparam("workout_id"), *([_KEPT_USER_LOCKED] if locking else [])]
    chosen = select(*values, WORKOUTS.c.user_id).where(*found)
    statement = insert(SETS).from_select([*_SET_FIELDS, "user_id"], chosen).returning(SETS.c.id)
    return statement.add_cte(_KEPT_USER) if locking else statement


_LOG_SET = _log_set(locking=False)
_LOG_SET_LOCKING = _log_set(locking=True)
_UPDATE_LOCKING = _UPDATE.where(_KEPT_USER_LOCKED).add_cte(_KEPT_USER)
# Named apart from the columns: an UPDATE's SET clause keeps those names for its values.
_THE_SET = and_(SETS.c.id == bindparam("b_set_id"), SETS.c.workout_id == bindparam("b_workout_id"))
_CHANGE_SET = update(SETS).where(_THE_SET)
_REMOVE_SET = delete(SETS).where(_THE_SET)
_REMOVE_SETS = delete(SETS).where(SETS.c.workout_id == bindparam("workout_id"))
_REMOVE_WORKOUT = delete(WORKOUTS).where(WORKOUTS.c.id == bindparam("workout_id"))
_ALL_SETS = (
    select(*SET_COLUMNS)
    .where(SETS.c.user_id == bindparam("user_id"))
    .order_by(SETS.c.logged_at, SETS.c.id)
)


class WorkoutQueries:
    """Mixed into SqlStore; every statement joins the unit's transaction and nothing commits.

    Within one unit the user's row is locked, so nothing else changes their workouts: a workout
    read once is kept (and kept up to date by this store's own writes) instead of read again,
    and so is the workout before it.
    """

    _workouts: dict[int, WorkoutRecord]
    # Workout id -> the id previous_workout(before_id=it) finds (None: there is none).
    _before: dict[int, int | None]
    # (user id, exercise) -> the id of their newest workout of it, as this unit read it (None:
    # none yet), kept in _workouts. /workout reads the recent sessions, asks for the latest,
    # starts one and asks for the one before it: one statement, not three.
    _latest: dict[tuple[int, str], int | None]

    async def _connection(self, *, writes: bool = False) -> AsyncConnection:
        raise NotImplementedError  # SqlStore provides the unit's connection

    async def _write_first(
        self, statement: Any, locking: Any, params: dict[str, Any]
    ) -> CursorResult[Any]:
        raise NotImplementedError  # SqlStore runs a write that may carry the kept user's lock

    async def start_workout(
        self, user_id: int, exercise: str, plan: Plan, started_at: datetime
    ) -> int:
        values = {
            "user_id": user_id,
            "exercise": exercise,
            "started_at": started_at,
            "status": WorkoutStatus.ACTIVE.value,
            **plan_values(plan),
        }
        connection = await self._connection(writes=True)
        workout_id: int = (await connection.execute(_START, values)).scalar_one()
        self._before.clear()  # started at any time, the new one may come between two others
        new = new_workout_record(workout_id, values)
        key = (user_id, exercise)
        known, latest = self._known_latest(key)
        # What the next events ask for: the new workout and the one before it; nothing else.
        self._workouts, self._latest = {workout_id: new}, {}
        if known and (latest is None or latest.started_at <= new.started_at):
            # The newest now (ids grow, so an equal start time counts as newer too).
            self._latest[key] = workout_id
            self._before[workout_id] = None if latest is None else latest.id
            if latest is not None:
                self._workouts[latest.id] = latest
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

    async def log_set(self, entry: SetEntry) -> int:
        set_id = (await self._write_first(_LOG_SET, _LOG_SET_LOCKING, set_values(entry))).scalar()
        if set_id is None:
            raise LookupError(f"no workout {entry.workout_id} to log a set in")
        kept = self._workouts.get(entry.workout_id)
        if kept is not None:
            kept.sets.append(replace(entry, id=set_id))
        return int(set_id)

    async def change_set(self, entry: SetEntry) -> bool:
        assert entry.id is not None
        values = set_values(entry)
        del values["workout_id"]
        where = {"b_set_id": entry.id, "b_workout_id": entry.workout_id}
        changed = await self._write(_CHANGE_SET.values(**values), where)
        kept = self._workouts.get(entry.workout_id)
        if changed and kept is not None:
            kept.sets[:] = [entry if e.id == entry.id else e for e in kept.sets]
        return changed

    async def remove_set(self, workout_id: int, set_id: int) -> bool:
        removed = await self._write(_REMOVE_SET, {"b_set_id": set_id, "b_workout_id": workout_id})
        kept = self._workouts.get(workout_id)
        if removed and kept is not None:
            kept.sets[:] = [e for e in kept.sets if e.id != set_id]
        return removed

    async def reopen_workout(self, workout_id: int) -> None:
        active = {"status": WorkoutStatus.ACTIVE.value, "ended_at": None, "effort": None}
        await self._update_workout(workout_id, active)

    async def remove_workout(self, workout_id: int) -> bool:
        await self._write(_REMOVE_SETS, {"workout_id": workout_id})  # children first
        removed = await self._write(_REMOVE_WORKOUT, {"workout_id": workout_id})
        self._workouts.pop(workout_id, None)
        self._before.clear()
        self._latest.clear()
        return removed

    async def _write(self, statement: Any, params: dict[str, Any]) -> bool:
        connection = await self._connection(writes=True)
        result = await connection.execute(statement, params)
        return bool(getattr(result, "rowcount", 0))

    async def workout(self, workout_id: int) -> WorkoutRecord | None:
        if workout_id not in self._workouts:
            found = {w.id: w for w in await self._read(_WORKOUT, {"workout_id": workout_id})}
            current = found.pop(workout_id, None)
            if current is None:
                return None
            self._workouts[workout_id] = current
            earlier = next(iter(found.values()), None)
            if earlier is not None:
                self._workouts.setdefault(earlier.id, earlier)
            self._before[workout_id] = earlier.id if earlier else None
        return self._copy(workout_id)

    def _copy(self, workout_id: int) -> WorkoutRecord:
        kept = self._workouts[workout_id]
        return replace(kept, sets=list(kept.sets))  # the caller's copy; the kept one stays true

    async def previous_workout(
        self, user_id: int, exercise: str, before_id: int | None = None
    ) -> WorkoutRecord | None:
        if before_id is not None and before_id in self._before:
            anchor = self._workouts[before_id]
            if anchor.user_id == user_id and anchor.exercise == exercise:
                earlier = self._before[before_id]
                return None if earlier is None else self._copy(earlier)
        if before_id is None and (user_id, exercise) in self._latest:
            latest_id = self._latest[user_id, exercise]
            if latest_id is None:
                return None
            if latest_id in self._workouts:
                return self._copy(latest_id)
        params: dict[str, Any] = {"user_id": user_id, "exercise": exercise}
        if before_id is not None:
            params["before_id"] = before_id
        found = await self._read(_LATEST if before_id is None else _LATEST_BEFORE, params)
        if before_id is None:
            self._note_latest(user_id, exercise, found)
        return found[0] if found else None

    async def workouts(
        self,
        user_id: int,
        exercise: str | None = None,
        limit: int = 10,
        offset: int = 0,
        logged_only: bool = False,
    ) -> list[WorkoutRecord]:
        if limit <= 0:
            return []
        params = {"user_id": user_id, "limit": limit, "offset": max(0, offset)}
        if logged_only:
            if exercise is None:
                return await self._read(_LOGGED_PAGE, params)
            return await self._read(_LOGGED_PAGE_OF_EXERCISE, {**params, "exercise": exercise})
        if exercise is None:
            return await self._read(_PAGE, params)
        found = await self._read(_PAGE_OF_EXERCISE, {**params, "exercise": exercise})
        if offset <= 0:
            self._note_latest(user_id, exercise, found)
        return found

    def _known_latest(self, key: tuple[int, str]) -> tuple[bool, WorkoutRecord | None]:
        """Whether this unit knows the user's newest workout of the exercise, and which."""
        if key not in self._latest:
            return False, None
        latest_id = self._latest[key]
        latest = None if latest_id is None else self._workouts.get(latest_id)
        return latest_id is None or latest is not None, latest

    def _note_latest(self, user_id: int, exercise: str, newest_first: list[WorkoutRecord]) -> None:
        latest = newest_first[0] if newest_first else None
        if latest is not None:  # the caller's copy is theirs; what this unit wrote stays
            self._workouts.setdefault(latest.id, replace(latest, sets=list(latest.sets)))
        self._latest[user_id, exercise] = None if latest is None else latest.id

    async def all_sets(self, user_id: int) -> list[SetEntry]:
        """Every set the user logged, oldest first (for export)."""
        connection = await self._connection()
        rows = (await connection.execute(_ALL_SETS, {"user_id": user_id})).all()
        return [set_entry(row) for row in rows]

    async def _update_workout(self, workout_id: int, values: dict[str, Any]) -> None:
        params = {"workout_id": workout_id, **values}
        result = await self._write_first(_UPDATE, _UPDATE_LOCKING, params)
        if getattr(result, "rowcount", 0) == 0:
            raise LookupError(f"no workout {workout_id}")
        kept = self._workouts.get(workout_id)
        if kept is not None:
            changed = {**values, "status": WorkoutStatus(values.get("status", kept.status))}
            self._workouts[workout_id] = replace(kept, **changed)

    async def _read(self, query: Select[Any], params: dict[str, Any]) -> list[WorkoutRecord]:
        """The workouts of a joined query, in its order, each with its sets in logging order."""
        connection = await self._connection()
        rows: Sequence[Row[Any]] = (await connection.execute(query, params)).all()
        found: dict[int, WorkoutRecord] = {}
        for row in rows:
            record = found.get(row.id)
            if record is None:
                record = found[row.id] = workout_record(row, [])
            if row.set_id is not None:
                record.sets.append(set_entry(row))
        return list(found.values())
