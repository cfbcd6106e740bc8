"""/import as a feature of the coach: a file in, a preview with Import / Cancel, then every set
written in one unit of work; the import waits in the database between the two."""

from __future__ import annotations

import asyncio
from datetime import UTC, timedelta, tzinfo

from bot.coach import codec
from bot.coach.features import Feature
from bot.coach.ports import Side
from bot.coach.prompts import ask
from bot.coach.state import WORKOUT_STEPS, Dialog, State, Step
from bot.coach.turn import Turn
from bot.imports.csvfile import ImportRefused
from bot.imports.held import UnreadablePack, pack, unpack
from bot.imports.imported_sets import ImportedSet
from bot.imports.mapping import ExerciseMap
from bot.imports.port import HeldImport, import_store
from bot.imports.preview import preview
from bot.imports.reader import read_export
from bot.imports.sessions import sessions
from bot.reminders.zones import zone

OWNER = "im"
GO, NO = "go", "no"
# Between the preview and the tap: long enough to read it, short enough not to keep files.
HOLD_FOR = timedelta(hours=1)
NAME_MAX = 255
STALE = "That button is out of date"
ASK_FILE = (
    "Send me your workout app's export as a file: the CSV from Strong, Hevy or FitNotes. "
    "I'll show you what I'd import before anything is saved."
)
MID_WORKOUT = "You're mid-workout: finish it (or /cancel) first, then send me the export."
NOT_CSV = (
    "I read workout exports, which are CSV files. To bring your history from Strong, Hevy or "
    "FitNotes: /import, then send the export."
)
GONE = "That import is no longer waiting (an hour passed, or a newer file came): send it again."


class ImportFeature(Feature):
    """Strong, Hevy and FitNotes exports in: preview first, then all sets or none."""

    commands = frozenset({"import"})
    owner = OWNER
    accepts_documents = True

    def __init__(self) -> None:
        self._exercises: tuple[int, ExerciseMap] | None = None

    async def command(self, turn: Turn, state: State, name: str, args: str) -> State:
        if state.step in WORKOUT_STEPS:
            await ask(turn, state, MID_WORKOUT)
            return state
        turn.say(ASK_FILE)
        await _again(turn, state)
        return state.model_copy(update={"dialog": Dialog(owner=OWNER, data={"waiting": True})})

    async def document(self, turn: Turn, state: State, name: str, data: bytes) -> State:
        if state.step in WORKOUT_STEPS:
            await ask(turn, state, MID_WORKOUT)
            return state
        asked = state.dialog is not None and state.dialog.owner == OWNER
        if not asked and not name.strip().lower().endswith(".csv"):
            turn.say(NOT_CSV)
            await _again(turn, state)
            return state
        state = state.model_copy(update={"dialog": None})
        await self._preview(turn, name, data)
        await _again(turn, state)
        return state

    async def press(self, turn: Turn, state: State, data: str) -> State:
        button = codec.decode(data)
        if button is None or button.owner != OWNER or button.args or button.action not in (GO, NO):
            turn.out.notice = STALE
            return state
        store = import_store(turn.store)
        held = await store.held_import(turn.user.id, button.token, turn.now - HOLD_FOR)
        if held is None:  # taken, cancelled, replaced, expired, or never this user's
            turn.out.notice = STALE
            turn.say(GONE)
            return state
        await store.drop_import(turn.user.id)
        if button.action == NO:
            turn.out.chosen = "Cancel"
            turn.say("Cancelled: nothing was imported.")
        else:
            turn.out.chosen = "Import"
            await _write(turn, held)
        await _again(turn, state)
        return state

    def _map(self, turn: Turn) -> ExerciseMap:
        """The library's exercise names, indexed once per library."""
        if self._exercises is None or self._exercises[0] != id(turn.library):
            self._exercises = (id(turn.library), ExerciseMap(turn.library))
        return self._exercises[1]

    async def _preview(self, turn: Turn, name: str, data: bytes) -> None:
        """Read the file, say what an import would do, and hold it for the Import tap."""
        exercises, unit = self._map(turn), turn.user.settings.unit
        try:
            # A big export takes seconds to read: off the event loop, so other chats go on.
            parsed = await asyncio.to_thread(read_export, data, exercises, unit)
        except ImportRefused as refused:
            turn.say(str(refused))
            return
        store = import_store(turn.store)
        known = await store.imported_keys(turn.user.id, parsed.app.value)
        shown = preview(parsed, turn.library, known)
        if shown.empty:
            turn.say(shown.text)
            return
        new = parsed.to_import(known)
        held = HeldImport(0, name.strip()[:NAME_MAX] or "export.csv", parsed.app.value,
                          len(new), pack(new), turn.now)  # fmt: skip
        token = await store.hold_import(turn.user.id, held, turn.now - HOLD_FOR)
        buttons = (
            codec.button("Import", OWNER, token, GO),
            codec.button("Cancel", OWNER, token, NO),
        )
        turn.say(shown.text, (tuple(b for b in buttons if b is not None),))


async def _write(turn: Turn, held: HeldImport) -> None:
    """Every set not stored yet, in this unit: the whole import commits with it, or nothing."""
    try:
        sets = unpack(held.payload)
    except UnreadablePack:
        turn.say(GONE)
        return
    store = import_store(turn.store)
    known = await store.imported_keys(turn.user.id, held.source)
    new = [s for s in sets if s.source_key not in known]  # another import may have come first
    if not new:
        turn.say("Nothing new: every one of those sets was imported already.")
        return
    settings = turn.user.settings
    found = sessions(new, turn.user.id, _zone(settings.timezone), settings.first_side)
    written = await store.add_imported(found)
    turn.say(_done_text(written, new))


def _done_text(written: int, new: list[ImportedSet]) -> str:
    workouts = len({s.workout_start or s.workout_date for s in new})  # as the preview counts
    unknown = sum(1 for s in new if s.side is Side.UNKNOWN)
    lines = [
        f"Imported {written} set{'s' * (written != 1)} from {workouts} "
        f"workout{'s' * (workouts != 1)}. They're in /history and /progress, and your next "
        "plans build on them."
    ]
    if unknown:
        has = "has its side" if unknown == 1 else "have their side"
        lines.append(f"{unknown} of them {has} unknown: I count those for neither leg.")
    return "\n".join(lines)


async def _again(turn: Turn, state: State) -> None:
    """Mid-flow (a plan being asked), the step is asked again after what the import said."""
    if state.step is not Step.IDLE:
        await ask(turn, state)


def _zone(name: str | None) -> tzinfo:
    """The user's zone for the apps' wall-clock times; UTC when unset or unknown."""
    if not name:
        return UTC
    try:
        return zone(name)
    except (ValueError, KeyError, OSError):
        return UTC
