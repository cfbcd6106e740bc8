"""What the import needs of the unit of work: stored keys, the held import, writing sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.coach.ports import CoachStore, WorkoutRecord


@dataclass(frozen=True)
class HeldImport:
    """An import previewed and waiting for its Import tap (bot/imports/held.py packs it)."""

    token: int  # what the preview's buttons carry: current while this import is held
    file_name: str
    source: str  # the app: "strong", "hevy", "fitnotes"
    sets: int  # sets it would import, as the preview said
    payload: bytes
    created_at: datetime


@runtime_checkable
class ImportStore(Protocol):
    """The import's part of one unit of work; every call joins its transaction."""

    async def imported_keys(self, user_id: int, source: str) -> set[str]:
        """The source keys of every set the user imported from this app."""

    async def hold_import(self, user_id: int, held: HeldImport, expired_before: datetime) -> int:
        """Keep this import (replacing the user's earlier one) until it is taken or dropped;
        held.token is ignored and the new token returned. Imports of anyone held before
        expired_before are deleted on the way."""

    async def held_import(
        self, user_id: int, token: int, expired_before: datetime
    ) -> HeldImport | None:
        """The user's held import with this token, unless it is older than expired_before."""

    async def drop_import(self, user_id: int) -> None:
        """Forget the user's held import, if any."""

    async def add_imported(self, workouts: Sequence[WorkoutRecord]) -> int:
        """Insert the sessions and their sets (ids are the store's); the sets written. A set
        whose key the user has already fails the unit: nothing of it is committed."""


def import_store(store: CoachStore) -> ImportStore:
    """The import's part of this unit of work (bot.storage's store has it)."""
    if not isinstance(store, ImportStore):
        raise TypeError("this store keeps no imports")
    return store
