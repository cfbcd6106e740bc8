"""Telegram re-sends an update it got no answer for: remember recent ids so each applies once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.coach.ports import AlreadyApplied

__all__ = ["REMEMBERED", "AlreadyApplied", "Deliveries", "Recent", "read_recent"]

# Ids kept per user. Telegram re-sends only what was not acknowledged, soon after; and a user's
# updates may be re-sent out of order, so this is a set of recent ids, not a high-water mark.
REMEMBERED = 32

# (update id, when it was applied as seconds since the epoch; 0.0: before times were kept).
Recent = list[tuple[int, float]]


def read_recent(stored: Any) -> Recent:
    """The users.recent_updates JSON as (id, applied at) pairs: [[id, seconds], ...] now,
    bare ids in rows written before the time was kept (read as applied long ago)."""
    recent: Recent = []
    for item in stored or []:
        if isinstance(item, int):
            recent.append((item, 0.0))
        elif isinstance(item, list | tuple) and len(item) == 2:
            recent.append((int(item[0]), float(item[1])))
    return recent


class Deliveries:
    """Mixed into SqlStore: the update a unit applies, checked and recorded on the user's row.

    The ids live in the users row that load_user reads and locks and save_user writes, so the
    check and the record cost no statement of their own; two deliveries of one update, at two
    replicas, still see one another, as the row is locked from load to commit. Each id is kept
    with the time it was applied, so a late copy (its reply lost) is told from a concurrent one.
    """

    _delivery: tuple[str, int, datetime] | None = None
    _recent: Recent | None = None

    def apply_once(self, key: str, update_id: int, applied_at: datetime | None = None) -> None:
        """This unit applies update update_id to the user with this key: load_user raises
        AlreadyApplied when that update was applied already, and save_user records it."""
        self._delivery = (key, update_id, applied_at or datetime.now(UTC))

    def _check_delivery(self, key: str, recent: Recent) -> None:
        """At load_user, with the user's row locked (or taken from what this process kept)."""
        if self._delivery is None or self._delivery[0] != key:
            return
        update_id = self._delivery[1]
        for applied, seconds in recent:
            if applied == update_id:
                at = datetime.fromtimestamp(seconds, UTC) if seconds else None
                raise AlreadyApplied(f"update {update_id} was applied to {key!r} already", at)
        self._recent = list(recent)

    def _recorded(self, key: str) -> dict[str, list[list[float]]]:
        """The recent_updates value save_user writes (nothing when this unit applies none)."""
        if self._delivery is None or self._delivery[0] != key or self._recent is None:
            return {}
        _, update_id, applied_at = self._delivery
        if all(applied != update_id for applied, _ in self._recent):
            self._recent = [*self._recent, (update_id, applied_at.timestamp())][-REMEMBERED:]
        return {"recent_updates": [[applied, seconds] for applied, seconds in self._recent]}

    def _applied_ids(self, key: str, recent: Recent) -> set[int]:
        """The update ids a user's row holds, with the one this unit applies to them."""
        ids = {applied for applied, _ in recent}
        if self._delivery is not None and self._delivery[0] == key:
            ids.add(self._delivery[1])
        return ids
