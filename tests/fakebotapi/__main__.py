"""The fake Bot API in its own process, with a control port to run simulated users (benchmarks).

Prints one JSON line {"api": base_url, "control": url, "token": ...}; stops when stdin closes.
GET /webhook tells the webhook a bot registered; POST /run runs users against it, or against
the webhook its spec names (so two bots can take turns); POST /reset forgets both and the chats.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from aiohttp import web

from tests.fakebotapi.load import run_load
from tests.fakebotapi.records import Records
from tests.fakebotapi.server import FakeBotApi, Webhook

API = web.AppKey("api", FakeBotApi)


async def _run(request: web.Request) -> web.Response:
    api: FakeBotApi = request.app[API]
    spec = await request.json()
    if "webhook" in spec:
        api.webhook = Webhook(spec["webhook"]["url"], spec["webhook"]["secret"])
    deadline = time.monotonic() + 30
    while api.webhook is None:  # the bot registers its webhook when it starts
        if time.monotonic() > deadline:
            return web.json_response({"error": "no webhook was set"}, status=409)
        await asyncio.sleep(0.05)
    report = await run_load(
        api,
        users=int(spec["users"]),
        warmup=float(spec["warmup"]),
        duration=float(spec["duration"]),
        first_user=int(spec.get("first_user", 1_000_000)),
        question_rate=float(spec.get("question_rate", 0.05)),
    )
    return web.json_response(report.summary())


async def _webhook(request: web.Request) -> web.Response:
    webhook = request.app[API].webhook
    if webhook is None:
        return web.json_response({"error": "no webhook was set"}, status=404)
    return web.json_response({"url": webhook.url, "secret": webhook.secret})


async def _reset(request: web.Request) -> web.Response:
    api: FakeBotApi = request.app[API]
    api.webhook = None
    api.records = Records()
    return web.json_response({"ok": True})


async def main() -> None:
    api = FakeBotApi()
    await api.start()
    control = web.Application()
    control[API] = api
    control.router.add_post("/run", _run)
    control.router.add_post("/reset", _reset)
    control.router.add_get("/webhook", _webhook)
    runner = web.AppRunner(control, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    line = {"api": api.base_url, "control": f"http://127.0.0.1:{port}", "token": api.token}
    print(json.dumps(line), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await runner.cleanup()
    await api.stop()


if __name__ == "__main__":
    asyncio.run(main())
