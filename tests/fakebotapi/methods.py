"""The Bot API methods the coach uses, applied to the fake's records with Telegram's checks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from tests.fakebotapi.records import BOT_USER, Message, Records, message_json
from tests.fakebotapi.telegram_html import EntityParseError, parse_html, utf16_length

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API lets a bot download files up to 20 MB


class ApiError(Exception):
    """An error answer: HTTP status and Telegram's description."""

    def __init__(self, status: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after


Method = Callable[[Records, dict[str, Any]], Awaitable[Any]]


def _chat(records: Records, params: dict[str, Any]) -> int:
    chat_id = params.get("chat_id")
    if not isinstance(chat_id, int):
        raise ApiError(400, "Bad Request: chat not found")
    if chat_id in records.blocked:
        raise ApiError(403, "Forbidden: bot was blocked by the user")
    if chat_id not in records.chats:
        raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
    return chat_id


def _shown(params: dict[str, Any], key: str, limit: int) -> str | None:
    """The text as the user will see it, after the parse mode, within Telegram's limits."""
    source = params.get(key)
    if source is None:
        return None
    source = str(source)
    text = source
    if params.get("parse_mode") == "HTML":
        try:
            text = parse_html(source)
        except EntityParseError as exc:
            raise ApiError(400, str(exc)) from exc
    elif params.get("parse_mode") not in (None, ""):
        raise ApiError(400, f"Bad Request: unsupported parse_mode {params['parse_mode']}")
    if key == "text" and not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_length(text) > limit:
        what = "message" if key == "text" else "message caption"
        raise ApiError(400, f"Bad Request: {what} is too long")
    return text


def _keyboard(params: dict[str, Any]) -> list[list[dict[str, Any]]]:
    markup = params.get("reply_markup")
    if not markup:
        return []
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard", [])
    for row in rows:
        for button in row:
            if not str(button.get("text", "")).strip():
                raise ApiError(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return [list(row) for row in rows]


async def send_message(records: Records, params: dict[str, Any]) -> Any:
    chat_id = _chat(records, params)
    text = _shown(params, "text", MAX_TEXT)
    message = Message(
        chat_id,
        records.new_message_id(chat_id),
        from_bot=True,
        text=text,
        raw=str(params["text"]),
        keyboard=_keyboard(params),
    )
    return message_json(records.add(message))


async def send_photo(records: Records, params: dict[str, Any]) -> Any:
    chat_id = _chat(records, params)
    photo = params.get("photo")
    if not isinstance(photo, bytes) or not photo:
        raise ApiError(400, "Bad Request: there is no photo in the request")
    message = Message(
        chat_id,
        records.new_message_id(chat_id),
        from_bot=True,
        caption=_shown(params, "caption", MAX_CAPTION),
        raw=params.get("caption"),
        keyboard=_keyboard(params),
        photo=photo,
    )
    return message_json(records.add(message))


async def send_document(records: Records, params: dict[str, Any]) -> Any:
    chat_id = _chat(records, params)
    document = params.get("document")
    if not isinstance(document, bytes):
        raise ApiError(400, "Bad Request: there is no document in the request")
    message = Message(
        chat_id,
        records.new_message_id(chat_id),
        from_bot=True,
        caption=_shown(params, "caption", MAX_CAPTION),
        raw=params.get("caption"),
        keyboard=_keyboard(params),
        document=(str(params.get("document_filename", "file")), document),
    )
    return message_json(records.add(message))


def _editable(records: Records, params: dict[str, Any]) -> Message:
    chat_id = _chat(records, params)
    message = records.find(chat_id, int(params.get("message_id", 0)))
    if message is None or not message.from_bot:
        raise ApiError(400, "Bad Request: message to edit not found")
    return message


async def edit_message_text(records: Records, params: dict[str, Any]) -> Any:
    message = _editable(records, params)
    if message.text is None:
        raise ApiError(400, "Bad Request: there is no text in the message to edit")
    text = _shown(params, "text", MAX_TEXT)
    keyboard = _keyboard(params)
    if text == message.text and keyboard == message.keyboard:
        raise ApiError(400, "Bad Request: message is not modified")
    message.edits.append(message.text)
    message.text, message.raw, message.keyboard = text, str(params["text"]), keyboard
    return message_json(message)


async def edit_message_caption(records: Records, params: dict[str, Any]) -> Any:
    message = _editable(records, params)
    caption = _shown(params, "caption", MAX_CAPTION)
    keyboard = _keyboard(params)
    if caption == message.caption and keyboard == message.keyboard:
        raise ApiError(400, "Bad Request: message is not modified")
    message.edits.append(message.caption or "")
    message.caption, message.raw, message.keyboard = caption, params.get("caption"), keyboard
    return message_json(message)


async def edit_message_reply_markup(records: Records, params: dict[str, Any]) -> Any:
    message = _editable(records, params)
    keyboard = _keyboard(params)
    if keyboard == message.keyboard:
        raise ApiError(400, "Bad Request: message is not modified")
    message.keyboard = keyboard
    return message_json(message)


async def answer_callback_query(records: Records, params: dict[str, Any]) -> Any:
    query_id = str(params.get("callback_query_id"))
    if query_id not in records.open_queries:
        raise ApiError(400, "Bad Request: query is too old and response timeout expired")
    query = records.open_queries.pop(query_id)
    records.answered_queries[query_id] = {**params, "chat_id": query.get("chat_id")}
    return True


async def send_chat_action(records: Records, params: dict[str, Any]) -> Any:
    _chat(records, params)
    return True


async def set_my_commands(records: Records, params: dict[str, Any]) -> Any:
    commands = params.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise ApiError(400, "Bad Request: commands not specified")
    records.commands = commands
    return True


async def get_my_commands(records: Records, params: dict[str, Any]) -> Any:
    return records.commands


async def get_me(records: Records, params: dict[str, Any]) -> Any:
    return BOT_USER


async def get_file(records: Records, params: dict[str, Any]) -> Any:
    """A File whose file_path the bot downloads from /file/bot<token>/<file_path>."""
    file_id = str(params.get("file_id", ""))
    if file_id not in records.files:
        raise ApiError(400, "Bad Request: invalid file_id")
    path, content = records.files[file_id]
    if len(content) > MAX_DOWNLOAD:
        raise ApiError(400, "Bad Request: file is too big")
    return {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "file_size": len(content),
        "file_path": path,
    }


async def done(records: Records, params: dict[str, Any]) -> Any:
    return True


METHODS: dict[str, Method] = {
    "getMe": get_me,
    "sendMessage": send_message,
    "sendPhoto": send_photo,
    "sendDocument": send_document,
    "editMessageText": edit_message_text,
    "editMessageCaption": edit_message_caption,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "answerCallbackQuery": answer_callback_query,
    "sendChatAction": send_chat_action,
    "getFile": get_file,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": done,
    "setMyDescription": done,
    "setMyShortDescription": done,
    "close": done,
    "logOut": done,
}
