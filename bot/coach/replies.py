"""What the coach gives back: replies with buttons, a timer to set, a note for a pressed button."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Button:
    label: str
    # At most 64 bytes (Telegram's callback_data limit); carries the step token it belongs to.
    data: str


@dataclass(frozen=True)
class Reply:
    """One message. Plain text: transports escape it; rows of buttons under it."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    # A picture (PNG bytes) with text as its caption, e.g. a progress chart.
    photo: bytes | None = None
    # A file to send (name, bytes), e.g. an export.
    document: tuple[str, bytes] | None = None


@dataclass(frozen=True)
class Timer:
    """Wake the coach with TimerDue(kind, token) at due_at (timezone-aware, UTC)."""

    kind: str
    token: int
    due_at: datetime


@dataclass
class Outcome:
    replies: list[Reply] = field(default_factory=list)
    # The user has one timer slot: a new timer replaces the old one; cancel_timer clears it.
    timer: Timer | None = None
    cancel_timer: bool = False
    # For a button press: a short toast ("Logged", "Already logged") ...
    notice: str | None = None
    # ... and what the pressed message should now say it chose (its keyboard is removed).
    chosen: str | None = None
    # Reminders were created, resumed, snoozed or moved to another zone in this event: the
    # adapter re-aims its reminder service (ReminderService.changed) once the unit has committed.
    reminders_changed: bool = False
