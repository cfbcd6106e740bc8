"""The webhook's HTTP server (aiohttp): one POST route for Telegram, and nothing else."""

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

from bot.net import HttpListener, Limits, read_body
from bot.telegram import redelivery

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
APPLICATION_KEY = web.AppKey("application", Application)


class WebhookReply:
    """The one Bot API call Telegram lets a bot make in its answer to the webhook's POST.

    Telegram runs it as if the bot had called it, without telling the result, and it saves the
    bot a request of its own: so it is used for answerCallbackQuery, whose result nobody reads
    (and which counts against no message limit). One per update; a second one asked for goes
    the usual way.
    """

    def __init__(self) -> None:
        self.call: dict[str, Any] | None = None

    def offer(self, method: str, params: dict[str, Any]) -> bool:
        if self.call is not None:
            return False
        self.call = {"method": method, **{k: v for k, v in params.items() if v is not None}}
        return True


_REPLY: contextvars.ContextVar[WebhookReply | None] = contextvars.ContextVar(
    "coach_webhook_reply", default=None
)


def offer_to_webhook_reply(method: str, params: dict[str, Any]) -> bool:
    """Make this call in the answer to the webhook, when the update came by one: True if so."""
    reply = _REPLY.get()
    return reply is not None and reply.offer(method, params)


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
        reply = WebhookReply()
        token = _REPLY.set(reply)
        try:
            with redelivery.offered() as again:
                await application.update_processor.process_update(
                    update, application.process_update(update)
                )
        finally:
            _REPLY.reset(token)
        if again.asked:  # failed with nothing applied: Telegram repeats a non-2XX answer
            return web.Response(status=redelivery.AGAIN_STATUS)
        return web.Response() if reply.call is None else web.json_response(reply.call)

    app = web.Application(client_max_size=limits.max_body)
    app[APPLICATION_KEY] = application
    app.router.add_post(path, receive)
    return app


def webhook_listener(app: web.Application, listen: str, limits: Limits) -> HttpListener:
    """The webhook's server on COACH_WEBHOOK_LISTEN; the Application is started by the caller."""
    return HttpListener(app, listen, limits, "COACH_WEBHOOK_LISTEN", "webhook server")
