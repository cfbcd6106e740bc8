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
# A session opened from /history, and what can be done with it (bot/progress/session_edit.py).
OPEN = "o"
FIX_SET = "e"
DROP_SET = "ds"
DROP_SET_YES = "dsy"
DROP_SESSION = "dw"
DROP_SESSION_YES = "dwy"
SESSION_ACTIONS = frozenset({OPEN, FIX_SET, DROP_SET, DROP_SET_YES, DROP_SESSION, DROP_SESSION_YES})


def button(label: str, token: int, action: str, *args: str) -> Button | None:
    """A button of the progress commands (bot/coach/codec.py), or None when too long."""
    return codec.button(label, PREFIX, token, action, *args)


def row(*buttons: Button | None) -> tuple[Button, ...]:
    return tuple(b for b in buttons if b is not None)
