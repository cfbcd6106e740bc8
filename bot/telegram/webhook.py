"""The webhook's HTTP server (aiohttp): one POST route for Telegram, and nothing else.

What it answers Telegram for one update is also decided here. 200, with at most one Bot API call
in the body (see WebhookAnswer.offer). Or 503, to leave an update that failed with nothing of it
applied for Telegram to deliver again: the Bot API repeats a webhook request whose answer is not
a 2XX status (and gives up after "a reasonable amount of attempts"), so an update that failed
for a reason that passes (the database away, a race lost twice) comes back on its own. Apply-
once makes that safe even when nobody can tell whether it was applied (a connection lost during
COMMIT): a copy of an applied update is recognised and shows the user where they are.

By long polling there is no such answer: PTB confirms an update by asking for the next ones, so
the user is told honestly what happened instead (bot/telegram/handlers.py).
"""

from __future__ import annotations

import base64
import contextvars
import hashlib
import hmac
import json
import logging
import secrets
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.coach.ports import Retryable
from bot.net import HttpListener, Limits, read_body
from bot.storage.errors import is_unavailable

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
APPLICATION_KEY = web.AppKey("application", Application)
# Answered to Telegram for an update it should deliver again.
AGAIN_STATUS = 503


class WebhookAnswer:
    """The answer to one update's POST: again (503, deliver it again), or 200 with at most one
    Bot API call.

    Telegram runs that call as if the bot had made it, without telling the result, and it saves
    the bot a request of its own: so it is used for answerCallbackQuery, whose result nobody
    reads (and which counts against no message limit). One per update; a second one asked for
    goes the usual way.
    """

    def __init__(self) -> None:
        self.call: dict[str, Any] | None = None
        self.again = False

    def offer(self, method: str, params: dict[str, Any]) -> bool:
        if self.call is not None:
            return False
        self.call = {"method": method, **{k: v for k, v in params.items() if v is not None}}
        return True

    def response(self) -> web.Response:
        if self.again:  # failed with nothing applied: Telegram repeats a non-2XX answer
            return web.Response(status=AGAIN_STATUS)
        return web.Response() if self.call is None else web.json_response(self.call)


# The handler and the error handler run inside the webhook's await (PTB awaits blocking handlers
# in the same task), so they see the update's own answer.
_ANSWER: contextvars.ContextVar[WebhookAnswer | None] = contextvars.ContextVar(
    "coach_webhook_answer", default=None
)


def offer_to_webhook_reply(method: str, params: dict[str, Any]) -> bool:
    """Make this call in the answer to the webhook, when the update came by one: True if so."""
    answer = _ANSWER.get()
    return answer is not None and answer.offer(method, params)


def passes(error: BaseException | None) -> bool:
    """An error worth another delivery: the database away, or a race lost on every attempt."""
    return error is not None and (isinstance(error, Retryable) or is_unavailable(error))


def ask_again(error: BaseException | None) -> bool:
    """Have this update delivered again if the error passes and the update came by webhook:
    True when so (then nothing is said to the user; the next delivery answers them)."""
    answer = _ANSWER.get()
    if answer is None or not passes(error):
        return False
    answer.again = True
    return True


def new_secret() -> str:
    """Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -."""
    return secrets.token_urlsafe(48)


def shared_secret(token: str) -> str:
    """The secret when none is configured: derived from the token, so every replica of one bot
    agrees on it (a random one per replica would let the last to start lock the others out)."""
    digest = hashlib.sha256(b"coach-webhook-secret:" + token.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def webhook_path(webhook_url: str) -> str:
    return urlsplit(webhook_url).path or "/"


def web_app(
    application: Application[Any, Any, Any, Any, Any, Any], path: str, secret: str, limits: Limits
) -> web.Application:
    """The aiohttp app Telegram posts to: its one route, nothing else (/healthz is internal)."""
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        # aiohttp hands over header bytes that are not UTF-8 as lone surrogates; encoded back
        # the same way they compare as the bytes that came, and simply do not match.
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, expected):
            log.warning("webhook call without the right secret from %s", request.remote)
            return web.Response(status=403)
        raw = await read_body(request, limits.body_timeout)  # 413 or 408 when it cannot be read
        try:
            body = json.loads(raw)
            if not isinstance(body, dict) or not isinstance(body.get("update_id"), int):
                raise ValueError("not an update")
            update = Update.de_json(body, application.bot)
        except Exception:  # any body PTB cannot read ("null", a list, a string field) is bad input
            return web.Response(status=400)
        # Processed before answering: Telegram keeps (and re-sends) what we have not yet
        # acknowledged, so a crash mid-update loses nothing; chat order holds via the processor.
        answer = WebhookAnswer()
        token = _ANSWER.set(answer)
        try:
            await application.update_processor.process_update(
                update, application.process_update(update)
            )
        finally:
            _ANSWER.reset(token)
        return answer.response()

    app = web.Application(client_max_size=limits.max_body)
    app[APPLICATION_KEY] = application
    app.router.add_post(path, receive)
    return app


def webhook_listener(app: web.Application, listen: str, limits: Limits) -> HttpListener:
    """The webhook's server on COACH_WEBHOOK_LISTEN; the Application is started by the caller."""
    return HttpListener(app, listen, limits, "COACH_WEBHOOK_LISTEN", "webhook server")
