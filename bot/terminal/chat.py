"""`coach chat`: the coach in a terminal, one unit of work per line, timers printed when due."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from typing import Protocol, TextIO

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import build_coach
from bot.coach.engine import Coach
from bot.coach.events import Command, Document, Event, TimerDue
from bot.coach.keyboards import Keyboard
from bot.coach.ports import UserRecord
from bot.coach.replies import Outcome, Timer
from bot.coach.runner import EventStore, Runner
from bot.config import Settings
from bot.content import Library
from bot.reminders.domain import Delivery, SendResult
from bot.reminders.service import ReminderService
from bot.storage import Database
from bot.storage.errors import is_unavailable
from bot.storage.reminder_claims import claims_unit
from bot.terminal.screen import keeper, keyboard_after, read_file, read_line, show

log = logging.getLogger(__name__)

SORRY = "Sorry, that didn't work and nothing was changed. Try again, or /help."
# The database went away mid-unit: perhaps during its COMMIT, so nobody can say it did nothing.
SORRY_UNSURE = (
    "Sorry, I couldn't reach my records, so I can't tell whether that went in. "
    "Type /start to see where we are."
)


class TerminalStore(EventStore, Protocol):
    async def user_by_key(self, key: str) -> UserRecord | None: ...


class Units(Protocol):
    """What the chat needs of bot.storage.Database: one unit of work per event."""

    def unit(self, *, for_event: bool = False) -> AbstractAsyncContextManager[TerminalStore]: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


class TerminalChat:
    """Feeds typed lines and due timers into the engine, one at a time, and prints the replies."""

    def __init__(
        self,
        database: Units,
        coach: Coach,
        key: str,
        out: TextIO,
        *,
        echo: bool = False,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.database, self.coach, self.key, self.out = database, coach, key, out
        self.echo, self.clock = echo, clock
        # Another process (a second terminal, the bot) may change the user between load and
        # save: the runner runs the event again then, like on Telegram.
        self.runner = Runner(coach, database, self, clock=lambda: self.clock())
        self.keep = keeper(key, clock)  # charts and exports land under the current folder
        self.keyboard: Keyboard = ()
        self._turns = asyncio.Lock()  # a due timer waits for the line being handled, and back
        self._timer: asyncio.Task[None] | None = None
        # Set by _chat: sends this user's reminders here (deliver) while the chat runs.
        self.reminders: ReminderService | None = None

    async def run(self, lines: AsyncIterator[str]) -> None:
        """Greet (or show where we were), re-arm a stored timer, then one event per line."""
        await self.handle(Command("start"))
        async with self.database.unit() as store:
            user = await store.user_by_key(self.key)
        if user is not None and user.timer is not None:
            self._arm(user.timer)
        try:
            async for line in lines:
                if self.echo:
                    self._print([f"> {line.rstrip()}"])
                sent = read_file(line)
                if isinstance(sent, Document):
                    await self._outcome(Command("import"))  # the file was asked for
                    await self.handle(sent)
                elif sent is not None:
                    self._print([sent])
                elif (event := read_line(line, self.keyboard)) is not None:
                    await self.handle(event)
        finally:
            self._disarm()  # the timer stays stored; the next chat re-arms it

    async def handle(self, event: Event) -> None:
        async with self._turns:
            outcome = await self._outcome(event)
            if not isinstance(outcome, Outcome):
                self._print([outcome])
                return
            self._print(show(outcome, self.keep))
            self.keyboard = keyboard_after(outcome, self.keyboard)

    async def committed(self, key: str, outcome: Outcome, now: datetime) -> None:
        """The runner's effects after a commit: this chat's timer, and the reminders re-aimed."""
        if outcome.timer is not None:
            self._arm(outcome.timer)
        elif outcome.cancel_timer:
            self._disarm()
        if outcome.reminders_changed and self.reminders is not None:
            try:
                await self.reminders.changed()  # a new reminder is sent on time, not at a poll
            except Exception:
                log.exception("could not re-aim the reminders; the next poll finds them")

    async def deliver(self, delivery: Delivery) -> SendResult:
        """A reminder came due: printed between two lines, its buttons numbered for the next."""
        async with self._turns:
            outcome = Outcome([delivery.reply])
            self._print(show(outcome, self.keep))
            self.keyboard = keyboard_after(outcome, self.keyboard)
        return SendResult.ok()

    async def _outcome(self, event: Event) -> Outcome | str:
        """The event's outcome, or what to say when it failed (true in either case)."""
        try:
            return await self.runner.run(self.key, event)
        except Exception as error:
            log.exception("the coach failed on %r", event)
            return SORRY_UNSURE if is_unavailable(error) else SORRY

    def _arm(self, timer: Timer) -> None:
        self._disarm()
        self._timer = asyncio.create_task(self._fire(timer), name=f"timer:{self.key}")

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    async def _fire(self, timer: Timer) -> None:
        await asyncio.sleep(max(0.0, (timer.due_at - self.clock()).total_seconds()))
        self._timer = None  # firing now: the outcome's own timer changes must not cancel this
        await self.handle(TimerDue(timer.kind, timer.token))

    def _print(self, lines: list[str]) -> None:
        if lines:
            self.out.write("\n".join(lines) + "\n\n")
            self.out.flush()


async def stdin_lines() -> AsyncIterator[str]:
    """Standard input line by line, read in a thread so due timers still print meanwhile."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def pump() -> None:
        try:
            for line in sys.stdin:
                loop.call_soon_threadsafe(queue.put_nowait, line)
            loop.call_soon_threadsafe(queue.put_nowait, None)
        except RuntimeError:
            pass  # the chat ended (Ctrl-C) while a line was being typed

    # A daemon thread: a blocked read must not keep the process alive after the chat ends.
    threading.Thread(target=pump, name="stdin", daemon=True).start()
    while (line := await queue.get()) is not None:
        yield line


async def _chat(settings: Settings, library: Library, key: str) -> None:
    database = Database(settings.database_url)
    try:
        await database.upgrade()
        coach = build_coach(library)
        chat = TerminalChat(database, coach, key, sys.stdout, echo=not sys.stdin.isatty())
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.start()
        chat.reminders = terminal_reminders(database, chat, library, settings)
        try:
            await chat.reminders.start(scheduler)
            await chat.run(stdin_lines())
        finally:
            await chat.reminders.stop()  # unsent claims go back: another chat or the bot sends
            scheduler.shutdown(wait=False)
    finally:
        await database.dispose()


def terminal_reminders(
    database: Database, chat: TerminalChat, library: Library, settings: Settings
) -> ReminderService:
    """The reminder service for this user alone, printing into the chat."""
    return ReminderService(
        lambda: claims_unit(database, only_user=chat.key),
        chat.deliver,
        library,
        worker=f"chat:{os.getpid()}:{chat.key}"[:64],
        clock=chat.clock,
        grace=timedelta(minutes=settings.reminder_grace_minutes),
    )


def run_chat(settings: Settings, library: Library, user: str) -> int:
    if not user or len(user) > 200:
        print("Give --user a name of 1 to 200 characters.", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        asyncio.run(_chat(settings, library, user))
    except KeyboardInterrupt:
        print("\nBye! Your place is saved.")
    except BrokenPipeError:
        # The reader went away (`coach chat | head`); every answer so far is saved.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so exit does not flush to the pipe
    return 0
