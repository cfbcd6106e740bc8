"""A fake Telegram Bot API over real HTTP on loopback, for end-to-end tests and the benchmark."""

from tests.fakebotapi.faults import FloodLimits
from tests.fakebotapi.records import Call, Message, Records
from tests.fakebotapi.server import DEFAULT_TOKEN, SECRET_HEADER, FakeBotApi
from tests.fakebotapi.users import FakeUser

__all__ = [
    "DEFAULT_TOKEN",
    "SECRET_HEADER",
    "Call",
    "FakeBotApi",
    "FakeUser",
    "FloodLimits",
    "Message",
    "Records",
]
