"""A fake Telegram Bot API on 127.0.0.1: serves and records calls, delivers updates."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakebotapi.faults import (
    COUNTED_METHODS,
    Fault,
    FaultKind,
    FaultPlan,
    FloodGate,
    FloodLimits,
)
from tests.fakebotapi.methods import METHODS, ApiError
from tests.fakebotapi.records import Call, Records

REPLY_METHODS = COUNTED_METHODS | {"answerCallbackQuery"}
DEFAULT_TOKEN = "7000001:AAH-fake-token-for-tests-0123456789abcd"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Parameters that arrive as plain strings; everything else the client JSON-encoded.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "url",
        "secret_token",
        "callback_query_id",
        "parse_mode",
        "action",
        "inline_message_id",
        "language_code",
        "ip_address",
    }
)


@dataclass
class Webhook:
    url: str
    secret: str | None


def _decode(key: str, value: str) -> Any:
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _error(status: int, description: str, retry_after: float | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)


class FakeBotApi:
    """Start with `async with FakeBotApi() as api:`; point the bot at api.base_url."""

    def __init__(self, token: str = DEFAULT_TOKEN, *, limits: FloodLimits | None = None) -> None:
        self.token = token
        self.records = Records()
        self.faults = FaultPlan()
        self.flood = FloodGate(limits) if limits else None
        self.webhook: Webhook | None = None
        self.webhook_statuses: list[int] = []
        # Called with the chat id whenever the bot answers someone: sends, edits, toasts.
        self.listeners: list[Callable[[int], None]] = []
        self.port = 0
        self._pending: list[dict[str, Any]] = []
        self._fetched_below = 0  # every update with a smaller id has been fetched by getUpdates
        self._new_update = asyncio.Event()
        self._next_update_id = 1000
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0, force_close=False)
        )

    async def stop(self) -> None:
        self._closing = True
        self._new_update.set()  # long polls answer now instead of holding up the shutdown
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- controls for tests ---------------------------------------------------------------------

    def inject(
        self,
        kind: FaultKind,
        method: str | None = None,
        *,
        times: int = 1,
        retry_after: float = 1.0,
        delay: float = 0.0,
        every: int = 1,
    ) -> None:
        """Answer the next `times` calls of `method` (any but getUpdates when None) badly.

        With every=n only each n-th matching call is refused, so a storm spreads over many
        requests instead of exhausting one request's retries.
        """
        self.faults.add(Fault(kind, method, times, retry_after, delay, every))

    def new_update_id(self) -> int:
        self._next_update_id += 1
        return self._next_update_id

    async def deliver(self, update: dict[str, Any]) -> int | None:
        """Hand an update to the bot: POST it to the webhook (returns the status) or queue it."""
        if self.webhook is not None:
            status = await self.post_webhook(update, self.webhook.secret)
            self.webhook_statuses.append(status)
            return status
        self._pending.append(update)
        self._new_update.set()
        return None

    async def post_webhook(self, update: dict[str, Any], secret: str | None) -> int:
        """POST one update to the registered webhook with this secret (or none)."""
        assert self.webhook is not None and self._session is not None, "no webhook set"
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        async with self._session.post(self.webhook.url, json=update, headers=headers) as response:
            body = await response.read()
            await self.take_webhook_answer(response.status, response.content_type, body)
            return response.status

    async def take_webhook_answer(self, status: int, content_type: str, body: bytes) -> None:
        """What Telegram does with the webhook's HTTP answer: a method named in it runs as if
        the bot had called it, and the bot learns nothing of how it went (a refusal is only
        recorded). An empty answer is nothing (PTB's own server answers JSON, empty)."""
        if status != 200 or content_type != "application/json" or not body.strip():
            return
        answer = json.loads(body)
        if not isinstance(answer, dict) or not isinstance(answer.get("method"), str):
            return
        params = {key: value for key, value in answer.items() if key != "method"}
        call = Call(answer["method"], params, via_webhook_reply=True)
        self.records.calls.append(call)
        with contextlib.suppress(ApiError):
            await self._carry_out(call)

    async def wait_fetched(self, update_id: int, within: float = 10.0) -> None:
        """Wait until the bot has fetched this update by getUpdates (polling mode)."""
        await self.wait_until(lambda: self._fetched_below > update_id, within)

    @staticmethod
    async def wait_until(predicate: Callable[[], bool], within: float = 10.0) -> None:
        deadline = time.monotonic() + within
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"gave up after {within} s waiting for {predicate}")
            await asyncio.sleep(0.005)

    # -- HTTP -----------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = {key: _decode(key, value) for key, value in request.query.items()}
        if request.content_type == "application/json":
            params.update(await request.json())
            return params
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params[key] = value.file.read()
                params[f"{key}_filename"] = value.filename
            else:
                params[key] = _decode(key, str(value))
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                params[key] = params.get(value.removeprefix("attach://"))
                params[f"{key}_filename"] = params.get(
                    f"{value.removeprefix('attach://')}_filename"
                )
        return params

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params)
        self.records.calls.append(call)
        if request.match_info["token"] != self.token:
            call.status = 401
            return _error(401, "Unauthorized")
        fault = self.faults.take(method)
        if fault is not None:
            response = await self._misbehave(fault, request, call)
            if response is not None:
                return response
        try:
            result = await self._carry_out(call)
        except ApiError as exc:
            return _error(exc.status, exc.description, exc.retry_after)
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request) -> web.StreamResponse:
        """A file's content by the file_path getFile gave, as the Bot API serves it; recorded
        as a call to "file" so tests can tell whether the bot downloaded anything."""
        path = request.match_info["file_path"]
        call = Call("file", {"file_path": path})
        self.records.calls.append(call)
        if request.match_info["token"] != self.token:
            call.status = 401
            return _error(401, "Unauthorized")
        found = next((data for p, data in self.records.files.values() if p == path), None)
        if found is None:
            call.status = 404
            return _error(404, "Not Found")
        return web.Response(body=found, content_type="application/octet-stream")

    async def _carry_out(self, call: Call) -> Any:
        """The call's effect, within the flood limits; an ApiError (recorded on the call) if
        refused."""
        try:
            paid = bool(call.params.get("allow_paid_broadcast"))
            if self.flood is not None and not self.flood.admit(
                call.method, call.params.get("chat_id"), paid=paid
            ):
                retry = self.flood.limits.retry_after
                raise ApiError(429, f"Too Many Requests: retry after {retry}", retry)
            result = await self._dispatch(call.method, call.params)
        except ApiError as exc:
            call.status = exc.status
            raise
        if self.listeners and call.method in REPLY_METHODS:
            self._notify(call.method, call.params)
        return result

    def _notify(self, method: str, params: dict[str, Any]) -> None:
        chat_id = params.get("chat_id")
        if method == "answerCallbackQuery":
            answered = self.records.answered_queries.get(str(params.get("callback_query_id")))
            chat_id = answered.get("chat_id") if answered else None
        if isinstance(chat_id, int):
            for listener in self.listeners:
                listener(chat_id)

    async def _misbehave(
        self, fault: Fault, request: web.Request, call: Call
    ) -> web.StreamResponse | None:
        if fault.kind == "429":
            call.status = 429
            return _error(
                429, f"Too Many Requests: retry after {fault.retry_after}", fault.retry_after
            )
        if fault.kind == "500":
            call.status = 500
            return _error(500, "Internal Server Error")
        if fault.kind == "drop":
            # The request is never processed: the client sees the connection close, no answer.
            call.status = 0
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=500)
        await asyncio.sleep(fault.delay)
        if request.transport is None or request.transport.is_closing():
            call.status = 0  # the client gave up waiting: nothing happens
            return web.Response(status=500)
        return None

    async def _dispatch(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getUpdates":
            return await self._get_updates(params)
        if method == "setWebhook":
            url = str(params.get("url", ""))
            self.webhook = Webhook(url, params.get("secret_token")) if url else None
            return True
        if method == "deleteWebhook":
            self.webhook = None
            if params.get("drop_pending_updates"):
                self._pending.clear()
            return True
        if method == "getWebhookInfo":
            return {
                "url": self.webhook.url if self.webhook else "",
                "has_custom_certificate": False,
                "pending_update_count": len(self._pending),
            }
        handler = METHODS.get(method)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return await handler(self.records, params)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        if offset:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
            self._fetched_below = max(self._fetched_below, offset)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self._pending and time.monotonic() < deadline and not self._closing:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
        return self._pending[:limit]
