"""What the fake Bot API remembers: every call, every chat's messages, answered callback queries."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

BOT_ID = 7000001
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Coach",
    "username": "single_leg_coach_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Call:
    """One request the bot made, with its decoded parameters and the HTTP status it got."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    via_webhook_reply: bool = False  # made in the bot's answer to a webhook POST, not a request


@dataclass
class Message:
    """A message in a chat as Telegram would show it (text is plain, after HTML parsing)."""

    chat_id: int
    message_id: int
    from_bot: bool
    text: str | None = None
    caption: str | None = None
    # As the bot sent it, before parsing: what escaping is checked against.
    raw: str | None = None
    keyboard: list[list[dict[str, Any]]] = field(default_factory=list)
    photo: bytes | None = None
    document: tuple[str, bytes] | None = None
    # Earlier versions of the text, oldest first, when the message was edited.
    edits: list[str] = field(default_factory=list)
    date: int = field(default_factory=lambda: int(time.time()))

    @property
    def shown(self) -> str:
        """What the user reads: the text, or the caption of a photo or document."""
        return self.text if self.text is not None else (self.caption or "")

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [button for row in self.keyboard for button in row]

    def labels(self) -> list[str]:
        return [str(button["text"]) for button in self.buttons]


def chat_json(chat_id: int, first_name: str = "Alex") -> dict[str, Any]:
    if chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "Gym friends"}
    return {"id": chat_id, "type": "private", "first_name": first_name}


def message_json(message: Message) -> dict[str, Any]:
    """The Message object the Bot API returns for a stored message."""
    body: dict[str, Any] = {
        "message_id": message.message_id,
        "date": message.date,
        "chat": chat_json(message.chat_id),
    }
    if message.from_bot:
        body["from"] = BOT_USER
    else:
        body["from"] = {"id": message.chat_id, "is_bot": False, "first_name": "Alex"}
    if message.text is not None:
        body["text"] = message.text
    if message.caption is not None:
        body["caption"] = message.caption
    if message.photo is not None:
        file_id = f"photo-{message.chat_id}-{message.message_id}"
        body["photo"] = [
            {"file_id": file_id, "file_unique_id": file_id, "width": 640, "height": 480}
        ]
    if message.document is not None:
        file_id = f"doc-{message.chat_id}-{message.message_id}"
        body["document"] = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": message.document[0],
        }
    if message.keyboard:
        body["reply_markup"] = {"inline_keyboard": message.keyboard}
    return body


class Records:
    """Calls and chats, shared by the HTTP methods and the helpers that build user updates."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.chats: dict[int, list[Message]] = {}
        self.commands: list[dict[str, Any]] = []
        self.blocked: set[int] = set()
        self.open_queries: dict[str, dict[str, Any]] = {}
        self.answered_queries: dict[str, dict[str, Any]] = {}
        # Files users sent, by file_id: (file_path for the download URL, content).
        self.files: dict[str, tuple[str, bytes]] = {}
        self._next_message_id: dict[int, int] = {}
        # (chat, message id) -> message, for edits: a load run's chats hold thousands each.
        self._by_id: dict[tuple[int, int], Message] = {}

    def new_message_id(self, chat_id: int) -> int:
        number = self._next_message_id.get(chat_id, 0) + 1
        self._next_message_id[chat_id] = number
        return number

    def add(self, message: Message) -> Message:
        self.chats.setdefault(message.chat_id, []).append(message)
        self._by_id[message.chat_id, message.message_id] = message
        return message

    def find(self, chat_id: int, message_id: int) -> Message | None:
        return self._by_id.get((chat_id, message_id))

    def calls_to(self, *methods: str, ok_only: bool = True) -> list[Call]:
        return [
            call
            for call in self.calls
            if call.method in methods and (call.status == 200 or not ok_only)
        ]

    def bot_messages(self, chat_id: int) -> list[Message]:
        return [message for message in self.chats.get(chat_id, []) if message.from_bot]

    def latest_bot_message(self, chat_id: int) -> Message | None:
        for message in reversed(self.chats.get(chat_id, [])):
            if message.from_bot:
                return message
        return None

    def last_bot_message(self, chat_id: int) -> Message:
        message = self.latest_bot_message(chat_id)
        if message is None:
            raise AssertionError(f"the bot has sent nothing to chat {chat_id}")
        return message

    def last_keyboard(self, chat_id: int) -> Message:
        """The latest bot message in the chat that still has buttons."""
        for message in reversed(self.bot_messages(chat_id)):
            if message.keyboard:
                return message
        raise AssertionError(f"no message with buttons in chat {chat_id}")
