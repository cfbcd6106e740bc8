"""The private API of python-telegram-bot the adapter relies on (ptb_private.py) is there."""

from __future__ import annotations

from importlib.metadata import version

from telegram import Bot
from telegram.request import BaseRequest

from bot.telegram import ptb_private


def test_the_installed_ptb_is_the_version_its_private_api_was_checked_against() -> None:
    # A new python-telegram-bot may move telegram._utils or Bot._request: re-check, then re-pin.
    assert version("python-telegram-bot") == ptb_private.PINNED


def test_a_bot_holds_two_request_objects_and_default_none_is_the_sentinel() -> None:
    bot = Bot("123:abc")
    requests = ptb_private.bot_requests(bot)
    assert len(requests) == 2 and all(isinstance(r, BaseRequest) for r in requests)
    assert not ptb_private.DEFAULT_NONE  # PTB's DefaultValue(None) is falsy, as do_request expects
