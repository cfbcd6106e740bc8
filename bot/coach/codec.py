"""The one button codec: `<owner>:<token>:<action>[:<arg>...]`, at most 64 bytes, strictly read.

Every button the coach hands out is written and read here, whichever feature owns it. The
owner names the feature ("c" the workout, "pg" progress, "rm" reminders); the token says what
the button belongs to, and the rule for it is one: a press counts only while its token is the
current one of what it belongs to. For a step's buttons that is the user's step token (it moves
at every step, so any older button is stale); for a reminder message's buttons it is the
reminder occurrence, current while that occurrence is still open to an answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.coach.replies import Button

DATA_MAX = 64  # Telegram's callback_data limit, in bytes
TOKEN_DIGITS = 18  # below 2**63: fits every integer column and every token the coach makes
OWNER_MAX = 4


@dataclass(frozen=True)
class ButtonData:
    owner: str
    token: int
    action: str
    args: tuple[str, ...] = ()

    def is_current(self, token: int) -> bool:
        """The one staleness rule: this press belongs to what currently holds `token`."""
        return self.token == token


def encode(owner: str, token: int, action: str, *args: str) -> str | None:
    """The callback data, or None when it would not fit Telegram's 64 bytes."""
    if not _word(owner, OWNER_MAX) or token < 0 or not action or ":" in action:
        raise ValueError(f"not a button: {owner!r} {token!r} {action!r}")
    if any(not arg or ":" in arg for arg in args):
        raise ValueError(f"button arguments must be non-empty and colon-free: {args!r}")
    data = ":".join((owner, str(token), action, *args))
    return data if len(data.encode()) <= DATA_MAX else None


def button(label: str, owner: str, token: int, action: str, *args: str) -> Button | None:
    """A button, or None when its data would be too long (callers leave it out)."""
    data = encode(owner, token, action, *args)
    return Button(label, data) if data is not None else None


def decode(data: str) -> ButtonData | None:
    """What a press says, or None for anything the coach did not write: too long, malformed,
    a token that is not plain ASCII digits ("²", "-1", "1e3"), or an empty part."""
    if len(data.encode()) > DATA_MAX:
        return None
    owner, *rest = data.split(":")
    if len(rest) < 2 or not _word(owner, OWNER_MAX):
        return None
    token, action, *args = rest
    if not (token.isascii() and token.isdigit() and len(token) <= TOKEN_DIGITS):
        return None
    if not action or not all(args):
        return None
    return ButtonData(owner, int(token), action, tuple(args))


def _word(text: str, longest: int) -> bool:
    return 0 < len(text) <= longest and text.isascii() and text.isalpha() and text.islower()
