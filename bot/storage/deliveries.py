"""Telegram re-sends an update it got no answer for: remember recent ids so each applies once."""

from __future__ import annotations

from bot.coach.ports import AlreadyApplied

__all__ = ["REMEMBERED", "AlreadyApplied", "Deliveries"]

# Ids kept per user. Telegram re-sends only what was not acknowledged, soon after; and a user's
# updates may be re-sent out of order, so this is a set of recent ids, not a high-water mark.
REMEMBERED = 32


class Deliveries:
    """Mixed into SqlStore: the update a unit applies, checked and recorded on the user's row.

    The ids live in the users row that load_user reads and locks and save_user writes, so the
    check and the record cost no statement of their own; two deliveries of one update, at two
    replicas, still see one another, as the row is locked from load to commit.
    """

    _delivery: tuple[str, int] | None = None
    _recent: list[int] | None = None

    def apply_once(self, key: str, update_id: int) -> None:
        """This unit applies update update_id to the user with this key: load_user raises
        AlreadyApplied when that update was applied already, and save_user records it."""
        self._delivery = (key, update_id)

    def _check_delivery(self, key: str, recent: list[int] | None) -> None:
        """At load_user, with the user's row locked."""
        if self._delivery is None or self._delivery[0] != key:
            return
        if self._delivery[1] in (recent or []):
            raise AlreadyApplied(f"update {self._delivery[1]} was applied to {key!r} already")
        self._recent = list(recent or [])

    def _recorded(self, key: str) -> dict[str, list[int]]:
        """The recent_updates value save_user writes (nothing when this unit applies none)."""
        if self._delivery is None or self._delivery[0] != key or self._recent is None:
            return {}
        update_id = self._delivery[1]
        if update_id not in self._recent:
            self._recent = [*self._recent, update_id][-REMEMBERED:]
        return {"recent_updates": self._recent}
