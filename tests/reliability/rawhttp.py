"""HTTP by hand over a socket: the bytes no well-behaved client would send, and slow senders."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from tests.fakebotapi import SECRET_HEADER


def host_port(listen: str) -> tuple[str, int]:
    host, _, port = listen.rpartition(":")
    return host, int(port)


def post_head(path: str, length: int, *headers: bytes) -> bytes:
    """A POST's request line and headers, the blank line included; header lines as given."""
    lines = [f"POST {path} HTTP/1.1".encode(), b"Host: coach.test"]
    lines += [b"Content-Type: application/json", f"Content-Length: {length}".encode()]
    return b"\r\n".join([*lines, *headers]) + b"\r\n\r\n"


def secret_line(secret: bytes) -> bytes:
    return SECRET_HEADER.encode() + b": " + secret


async def exchange(listen: str, request: bytes, within: float = 10) -> tuple[int, bytes]:
    """Send the bytes, read the answer to the end: (status, body)."""
    reader, writer = await asyncio.open_connection(*host_port(listen))
    try:
        writer.write(request)
        await writer.drain()
        async with asyncio.timeout(within):
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(
                int(line.split(b":")[1])
                for line in head.lower().split(b"\r\n")
                if line.startswith(b"content-length:")
            )
            return status, await reader.readexactly(length)
    finally:
        writer.close()


def update_bytes(update: dict[str, Any]) -> bytes:
    return json.dumps(update).encode()


async def seconds_until_closed(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, dribble: bytes, every: float
) -> float:
    """Write `dribble` every `every` seconds until the server closes the connection: how long
    that took. Whatever the server answers on the way is read and dropped. A reset counts as
    closed: a server that closes with our dribble still unread in its buffer sends RST, not FIN."""
    started = time.monotonic()
    while True:
        try:
            async with asyncio.timeout(every):
                if not await reader.read(65536):
                    return time.monotonic() - started
        except TimeoutError:
            pass
        except ConnectionError:
            return time.monotonic() - started
        try:
            writer.write(dribble)
            await writer.drain()
        except ConnectionError:
            return time.monotonic() - started
