"""A seeded generator of updates nobody should send: huge, strange, forged, stale, misdirected."""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable
from typing import Any

from tests.fakebotapi.records import BOT_USER

Update = dict[str, Any]

STRANGE = [
    "\u202eevil rtl text\u202c",
    "\u200b",
    "\u200d\u200d\u200d",
    "\ufeff8",
    "💪🏽🏋️‍♀️👩‍👩‍👧‍👦",
    "𝟖 𝟗",
    "٨",  # an Arabic-Indic eight
    "８",  # a fullwidth eight
    "\x00",
    "8\x00reps",
    "\x07\x1b[31mred\x1b[0m",
    "e\u0301\u0301\u0301\u0301\u0301",
    "<b>bold</b>&amp;<script>alert(1)</script>",
    "' OR 1=1; DROP TABLE set_logs; --",
    "%s%n%x{0}{user}",
    "${jndi:ldap://127.0.0.1/x}",
    "null",
    "NaN",
    "-1",
    "0",
    "1e309",
    "99999999999999999999999999",
    "8.5.5 kg kg",
    "   ",
    "\n\n\n",
    "\t",
    "/",
    "//",
    "/ workout",
]
UNKNOWN_COMMANDS = [
    "/foo",
    "/workout@other_bot",
    "/DROP",
    "/𝟖",
    "/x" * 40,
    "/start@",
    "/h\u200belp",
]
HARMLESS_COMMANDS = ["/help", "/history", "/history 999999", "/progress nonsense", "/ask"]
FORGED_DATA = [
    "",
    "c",
    "c:",
    "c::",
    "c:abc:n:8",
    "c:-1:n:8",
    "c:99999999999999999999:n:8",
    "c:0:x",
    "c:1:e:no-such-exercise",
    "pg:0:s:unit:lb",
    "pg:-5:d:0",
    "pg:1:h:99999:all",
    "pg:1:c:forever:hip-thrust",
    "🏋️" * 16,
    "c:1:" + "n" * 60,
]
# Code points of every plane but the surrogates, which JSON cannot carry alone.
_PLANES = [(0x20, 0x7E), (0xA0, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x1FAFF), (0x20000, 0x2A6DF)]


class Junk:
    """Updates of one seed; victims' chats only ever get what must not change their workout."""

    def __init__(self, seed: int, next_update_id: Callable[[], int]) -> None:
        self.rng = random.Random(seed)
        self.next_update_id = next_update_id
        self._message_ids = itertools.count(100_000)
        self._query_ids = itertools.count(1)
        self.queries: dict[str, int | None] = {}  # every callback query made: id -> chat

    # -- pieces ---------------------------------------------------------------------------------

    def text(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return rng.choice(STRANGE)
        if roll < 0.45:  # huge: past Telegram's own 4096, as only a forged webhook call could be
            return rng.choice(["x", "8 ", "💪", "\u200b", "ש"]) * rng.randint(501, 20_000)
        if roll < 0.8:
            return "".join(
                chr(rng.randint(*rng.choice(_PLANES))) for _ in range(rng.randint(1, 60))
            )
        return rng.choice(STRANGE) + rng.choice(STRANGE)

    def data(self, foreign: list[str]) -> str:
        """Forged callback data, or a real button of somebody else's (their token and step)."""
        if foreign and self.rng.random() < 0.4:
            return self.rng.choice(foreign)
        data = self.rng.choice(FORGED_DATA)
        if self.rng.random() < 0.2:
            data = f"c:{self.rng.randint(0, 2**31)}:n:{self.rng.randint(-5, 500)}"
        return data

    # -- updates --------------------------------------------------------------------------------

    def _person(self, user_id: int) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": self.rng.choice(["A", "ש", "💪", "x" * 64]),
        }

    def _message(self, chat: dict[str, Any], sender: dict[str, Any] | None, **body: Any) -> Update:
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat}
        if sender is not None:
            message["from"] = sender
        message.update(body)
        return message

    def _private(self, user_id: int) -> dict[str, Any]:
        return {"id": user_id, "type": "private", "first_name": "A"}

    def private_text(self, user_id: int, text: str) -> Update:
        body: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0].encode("utf-16-le")) // 2 if text.split() else 1
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        message = self._message(self._private(user_id), self._person(user_id), **body)
        return {"update_id": self.next_update_id(), "message": message}

    def media(self, user_id: int) -> Update:
        file = {"file_id": "f1", "file_unique_id": "f1", "width": 512, "height": 512}
        kind = self.rng.choice(["sticker", "photo", "voice", "location"])
        body: dict[str, Any] = {
            "sticker": {**file, "type": "regular", "is_animated": False, "is_video": False},
            "photo": [file],
            "voice": {"file_id": "v1", "file_unique_id": "v1", "duration": 3},
            "location": {"latitude": 52.5, "longitude": 13.4},
        }
        message = self._message(self._private(user_id), self._person(user_id), **{kind: body[kind]})
        return {"update_id": self.next_update_id(), "message": message}

    def edited(self, user_id: int) -> Update:
        message = self._message(
            self._private(user_id),
            self._person(user_id),
            text=self.text(),
            edit_date=int(time.time()),
        )
        return {"update_id": self.next_update_id(), "edited_message": message}

    def group(self, user_id: int, group_id: int) -> Update:
        chat = {"id": group_id, "type": self.rng.choice(["group", "supergroup"]), "title": "Gym"}
        text = self.rng.choice([*UNKNOWN_COMMANDS, "/workout", "/start", self.text()])
        message = self._message(chat, self._person(user_id), text=text)
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": 2}]
        return {"update_id": self.next_update_id(), "message": message}

    def channel(self, channel_id: int) -> Update:
        chat = {"id": channel_id, "type": "channel", "title": "News"}
        message = self._message(chat, None, text=self.text(), sender_chat=chat)
        key = self.rng.choice(["channel_post", "edited_channel_post"])
        return {"update_id": self.next_update_id(), key: message}

    def press(self, user_id: int, data: str, *, in_group: int | None = None) -> Update:
        """A callback query from user_id; on a message of the bot's in their chat (or a group)."""
        query_id = f"junk{next(self._query_ids)}"
        chat = (
            {"id": in_group, "type": "group", "title": "Gym"}
            if in_group
            else self._private(user_id)
        )
        message = self._message(chat, BOT_USER, text="an old message")
        message["reply_markup"] = {"inline_keyboard": [[{"text": "old", "callback_data": "c:1:x"}]]}
        query = {
            "id": query_id,
            "from": self._person(user_id),
            "chat_instance": f"ci{user_id}",
            "message": message,
            "data": data,
        }
        self.queries[query_id] = in_group or user_id
        return {"update_id": self.next_update_id(), "callback_query": query}

    def inline_press(self, user_id: int, data: str) -> Update:
        """A callback query without a message (from an inline message): no chat to answer in."""
        query_id = f"junk{next(self._query_ids)}"
        query = {
            "id": query_id,
            "from": self._person(user_id),
            "chat_instance": "ci-inline",
            "inline_message_id": "AAAA-inline",
            "data": data,
        }
        self.queries[query_id] = None
        return {"update_id": self.next_update_id(), "callback_query": query}
