"""What every test chat with the engine does: send an event, keep the keyboard, find buttons."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.coach.events import Command, Event, Press, Text
from bot.coach.replies import Button, Outcome


class EngineChat:
    """Mixed into the test chats, which say how an event reaches the coach (_apply): on the
    in-memory store (tests/coach) or in a unit of work on a real database (tests/progress)."""

    now: datetime
    outcomes: list[Outcome]
    keyboard: tuple[tuple[Button, ...], ...]

    async def _apply(self, event: Event) -> Outcome:
        raise NotImplementedError

    async def send(self, event: Event, seconds: float = 5) -> Outcome:
        self.now += timedelta(seconds=seconds)
        outcome = await self._apply(event)
        self.outcomes.append(outcome)
        for reply in outcome.replies:
            if reply.buttons:
                self.keyboard = reply.buttons
        return outcome

    async def say(self, text: str) -> Outcome:
        return await self.send(Text(text))

    async def send_text(self, text: str, seconds: float) -> Outcome:
        """Text typed this many seconds after the last event."""
        return await self.send(Text(text), seconds)

    async def command(self, name: str, args: str = "") -> Outcome:
        return await self.send(Command(name, args))

    def button(self, label: str) -> Button:
        found = [b for row in self.keyboard for b in row if b.label == label]
        assert found, f"no button {label!r} in {self.labels}"
        return found[0]

    async def press(self, label: str) -> Outcome:
        return await self.send(Press(self.button(label).data))

    @property
    def labels(self) -> list[str]:
        return [b.label for row in self.keyboard for b in row]
