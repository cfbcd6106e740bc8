"""Buttons of the progress commands: `pg:<token>:<action>:<args>` data, at most 64 bytes.

The data never names a user, a workout or a row: whoever presses a button acts on their own data,
so forged data can at worst show or change the presser's own things, and only when its token is
the presser's current one.
"""

from __future__ import annotations

from bot.coach.replies import Button

PREFIX = "pg"
DATA_MAX = 64

HISTORY = "h"
CHART = "c"
SETTING = "s"
DELETE = "d"
KEEP = "k"
ACCEPT = "a"


def encode(token: int, *parts: str) -> str:
    return ":".join((PREFIX, str(token), *parts))


def button(label: str, token: int, *parts: str) -> Button | None:
    data = encode(token, *parts)
    return Button(label, data) if len(data.encode()) <= DATA_MAX else None


def row(*buttons: Button | None) -> tuple[Button, ...]:
    return tuple(b for b in buttons if b is not None)


def ours(data: str) -> bool:
    return data.startswith(PREFIX + ":")


def decode(data: str) -> tuple[int, list[str]] | None:
    """(token, [action, args...]) for well-formed data of ours; None for anything else."""
    if len(data.encode()) > DATA_MAX:
        return None
    prefix, *rest = data.split(":")
    if prefix != PREFIX or len(rest) < 2:
        return None
    token, parts = rest[0], rest[1:]
    if not (token.isascii() and token.isdigit() and len(token) <= 20) or not all(parts):
        return None
    return int(token), parts
