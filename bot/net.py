"""HTTP listeners: host:port settings, and the per-connection limits aiohttp's server leaves out."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.typedefs import Handler

log = logging.getLogger(__name__)

# Telegram's updates are a few kilobytes; this is aiohttp's own default (1 MiB), named.
MAX_BODY_BYTES = 1024 * 1024
# After an answer sent before the whole body came (413, 408): how long the rest is read and
# dropped, so the client gets the answer instead of a reset. aiohttp's default is 10 s.
LINGER_SECONDS = 2.0
# The listen queue, and (asyncio's rule) how many connections one wakeup accepts before any of
# them meets the cap: open files peak at max_connections plus this, during a flood. asyncio's
# own default, named, so the bound is ours to state.
ACCEPT_BACKLOG = 100


def parse_listen(listen: str, setting: str = "COACH_WEBHOOK_LISTEN") -> tuple[str, int]:
    """'host:port' (or '[::1]:port') as a (host, port) pair."""
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"{setting} must look like host:port, not {listen!r}")
    return host.strip("[]"), int(port)


@dataclass(frozen=True)
class Limits:
    """What one client may hold of a listener, and for how long (seconds)."""

    # A new connection, or the first byte of a request on a kept-alive one, to its last header.
    header_timeout: float
    # The whole body, once the headers are in (read_body).
    body_timeout: float
    # A kept-alive connection between requests: aiohttp's keepalive_timeout.
    idle_timeout: float
    # Connections open at once; one more is closed as soon as it is accepted.
    max_connections: int
    max_body: int = MAX_BODY_BYTES


async def read_body(request: web.Request, within: float) -> bytes:
    """The request's body within `within` seconds: 413 when it is too large, 408 when too slow."""
    size, most = request.content_length, request.client_max_size
    if size is not None and size > most:  # said up front: no need to read a byte of it
        raise web.HTTPRequestEntityTooLarge(max_size=most, actual_size=size)
    try:
        async with asyncio.timeout(within):
            return await request.read()  # raises 413 itself for a chunked body past the limit
    except TimeoutError:
        late = web.HTTPRequestTimeout()
        late.force_close()
        raise late from None


class _Gate:
    """The listener's connections: how many are open, and which one carries a request."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.open: dict[asyncio.BaseTransport, _GuardedConnection] = {}

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        # The headers are in once a request reaches here: the header deadline is met.
        connection = self.open.get(request.transport) if request.transport else None
        if connection is not None:
            connection.busy(True)
        try:
            return await handler(request)
        finally:
            if connection is not None:
                connection.busy(False)


class _GuardedConnection(asyncio.Protocol):
    """aiohttp's protocol for one connection, behind the listener's cap and a header deadline.

    aiohttp closes an idle connection (keepalive_timeout), but a client that keeps sending a
    header line now and then is never idle: this closes it when the headers take too long.
    """

    def __init__(self, inner: asyncio.Protocol, gate: _Gate) -> None:
        self._inner = inner
        self._gate = gate
        self._transport: asyncio.BaseTransport | None = None
        self._deadline: asyncio.TimerHandle | None = None
        self._busy = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if len(self._gate.open) >= self._gate.limits.max_connections:
            transport.close()  # never handed to aiohttp: connection_lost is ours alone
            return
        self._transport = transport
        self._gate.open[transport] = self
        self._arm()
        self._inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self._transport is None:  # refused: closed already, nothing of it reaches aiohttp
            return
        if not self._busy and self._deadline is None:
            self._arm()  # the first bytes of the next request on a kept-alive connection
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return None if self._transport is None else self._inner.eof_received()

    def pause_writing(self) -> None:
        if self._transport is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._transport is not None:
            self._inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._transport is None:  # refused at the cap
            return
        self._gate.open.pop(self._transport, None)
        self._inner.connection_lost(exc)

    def busy(self, handling: bool) -> None:
        self._busy = handling
        if handling:
            self._disarm()

    def _arm(self) -> None:
        loop = asyncio.get_running_loop()
        self._deadline = loop.call_later(self._gate.limits.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if isinstance(self._transport, asyncio.Transport) and not self._busy:
            # DEBUG: a flood of these is an attack's, and must not become a flood of log lines.
            log.debug("cut off a connection whose request headers took too long")
            self._transport.abort()  # at once: nothing of ours is waiting to be written


class _MalformedRequests(logging.Filter):
    """aiohttp logs every unparsable request with a traceback at ERROR: on a port open to the
    internet that is anyone's to fill. One line at WARNING says the same."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError):
            record.msg = f"{record.msg}: {exc.code} {type(exc).__name__}"
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
        return True


_REQUESTS_LOG = logging.getLogger("bot.net.requests")
_REQUESTS_LOG.addFilter(_MalformedRequests())


class HttpListener:
    """An aiohttp app served on host:port within Limits; start() and stop() it."""

    def __init__(
        self, app: web.Application, listen: str, limits: Limits, setting: str, name: str
    ) -> None:
        self.host, self.port = parse_listen(listen, setting)
        self.name = name
        self._gate = _Gate(limits)
        app.middlewares.append(self._gate.middleware)
        options: dict[str, Any] = {
            "keepalive_timeout": limits.idle_timeout,
            "lingering_time": LINGER_SECONDS,
            "logger": _REQUESTS_LOG,
        }
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, **options)
        self._server: asyncio.Server | None = None

    @property
    def open_connections(self) -> int:
        return len(self._gate.open)

    async def start(self) -> None:
        await self._runner.setup()
        handlers = self._runner.server
        assert handlers is not None  # set by setup()
        gate = self._gate
        self._server = await asyncio.get_running_loop().create_server(
            lambda: _GuardedConnection(handlers(), gate),
            self.host,
            self.port,
            backlog=ACCEPT_BACKLOG,
        )
        log.info("%s listening on %s:%s", self.name, self.host, self.port)

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()  # no new connections; the runner then closes the open ones
        await self._runner.cleanup()
        if server is not None:
            await server.wait_closed()
