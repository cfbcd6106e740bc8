"""Driving reminders as the engine will: one unit of work per event, the dialog state kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.coach.events import Command, Event, Press, Text
from bot.coach.replies import Button
from bot.content import Library
from bot.reminders import flow
from bot.reminders.dialog_state import RemindDialog
from bot.reminders.service import ReminderService, Sender
from bot.storage import Database
from bot.storage.reminder_claims import claims_unit
from bot.storage.reminder_store import SqlReminders


@dataclass
class Conversation:
    """One user talking to the reminders part of the coach, as the engine keeps them: the
    dialog stored as JSON between events, and the step token moved after each event unless
    nothing new went out."""

    database: Database
    library: Library
    key: str
    stored: dict[str, Any] | None = None  # the dialog as the engine keeps it in the user's state
    token: int = 41  # the user's step token; any number, as the engine's is
    last: list[flow.Handled] = field(default_factory=list)

    @property
    def dialog(self) -> RemindDialog | None:
        return RemindDialog.read(self.stored)

    async def event(self, event: Event, now: datetime) -> flow.Handled:
        async with self.database.unit() as store:
            user = await store.load_user(self.key)
            dialog = self.dialog
            assert flow.wants(event, dialog)
            handled = await flow.handle(
                SqlReminders(store.session), user, event, dialog, self.library, now,
                token=self.token,
            )  # fmt: skip
            self.stored = handled.dialog.dump() if handled.dialog is not None else None
            await store.save_user(user)
        if not handled.keep_step:
            self.token += 1
        self.last.append(handled)
        return handled

    async def say(self, text: str, now: datetime) -> flow.Handled:
        return await self.event(Text(text), now)

    async def command(self, args: str, now: datetime) -> flow.Handled:
        return await self.event(Command("remind", args), now)

    async def press(self, label: str, now: datetime) -> flow.Handled:
        return await self.event(Press(self.button(label).data), now)

    def button(self, label: str) -> Button:
        for handled in reversed(self.last):
            for reply in handled.outcome.replies:
                for row in reply.buttons:
                    for button in row:
                        if button.label == label:
                            return button
        raise AssertionError(f"no button {label!r} shown")


async def remind(
    database: Database, library: Library, key: str, line: str, now: datetime
) -> Conversation:
    """`/remind <line>` in one go; the line must say everything, so the reminder is created."""
    user = Conversation(database, library, key)
    handled = await user.command(line, now)
    assert handled.outcome.replies[0].text.startswith("Done:"), handled.outcome.replies
    return user


def service(
    database: Database,
    send: Sender,
    library: Library,
    clock: Any,
    worker: str = "w1",
    **options: Any,
) -> ReminderService:
    options.setdefault("rate_per_second", 10_000.0)
    options.setdefault("grace", timedelta(minutes=60))
    return ReminderService(
        lambda: claims_unit(database), send, library, worker=worker, clock=clock, **options
    )
