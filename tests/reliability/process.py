"""`coach run` as a real subprocess in webhook mode, fed over HTTP like Telegram would."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

from tests.fakebotapi import SECRET_HEADER, FakeBotApi
from tests.telegram.harness import free_port

COACH = Path(sys.executable).with_name("coach")
SECRET = "replica-secret-0123456789"
START_WITHIN = 60.0


def clean_environment(**values: str) -> dict[str, str]:
    """This process's environment without any COACH_ or TELEGRAM_ setting, plus these."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TELEGRAM_"))}
    env.update(values)
    return env


class CoachProcess:
    """One replica: started, fed updates on its own port, killed or stopped, its logs read."""

    def __init__(self, api: FakeBotApi, database_url: str, workdir: Path, name: str) -> None:
        self.api = api
        self.database_url = database_url
        self.workdir = workdir
        self.name = name
        self.port = free_port()
        self.health_port = free_port()  # /healthz and /metrics: the internal listener
        self.process: asyncio.subprocess.Process | None = None
        self.stderr_path = workdir / f"{name}.stderr"
        self._runs = 0
        self._session: aiohttp.ClientSession | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def health(self) -> str:
        return f"http://127.0.0.1:{self.health_port}"

    @property
    def hook(self) -> str:
        return f"{self.base}/telegram/hook"

    def environment(self) -> dict[str, str]:
        return clean_environment(
            TELEGRAM_BOT_TOKEN=self.api.token,
            COACH_BOT_API_URL=self.api.base_url,
            COACH_DATABASE_URL=self.database_url,
            COACH_WEBHOOK_URL=self.hook,
            COACH_WEBHOOK_LISTEN=f"127.0.0.1:{self.port}",
            COACH_HEALTH_LISTEN=f"127.0.0.1:{self.health_port}",
            COACH_WEBHOOK_SECRET=SECRET,
            COACH_PER_CHAT_PER_SECOND="200",
            COACH_GLOBAL_PER_SECOND="1000",
            COACH_GROUP_PER_MINUTE="6000",
            COACH_LOG_LEVEL="INFO",
        )

    async def start(self) -> None:
        """Start `coach run` and return once its /healthz answers 200."""
        self._runs += 1
        # A file, not a pipe: nobody reads a pipe while the replica runs, and a full one stalls it.
        with self.stderr_path.open("a") as stderr:
            self.process = await asyncio.create_subprocess_exec(
                str(COACH),
                "run",
                cwd=self.workdir,
                env=self.environment(),
                stdout=stderr,
                stderr=stderr,
            )
        if self._session is None:
            self._session = aiohttp.ClientSession()
        deadline = time.monotonic() + START_WITHIN
        while time.monotonic() < deadline:
            if self.process.returncode is not None:
                raise AssertionError(f"{self.name} exited at start:\n{self.stderr()[-3000:]}")
            with contextlib.suppress(aiohttp.ClientError):
                async with self._session.get(f"{self.health}/healthz") as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.1)
        raise AssertionError(f"{self.name} not healthy within {START_WITHIN} s:\n{self.stderr()}")

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when a machine dies."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> int:
        """SIGTERM and wait: the exit code of a clean stop."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.process.wait(), 30)
        assert self.process.returncode is not None
        return self.process.returncode

    async def close(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        """POST an update as Telegram would; the status comes once the replica handled it."""
        assert self._session is not None
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        timeout = aiohttp.ClientTimeout(total=60)
        async with self._session.post(
            self.hook, json=update, headers=headers, timeout=timeout
        ) as response:
            body = await response.read()
            await self.api.take_webhook_answer(response.status, response.content_type, body)
            return response.status

    async def get(self, path: str) -> tuple[int, str]:
        """GET on the internal listener (/healthz, /metrics)."""
        assert self._session is not None
        async with self._session.get(f"{self.health}{path}") as response:
            return response.status, await response.text()

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace") if self.stderr_path.exists() else ""

    def log_lines(self) -> list[dict[str, Any]]:
        """Every JSON log line the replica wrote; anything else on stderr fails the parse."""
        return [json.loads(line) for line in self.stderr().splitlines() if line.strip()]
