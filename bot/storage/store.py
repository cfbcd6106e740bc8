"""The SQL store behind the coach's CoachStore port: users, their state and timers; workouts too."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bot.coach.ports import (
    AlreadyApplied,
    CoachStore,
    NoSuchUser,
    StaleStateError,
    UserRecord,
    UserSettings,
    WorkoutRecord,
)
from bot.coach.replies import Timer
from bot.storage.deliveries import Deliveries, Recent, read_recent
from bot.storage.forget import Forgetting
from bot.storage.imports import ImportQueries
from bot.storage.kept import KeptUser, KeptUsers
from bot.storage.models import KEY_MAX, ForgottenUpdateRow, UserRow, user_record, user_values
from bot.storage.periods import PeriodQueries
from bot.storage.reminder_store import SqlReminders
from bot.storage.workouts import WorkoutQueries

USERS = cast(Table, UserRow.__table__)
FORGOTTEN = cast(Table, ForgottenUpdateRow.__table__)
# Telegram keeps an update it could not deliver for 24 hours at most; twice that, to be sure.
FORGOTTEN_UPDATES_KEPT = timedelta(hours=48)

# Built once, so the hot path skips building statements and finds their compiled SQL cached.
_USER = select(USERS).where(USERS.c.key == bindparam("key"))
# FOR UPDATE holds other units of this user (any replica) until this one ends; SQLite ignores
# it, and needs nothing more: its transaction began IMMEDIATE (see db.py).
_LOCKED_USER = _USER.with_for_update()
# The same lock on a user taken from kept (not read), before the unit's first write: every unit
# then locks the user's row before any workout or set of theirs, so two units of one user (at
# two replicas) wait for one another instead of deadlocking (one holding the workout, the other
# the user). With the version, so a stale kept user is found out before anything is written.
_LOCKED_VERSION = (
    select(USERS.c.version).where(USERS.c.id == bindparam("user_id")).with_for_update()
)
_FORGOTTEN = select(FORGOTTEN.c.forgotten_at).where(FORGOTTEN.c.update_id == bindparam("update_id"))
# The SET clause comes from the values passed: every column user_values() names, and version.
_SAVE_USER = update(USERS).where(
    USERS.c.id == bindparam("saved_id"), USERS.c.version == bindparam("saved_version")
)
_TIMERS = (
    select(USERS.c.key, USERS.c.timer_kind, USERS.c.timer_token, USERS.c.timer_due_at)
    .where(
        USERS.c.timer_kind.is_not(None),
        USERS.c.timer_token.is_not(None),
        USERS.c.timer_due_at.is_not(None),
    )
    .order_by(USERS.c.timer_due_at, USERS.c.id)
)


class SqlStore(WorkoutQueries, PeriodQueries, Forgetting, Deliveries, ImportQueries):
    """CoachStore on one connection, inside one transaction the Database unit owns.

    The store never commits: Database.unit() commits once when the event's work succeeded.
    Its own statements are Core statements on the unit's connection: no ORM objects to build,
    track or flush on the path every event takes. `session` lets ORM code (reminders) join
    the same transaction.
    """

    def __init__(
        self,
        connection: AsyncConnection,
        dialect: str,
        kept: KeptUsers | None = None,
        *,
        take_kept: bool = False,
    ) -> None:
        self.connection = connection
        self.dialect = dialect
        self._session: AsyncSession | None = None
        self._workouts: dict[int, WorkoutRecord] = {}
        self._before: dict[int, int | None] = {}
        self._latest: dict[tuple[int, str], int | None] = {}
        self._reminders: SqlReminders | None = None
        # What the last unit of this process committed for a user (bot/storage/kept.py), and
        # what this unit will leave there once it commits.
        self._kept = kept
        self._take_kept = take_kept
        self._unchecked: UserRecord | None = None  # taken from kept, not yet saved
        self._stored_recent: dict[str, Recent] = {}
        self._loaded: dict[int, str] = {}  # user id -> key, of the users this unit loaded
        self._existing_only: set[str] = set()
        self._saved: UserRecord | None = None
        self._forgotten = False
        # PostgreSQL: a save that is the unit's first statement waits; if nothing follows it,
        # it runs alone at the commit, without BEGIN and COMMIT (see _write_save).
        self._saves_wait = dialect == "postgresql"
        self._waiting_save: tuple[UserRecord, dict[str, Any]] | None = None
        self._statements_ran = False

    @property
    def session(self) -> AsyncSession:
        """An ORM session in this unit's transaction, for the reminder tables' ORM code; made
        on first use, as most events never need one (the coach's own statements are Core)."""
        if self._session is None:
            if self._waiting_save is not None:  # its queries would not see the user's save
                raise RuntimeError("the ORM session is made before save_user, not after")
            self._statements_ran = True
            # Joins the transaction the unit began: its commit and close leave it to the unit
            # (an ORM error's rollback ends it, and the unit then fails as it should).
            self._session = AsyncSession(
                bind=self.connection,
                expire_on_commit=False,
                join_transaction_mode="rollback_only",
            )
        return self._session

    @property
    def reminders(self) -> SqlReminders:
        """The reminder tables in this unit's transaction (made on first use; few events do)."""
        if self._reminders is None:
            self._reminders = SqlReminders(self.session)
        return self._reminders

    async def _connection(self, *, writes: bool = False) -> AsyncConnection:
        """The unit's connection, inside the transaction the unit began; a save that waited
        goes first, as what follows may read what it wrote.

        writes: the statement takes row locks (it writes a workout, a set, a deletion), so the
        user's own row is locked first if it is not yet: every unit locks the user before
        anything of theirs, and two units of one user wait for each other instead of
        deadlocking. Reads take no row locks on PostgreSQL and need none first.
        """
        await self._write_waiting_save()
        self._statements_ran = True
        if writes and self._unchecked is not None and self.dialect == "postgresql":
            await self._lock_kept_user()
        return self.connection

    async def _write_first(
        self, statement: Any, locking: Any, params: dict[str, Any]
    ) -> CursorResult[Any]:
        """A write (as _connection(writes=True) would run it) that, when it is the first of a
        unit whose user came from kept, runs as `locking`: the same statement carrying the
        user's lock and version check (bot/storage/workouts.py), one round trip instead of two.
        Wrote nothing: the user is stale or there was nothing to write; the lock on its own then
        tells which (StaleStateError), and the statement runs as usual."""
        await self._write_waiting_save()
        user = self._unchecked
        if user is not None and self.dialect == "postgresql":
            self._statements_ran = True
            kept = {"kept_id": user.id, "kept_version": user.version}
            result = cast(CursorResult[Any], await self.connection.execute(locking, params | kept))
            if result.rowcount:
                self._unchecked = None  # locked, at the version kept
                return result
        connection = await self._connection(writes=True)
        return cast(CursorResult[Any], await connection.execute(statement, params))

    async def _lock_kept_user(self) -> None:
        """Lock the row of the user taken from kept, checking it is still what was kept."""
        user, self._unchecked = self._unchecked, None
        assert user is not None
        row = (await self.connection.execute(_LOCKED_VERSION, {"user_id": user.id})).first()
        if row is None or row.version != user.version:
            raise StaleStateError(f"user {user.key!r} was changed by another event meanwhile")

    async def _write_waiting_save(self) -> None:
        if self._waiting_save is not None:
            await self._write_save(*self._waiting_save)

    async def before_commit(self) -> None:
        """What the ORM session holds goes to the database, a kept user is checked, and a save
        that waited is written."""
        if self._session is not None:
            await self._connection(writes=True)  # the reminder rows it writes come second
            await self._session.flush()
        await self._check_kept()
        if self._waiting_save is not None:
            await self._write_save(*self._waiting_save, alone=not self._statements_ran)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def only_existing(self, key: str) -> None:
        """load_user(key) raises NoSuchUser instead of creating the user (a timer's event)."""
        self._existing_only.add(key)

    async def load_user(self, key: str) -> UserRecord:
        _check_key(key)
        kept = self._kept.take(key) if self._kept is not None and self._take_kept else None
        if kept is not None:
            try:
                self._check_delivery(key, kept.recent_updates)
            except AlreadyApplied:  # told from what the database holds, which may have moved on
                kept = None
        if kept is not None:
            # Not read, so not locked: the lock is taken before the unit's first write, and
            # the version checked then or at the save (StaleStateError if stale).
            self._stored_recent[key] = kept.recent_updates
            self._loaded[kept.user.id] = key
            self._workouts.update(kept.workouts)
            self._before.update(kept.before)
            self._unchecked = kept.user
            return kept.user
        connection = await self._connection()
        row = (await connection.execute(_LOCKED_USER, {"key": key})).first()
        if row is None:
            await self._may_create(key)
            await self._create_user(key)
            row = (await connection.execute(_LOCKED_USER, {"key": key})).first()
            if row is None:  # pragma: no cover - the insert or a concurrent one created it
                raise RuntimeError(f"user {key!r} vanished right after being created")
        recent = read_recent(row.recent_updates)
        self._check_delivery(key, recent)
        self._stored_recent[key] = recent
        self._loaded[row.id] = key
        return user_record(row)

    async def _may_create(self, key: str) -> None:
        """No user with this key: refuse to create one for a timer's event (NoSuchUser), or for
        an update applied to a user who has since deleted everything (AlreadyApplied)."""
        if key in self._existing_only:
            raise NoSuchUser(f"no user {key!r}")
        if self._delivery is None or self._delivery[0] != key:
            return
        update_id = self._delivery[1]
        found = await self.connection.execute(_FORGOTTEN, {"update_id": update_id})
        forgotten_at = found.scalar()
        if forgotten_at is not None:
            raise AlreadyApplied(f"update {update_id} was applied before a /deleteme", forgotten_at)

    async def user_by_key(self, key: str) -> UserRecord | None:
        """The user with this key, or None; never creates one and takes no lock."""
        _check_key(key)
        connection = await self._connection()
        row = (await connection.execute(_USER, {"key": key})).first()
        return None if row is None else user_record(row)

    async def save_user(self, user: UserRecord) -> None:
        await self._write_waiting_save()  # an earlier save of this unit first: this one follows it
        recorded = self._recorded(user.key)
        values = {
            **user_values(user),
            **recorded,
            "version": user.version + 1,
            "saved_id": user.id,
            "saved_version": user.version,
        }
        if self._saves_wait and not self._statements_ran:
            self._waiting_save = (user, values)
        else:
            await self._write_save(user, values)
        if "recent_updates" in recorded:
            self._stored_recent[user.key] = read_recent(recorded["recent_updates"])
        self._saved = user
        self._unchecked = None

    async def _write_save(
        self, user: UserRecord, values: dict[str, Any], *, alone: bool = False
    ) -> None:
        """The user's UPDATE, checked against the version it was loaded at.

        alone: no other statement ran in this unit and none will, so the UPDATE runs without
        a transaction around it (it is atomic by itself): one round trip to PostgreSQL instead
        of three (BEGIN, UPDATE, COMMIT). A third of the coach's events (a kept user, no set
        logged, no workout read) are just that. Had a transaction begun after all, the UPDATE
        joins it and the unit commits it as usual.
        """
        self._waiting_save = None
        self._statements_ran = True
        connection = self.connection
        driver = (await connection.get_raw_connection()).dbapi_connection if alone else None
        if driver is not None:
            driver.autocommit = True
        try:
            result = await connection.execute(_SAVE_USER, values)
        finally:
            if driver is not None:
                driver.autocommit = False
        if getattr(result, "rowcount", 0) == 0:
            raise StaleStateError(
                f"user {user.key!r} was changed by another event since version {user.version}"
            )
        user.version += 1  # so a second save in the same unit checks against what is stored

    async def _check_kept(self) -> None:
        """Before the commit: a user taken from kept and never saved (an event that changed
        nothing of theirs) is checked against the stored version all the same."""
        user, self._unchecked = self._unchecked, None
        if user is None or self._forgotten:
            return
        connection = await self._connection()
        unchanged = {"version": user.version, "saved_id": user.id, "saved_version": user.version}
        result = await connection.execute(_SAVE_USER, unchanged)
        if getattr(result, "rowcount", 0) == 0:
            raise StaleStateError(f"user {user.key!r} was changed by another event meanwhile")

    def committed(self) -> None:
        """Called by Database.unit() once this unit's transaction is committed: what it saved
        is what the database holds, so the user's next unit may start from it."""
        user = self._saved
        if self._kept is None or user is None or self._forgotten:
            return
        self._kept.keep(
            user.key,
            KeptUser(
                user=replace(user, settings=replace(user.settings)),
                recent_updates=self._stored_recent.get(user.key, []),
                workouts=self._workouts,
                before=self._before,
            ),
        )

    async def forget_user(self, user_id: int) -> dict[str, int]:
        self._workouts.clear()  # whatever was kept belonged to rows about to be deleted
        self._before.clear()
        self._latest.clear()
        self._forgotten = True
        key = self._loaded.get(user_id)
        applied = self._applied_ids(key, self._stored_recent.get(key, [])) if key else set()
        deleted = await super().forget_user(user_id)
        await self._remember_forgotten(applied)
        return deleted

    async def _remember_forgotten(self, update_ids: set[int]) -> None:
        """The update ids applied to a user being deleted, so a late copy of one creates no one
        (see ForgottenUpdateRow); ids older than FORGOTTEN_UPDATES_KEPT go."""
        now = datetime.now(UTC)
        connection = await self._connection(writes=True)
        stale = FORGOTTEN.c.forgotten_at < now - FORGOTTEN_UPDATES_KEPT
        await connection.execute(delete(FORGOTTEN).where(stale))
        if not update_ids:
            return
        dialect = postgresql if self.dialect == "postgresql" else sqlite
        rows = [{"update_id": update_id, "forgotten_at": now} for update_id in sorted(update_ids)]
        insert = dialect.insert(FORGOTTEN).values(rows).on_conflict_do_nothing()
        await connection.execute(insert)

    async def pending_timers(self) -> list[tuple[str, Timer]]:
        connection = await self._connection()
        timers: list[tuple[str, Timer]] = []
        for key, kind, token, due_at in (await connection.execute(_TIMERS)).all():
            if kind is not None and token is not None and due_at is not None:  # as the WHERE says
                timers.append((key, Timer(kind, token, due_at)))
        return timers

    async def _create_user(self, key: str) -> None:
        """Insert the user unless a concurrent unit just did; either way the row then exists."""
        defaults = UserSettings()
        values = {
            "key": key,
            "created_at": datetime.now(UTC),
            "version": 0,
            **user_values(UserRecord(0, key, defaults, {})),
        }
        dialect = postgresql if self.dialect == "postgresql" else sqlite
        statement = (
            dialect.insert(UserRow).values(**values).on_conflict_do_nothing(index_elements=["key"])
        )
        await (await self._connection()).execute(statement)


def _check_key(key: str) -> None:
    if not key or len(key) > KEY_MAX:
        raise ValueError(f"a user key is 1 to {KEY_MAX} characters, got {len(key)}")


if TYPE_CHECKING:

    def _implements_the_port(store: SqlStore) -> CoachStore:
        return store  # mypy proves SqlStore has every CoachStore method, with its signature
