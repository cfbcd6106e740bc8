"""What can happen to the coach: a typed line, a button press, a command, a timer coming due,
a file sent."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """Free text the user typed."""

    text: str


@dataclass(frozen=True)
class Press:
    """A button press; data is exactly the Button.data the coach handed out."""

    data: str


@dataclass(frozen=True)
class Command:
    """A slash command: name without the slash, lower-case ("workout"), args as typed."""

    name: str
    args: str = ""


@dataclass(frozen=True)
class TimerDue:
    """A timer the coach asked for (Outcome.timer) came due; token names its step."""

    kind: str
    token: int


@dataclass(frozen=True)
class Document:
    """A file the user sent (a workout app's CSV export): its name as sent, and its bytes."""

    name: str
    data: bytes = field(repr=False)


Event = Text | Press | Command | TimerDue | Document
