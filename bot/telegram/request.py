"""PTB's requests over aiohttp: the webhook server's library, and cheaper per call than httpx."""

from __future__ import annotations

import asyncio
import contextvars
import json
from collections.abc import Iterator
from contextlib import contextmanager

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.telegram.ptb_private import DEFAULT_NONE, ODVInput

# Methods whose answer is the Message sent or edited, which the coach's replies never read.
_MESSAGE_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
    }
)
# What Telegram itself answers for an edit of an inline message: PTB then returns True as is.
_NOTHING_TO_READ = b'{"ok":true,"result":true}'
_JSON = {"Content-Type": "application/json"}
_UNREAD: contextvars.ContextVar[bool] = contextvars.ContextVar("coach_unread", default=False)


@contextmanager
def results_unread() -> Iterator[None]:
    """Sends and edits made here return True instead of the Message Telegram sent back.

    Python-telegram-bot turns every such answer into a Message (with its sender, chat and
    keyboard), and the coach's replies never look at it: that was a seventh of the bot's CPU
    per update (bench/README.md). Only a successful answer is replaced; errors, 429s and
    retries reach PTB as Telegram sent them.
    """
    token = _UNREAD.set(True)
    try:
        yield
    finally:
        _UNREAD.reset(token)


class AiohttpRequest(BaseRequest):
    """One connection pool per instance; PTB uses one for getUpdates and one for the rest."""

    def __init__(
        self,
        pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self._pool_size = pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=_pick(pool_timeout, self._pool_timeout),
            sock_connect=_pick(connect_timeout, self._connect_timeout),
            sock_read=_pick(read_timeout, self._read_timeout),
        )
        body: aiohttp.FormData | bytes | None = None
        headers: dict[str, str] | None = None
        if request_data is not None:
            # A JSON body, which Telegram takes as well as a form: one dumps, where aiohttp's
            # FormData builds a multipart writer only to urlencode (~0.07 ms per call).
            if not request_data.contains_files:
                body, headers = json.dumps(request_data.parameters).encode(), _JSON
            else:
                form = aiohttp.FormData(request_data.json_parameters)
                for name, part in request_data.multipart_data.items():
                    filename, content, *mimetype = part
                    form.add_field(
                        name,
                        content,
                        filename=filename,
                        content_type=mimetype[0] if mimetype else None,
                    )
                body = form
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                answer = await response.read()
                unread = _UNREAD.get() and url.rpartition("/")[2] in _MESSAGE_METHODS
                if response.status == 200 and unread:
                    return 200, _NOTHING_TO_READ
                return response.status, answer
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            # Not the exception's text: some aiohttp errors quote the URL, and it holds the token.
            raise NetworkError(f"aiohttp: {type(exc).__name__}") from exc
        except asyncio.CancelledError:
            raise


def _pick(given: ODVInput[float], default: float | None) -> float | None:
    if given is DEFAULT_NONE:
        return default
    return given  # type: ignore[return-value]
