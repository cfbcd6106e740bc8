"""Buttons of the progress commands: `pg:<token>:<action>:<args>` (bot/coach/codec.py).

The data never names a user, a workout or a row: whoever presses a button acts on their own data,
so forged data can at worst show or change the presser's own things, and only when its token is
the presser's current one.
"""

from __future__ import annotations

from bot.coach import codec
from bot.coach.replies import Button

PREFIX = "pg"

HISTORY = "h"
CHART = "c"
SETTING = "s"
DELETE = "d"
KEEP = "k"


def button(label: str, token: int, action: str, *args: str) -> Button | None:
    """A button of the progress commands (bot/coach/codec.py), or None when too long."""
    return codec.button(label, PREFIX, token, action, *args)


def row(*buttons: Button | None) -> tuple[Button, ...]:
    return tuple(b for b in buttons if b is not None)
