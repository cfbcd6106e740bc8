"""The one door to python-telegram-bot's private API, where the coach needs it.

- DEFAULT_NONE and ODVInput: the types BaseRequest.do_request is declared with; a request class
  of our own (bot/telegram/request.py) must name them, and PTB keeps them in telegram._utils.
- bot_requests: the two HTTP clients a Bot holds, which PTB leaves open when initialize()
  fails on a bad token.
tests/telegram/test_ptb_private.py fails loudly when the pinned version stops having them.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Bot
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest

PINNED = "22.8"  # the version these were checked against

__all__ = ["DEFAULT_NONE", "PINNED", "ODVInput", "bot_requests"]


def bot_requests(bot: Bot) -> Sequence[BaseRequest]:
    """The bot's request objects: (the one for getUpdates, the one for everything else)."""
    requests: Sequence[BaseRequest] = bot._request
    return requests
