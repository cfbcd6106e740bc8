"""Updates a person would cause: typing text, sending a command, pressing a button."""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.fakebotapi.records import Message, chat_json, message_json
from tests.fakebotapi.server import FakeBotApi

_query_ids = itertools.count(1)


class FakeUser:
    """One Telegram user in a private chat with the bot (chat id == user id)."""

    def __init__(self, api: FakeBotApi, user_id: int, first_name: str = "Alex") -> None:
        self.api = api
        self.id = user_id
        self.first_name = first_name
        # Having a chat with the bot is what allows the bot to write to this user.
        api.records.chats.setdefault(user_id, [])

    def _from(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": "en",
        }

    def text(self, text: str) -> dict[str, Any]:
        """The update for a typed message (a command when it starts with '/')."""
        message_id = self.api.records.new_message_id(self.id)
        self.api.records.add(Message(self.id, message_id, from_bot=False, text=text))
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat_json(self.id, self.first_name),
            "from": self._from(),
            "text": text,
        }
        if text.startswith("/"):
            length = len(text.split()[0].encode("utf-16-le")) // 2
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return {"update_id": self.api.new_update_id(), "message": message}

    def sticker(self) -> dict[str, Any]:
        """A sticker instead of text: something the coach cannot read."""
        message_id = self.api.records.new_message_id(self.id)
        sticker = {
            "file_id": "sticker-1",
            "file_unique_id": "sticker-1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat_json(self.id, self.first_name),
            "from": self._from(),
            "sticker": sticker,
        }
        return {"update_id": self.api.new_update_id(), "message": message}

    def document(
        self, name: str, content: bytes, *, file_size: int | None = None, stored: bool = True
    ) -> dict[str, Any]:
        """The update for a file sent as a document; the fake keeps its content for getFile
        (stored=False: a file only its size is known of). file_size: what Telegram reports,
        the content's length unless given."""
        message_id = self.api.records.new_message_id(self.id)
        file_id = f"doc-{self.id}-{message_id}"
        if stored:
            path = f"documents/file_{len(self.api.records.files)}.{name.rpartition('.')[2]}"
            self.api.records.files[file_id] = (path, content)
        document = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_name": name,
            "mime_type": "text/csv" if name.lower().endswith(".csv") else "text/plain",
            "file_size": len(content) if file_size is None else file_size,
        }
        self.api.records.add(Message(self.id, message_id, from_bot=False, document=(name, content)))
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat_json(self.id, self.first_name),
            "from": self._from(),
            "document": document,
        }
        return {"update_id": self.api.new_update_id(), "message": message}

    def command(self, name: str, args: str = "") -> dict[str, Any]:
        return self.text(f"/{name} {args}".rstrip())

    def press(
        self, message: Message, label: str | None = None, *, data: str | None = None
    ) -> dict[str, Any]:
        """The update for pressing a bot message's button, found by label (or with forged data)."""
        if data is None:
            matches = [b for b in message.buttons if b["text"] == label]
            if not matches:
                raise AssertionError(f"no button {label!r} on message: {message.labels()}")
            data = str(matches[0]["callback_data"])
        query_id = f"q{next(_query_ids)}"
        self.api.records.open_queries[query_id] = {"data": data, "chat_id": self.id}
        query = {
            "id": query_id,
            "from": self._from(),
            "chat_instance": f"ci{self.id}",
            "message": message_json(message),
            "data": data,
        }
        return {"update_id": self.api.new_update_id(), "callback_query": query}

    def group_text(self, group_id: int, text: str) -> dict[str, Any]:
        """A message this user writes in a group the bot is in."""
        message = {
            "message_id": self.api.records.new_message_id(group_id),
            "date": int(time.time()),
            "chat": chat_json(group_id),
            "from": self._from(),
            "text": text,
        }
        return {"update_id": self.api.new_update_id(), "message": message}
