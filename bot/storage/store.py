"""The SQL store behind the coach's CoachStore port: users, their state and timers; workouts too."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach.ports import CoachStore, StaleStateError, UserRecord, UserSettings
from bot.coach.replies import Timer
from bot.storage.models import KEY_MAX, UserRow
from bot.storage.progress import ProgressQueries
from bot.storage.records import user_record, user_values
from bot.storage.workouts import WorkoutQueries


class SqlStore(WorkoutQueries, ProgressQueries):
    """CoachStore on one AsyncSession, inside one transaction the Database unit owns.

    The store never commits: Database.unit() commits once when the event's work succeeded.
    `session` is public so that stores added later (reminders) can join the same transaction.
    """

    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    async def load_user(self, key: str) -> UserRecord:
        _check_key(key)
        row = await self._locked_user(key)
        if row is None:
            await self._create_user(key)
            row = await self._locked_user(key)
            if row is None:  # pragma: no cover - the insert or a concurrent one created it
                raise RuntimeError(f"user {key!r} vanished right after being created")
        return user_record(row)

    async def user_by_key(self, key: str) -> UserRecord | None:
        """The user with this key, or None; never creates one and takes no lock."""
        _check_key(key)
        query = select(UserRow).where(UserRow.key == key)
        row = await self.session.scalar(query.execution_options(populate_existing=True))
        return None if row is None else user_record(row)

    async def save_user(self, user: UserRecord) -> None:
        statement = (
            update(UserRow)
            .where(UserRow.id == user.id, UserRow.version == user.version)
            .values(**user_values(user), version=user.version + 1)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(statement)
        if getattr(result, "rowcount", 0) == 0:
            raise StaleStateError(
                f"user {user.key!r} was changed by another event since version {user.version}"
            )
        user.version += 1  # so a second save in the same unit checks against what is stored

    async def pending_timers(self) -> list[tuple[str, Timer]]:
        query = (
            select(UserRow.key, UserRow.timer_kind, UserRow.timer_token, UserRow.timer_due_at)
            .where(
                UserRow.timer_kind.is_not(None),
                UserRow.timer_token.is_not(None),
                UserRow.timer_due_at.is_not(None),
            )
            .order_by(UserRow.timer_due_at, UserRow.id)
        )
        timers: list[tuple[str, Timer]] = []
        for key, kind, token, due_at in (await self.session.execute(query)).all():
            if kind is not None and token is not None and due_at is not None:  # as the WHERE says
                timers.append((key, Timer(kind, token, due_at)))
        return timers

    async def _locked_user(self, key: str) -> UserRow | None:
        # FOR UPDATE holds other units of this user (any replica) until this one ends; SQLite
        # ignores it, and needs nothing more: its transaction began IMMEDIATE (see db.py).
        query = (
            select(UserRow)
            .where(UserRow.key == key)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return await self.session.scalar(query)

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
        await self.session.execute(statement)


def _check_key(key: str) -> None:
    if not key or len(key) > KEY_MAX:
        raise ValueError(f"a user key is 1 to {KEY_MAX} characters, got {len(key)}")


if TYPE_CHECKING:

    def _implements_the_port(store: SqlStore) -> CoachStore:
        return store  # mypy proves SqlStore has every CoachStore method, with its signature
