"""Misbehaviour on request: scripted faults (429, 500, slow, dropped) and flood limits."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["429", "500", "slow", "drop"]

# Requests that put a message in a chat (or change one): what Telegram's flood limits count.
COUNTED_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
    }
)


@dataclass
class Fault:
    kind: FaultKind
    method: str | None  # None: any method except getUpdates
    times: int
    retry_after: float = 1.0
    delay: float = 0.0
    every: int = 1  # 2: every other matching request (each retry then gets through)
    seen: int = 0

    def matches(self, method: str) -> bool:
        if self.times <= 0:
            return False
        if self.method is None:
            return method != "getUpdates"
        return self.method == method


class FaultPlan:
    """Faults to serve, oldest first; each one is used up after `times` matching requests."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self.served: list[tuple[str, FaultKind]] = []

    def add(self, fault: Fault) -> None:
        self._faults.append(fault)

    def clear(self) -> None:
        self._faults.clear()

    def take(self, method: str) -> Fault | None:
        for fault in self._faults:
            if fault.matches(method):
                fault.seen += 1
                if (fault.seen - 1) % fault.every:
                    return None
                fault.times -= 1
                self.served.append((method, fault.kind))
                return fault
        return None


@dataclass
class FloodLimits:
    """Telegram's published limits: about 1 message per second per chat, 30 per second overall."""

    per_chat_per_second: float = 1.0
    global_per_second: float = 30.0
    retry_after: float = 1.0
    # Messages sent with allow_paid_broadcast count against this instead of the global limit.
    paid_per_second: float = 1000.0


class FloodGate:
    """Sliding one-second windows per chat and overall; a request over either gets a 429."""

    def __init__(self, limits: FloodLimits) -> None:
        self.limits = limits
        self._global: deque[float] = deque()
        self._paid: deque[float] = deque()
        self._chats: dict[int, deque[float]] = {}
        self.rejected = 0

    def admit(self, method: str, chat_id: object, *, paid: bool = False) -> bool:
        if method not in COUNTED_METHODS or not isinstance(chat_id, int):
            return True
        now = time.monotonic()
        chat = self._chats.setdefault(chat_id, deque())
        overall, limit = (
            (self._paid, self.limits.paid_per_second)
            if paid
            else (self._global, self.limits.global_per_second)
        )
        for window in (overall, chat):
            while window and window[0] <= now - 1.0:
                window.popleft()
        if len(chat) + 1 > self.limits.per_chat_per_second or len(overall) + 1 > limit:
            self.rejected += 1
            return False
        chat.append(now)
        overall.append(now)
        return True
