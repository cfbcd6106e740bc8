"""Telegram re-sends an update it got no answer for: remember recent ids so each applies once."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import UserRow

# Ids kept per user. Telegram re-sends only what was not acknowledged, soon after; and a user's
# updates may be re-sent out of order, so this is a set of recent ids, not a high-water mark.
REMEMBERED = 32


async def first_delivery(session: AsyncSession, key: str, update_id: int) -> bool:
    """Record update_id as applied to the user; False when it already was (a re-sent update).

    Call inside the unit that applied the update, after the engine loaded (and so locked) the
    user's row: two deliveries of one update, at two replicas, then see one another.
    """
    query = select(UserRow.recent_updates).where(UserRow.key == key).with_for_update()
    found = (await session.execute(query)).first()
    if found is None:  # the update deleted the user (/deleteme): nothing left to apply twice
        return True
    recent: list[int] = list(found[0] or [])
    if update_id in recent:
        return False
    recent = [*recent, update_id][-REMEMBERED:]
    statement = (
        update(UserRow)
        .where(UserRow.key == key)
        .values(recent_updates=recent)
        .execution_options(synchronize_session=False)
    )
    await session.execute(statement)
    return True
