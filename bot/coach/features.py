"""What a feature is to the engine: the commands and buttons it owns, and what it does with them.

The workout itself is the engine's step table (bot/coach/steps.py). Everything else the coach
does — progress and history, settings, data rights, reminders — is a feature: it plugs in at
the composition root (bot/app.py), and the engine routes to it without knowing its name, so
bot/coach imports no feature.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.coach.ports import UserSettings
from bot.coach.state import State
from bot.coach.turn import Turn


class Feature:
    """A part of the coach. Every method has a do-nothing default: a feature overrides what
    it owns. Each gets the event's Turn (store, user, clock, replies) and the user's State, and
    returns the new State (`state.to(...)` when it moved, so stale buttons are recognised)."""

    commands: frozenset[str] = frozenset()  # command names without the slash: "history"
    owner: str | None = None  # the button owner it reads (codec): "pg", "rm"
    # Its events do not depend on the workout's place: they run as they are even when the
    # user's stored place was lost (a reminder's buttons), with no "I lost my place" first.
    standalone: bool = False
    # Files the user sends come to it (one feature at most: the import).
    accepts_documents: bool = False

    async def command(self, turn: Turn, state: State, name: str, args: str) -> State:
        return state

    async def press(self, turn: Turn, state: State, data: str) -> State:
        """A press of one of its buttons (data starts with its owner): read it with
        bot.coach.codec, and change nothing unless it is current."""
        return state

    def listens(self, state: State) -> bool:
        """Is typed text for this feature now (a conversation of its own is open)?"""
        return False

    async def text(self, turn: Turn, state: State, text: str) -> State:
        return state

    async def document(self, turn: Turn, state: State, name: str, data: bytes) -> State:
        """A file the user sent (only for a feature that accepts_documents)."""
        return state

    async def settled(self, turn: Turn, before: UserSettings) -> None:
        """The event changed the user's settings (before: as they were), and the user is about
        to be saved: follow the change (the reminders keep their wall-clock times in a new
        timezone)."""


class Features:
    """The registered features, found by the command, button owner or dialog they own."""

    def __init__(self, features: Iterable[Feature] = ()) -> None:
        self.all = tuple(features)
        self._commands: dict[str, Feature] = {}
        self._owners: dict[str, Feature] = {}
        readers = [feature for feature in self.all if feature.accepts_documents]
        if len(readers) > 1:
            raise ValueError("two features accept documents")
        self.documents: Feature | None = readers[0] if readers else None
        for feature in self.all:
            for name in feature.commands:
                if name in self._commands:
                    raise ValueError(f"two features own /{name}")
                self._commands[name] = feature
            if feature.owner is not None:
                if feature.owner in self._owners:
                    raise ValueError(f"two features own the {feature.owner!r} buttons")
                self._owners[feature.owner] = feature

    def for_command(self, name: str) -> Feature | None:
        return self._commands.get(name)

    def for_owner(self, owner: str) -> Feature | None:
        return self._owners.get(owner)

    def listening(self, state: State) -> Feature | None:
        return next((f for f in self.all if f.listens(state)), None)

    @property
    def command_names(self) -> frozenset[str]:
        return frozenset(self._commands)
