"""Leaving an update to Telegram to deliver again, when it failed and nothing of it was applied.

The Bot API repeats a webhook request whose answer is not a 2XX status (and gives up after "a
reasonable amount of attempts"), so an update that failed for a reason that passes (the database
away, a race lost twice) is answered with a 5xx instead of 200 and comes back on its own. Apply-
once makes that safe even when nobody can tell whether it was applied (a connection lost during
COMMIT): a copy of an applied update is recognised and shows the user where they are.

By long polling there is no such answer: PTB confirms an update by asking for the next ones, so
the user is told honestly what happened instead (bot/telegram/handlers.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from bot.coach.ports import Retryable
from bot.storage.errors import is_unavailable

# Answered to Telegram for an update it should deliver again.
AGAIN_STATUS = 503


@dataclass
class Redelivery:
    """One webhook update's chance to be delivered again; asked is set by whoever takes it."""

    asked: bool = False


# The handler and the error handler run inside the webhook's await (PTB awaits blocking
# handlers in the same task), so they see the update's own Redelivery.
_current: ContextVar[Redelivery | None] = ContextVar("coach_redelivery", default=None)


@contextmanager
def offered() -> Iterator[Redelivery]:
    """Around one webhook update: handlers may ask for it to be delivered again."""
    redelivery = Redelivery()
    token = _current.set(redelivery)
    try:
        yield redelivery
    finally:
        _current.reset(token)


def passes(error: BaseException | None) -> bool:
    """An error worth another delivery: the database away, or a race lost on every attempt."""
    return error is not None and (isinstance(error, Retryable) or is_unavailable(error))


def ask(error: BaseException | None) -> bool:
    """Have this update delivered again if the error passes and the update came by webhook:
    True when so (then nothing is said to the user; the next delivery answers them)."""
    redelivery = _current.get()
    if redelivery is None or not passes(error):
        return False
    redelivery.asked = True
    return True
