"""The progress commands and their buttons: /history, /progress, /settings, /export, /deleteme."""

from __future__ import annotations

from bot.coach import codec, planning
from bot.coach.codec import ButtonData
from bot.coach.features import Feature
from bot.coach.ports import WorkoutRecord
from bot.coach.prompts import ask
from bot.coach.replies import Reply
from bot.coach.state import State, Step
from bot.coach.turn import Turn
from bot.progress import buttons as pb
from bot.progress import export, history, session_edit, settings, view
from bot.progress.local_dates import user_zone
from bot.progress.strong_out import strong_document
from bot.reminders.parsing import NotUnderstood

NAMES = frozenset({"history", "progress", "settings", "export", "deleteme"})
STALE = "That button is out of date"
STRONG = "strong"  # /export strong: the file Strong (and Hevy's Strong import) reads
CONFIRM_MINUTES = 10  # a "yes, delete" button older than this no longer deletes
EXPORT_CHUNK = 500  # workouts per query while exporting
ASK_DELETE = (
    "This deletes everything I hold about you: every workout and set, your settings, reminders "
    "and our place in the chat. It can't be undone. (/export first if you want a copy.) Sure?"
)


class ProgressFeature(Feature):
    """History, the progress chart, settings, the export and /deleteme, with their buttons."""

    commands = NAMES
    owner = pb.PREFIX

    async def command(self, turn: Turn, state: State, name: str, args: str) -> State:
        return await run(turn, state, name, args)

    async def press(self, turn: Turn, state: State, data: str) -> State:
        return await _checked_press(turn, state, codec.decode(data))

    def listens(self, state: State) -> bool:
        return session_edit.fixing(state) is not None  # /history asked for a set's new numbers

    async def text(self, turn: Turn, state: State, text: str) -> State:
        new = await session_edit.typed(turn, state, text)
        await _again(turn, new)
        return new


async def run(turn: Turn, state: State, name: str, args: str) -> State:
    """A command of ours; mid-workout, the current step is asked again afterwards."""
    if name == "history":
        await _history(turn, state, args)
    elif name == "progress":
        await view.show(turn, state.token, args)
    elif name == "settings":
        _settings(turn, state, args)
    elif name == "export":
        await _export(turn, args)
    else:
        stamp = str(int(turn.now.timestamp()) // 60)
        yes = pb.button("Yes, delete everything", state.token, pb.DELETE, stamp)
        no = pb.button("No, keep it", state.token, pb.KEEP)
        turn.say(ASK_DELETE, (pb.row(yes, no),))
        # The question stays the last thing said, so what answers next answers it (in the
        # terminal, a typed "1" is its first button); "No" asks the pending step again.
        return state
    await _again(turn, state)
    return state


async def _again(turn: Turn, state: State) -> None:
    if state.step is not Step.IDLE:
        await ask(turn, state)


async def _checked_press(turn: Turn, state: State, data: ButtonData | None) -> State:
    """A button of ours. Anything stale, malformed or not offered answers with a notice only
    and changes nothing; nothing in the data names a user, so it only ever reaches the
    presser's own data."""
    if data is None or not data.is_current(state.token):
        turn.out.notice = STALE
        return state
    new = await _press(turn, state, data.action, list(data.args))
    if new is None:
        turn.out.notice = STALE
        return state
    if not turn.forgotten and new.token == state.token:
        await _again(turn, state)
    return new


async def _press(turn: Turn, state: State, action: str, args: list[str]) -> State | None:
    if action in pb.SESSION_ACTIONS:
        return await session_edit.press(turn, state, action, args)
    if action == pb.HISTORY and len(args) == 2 and args[0].isascii() and args[0].isdigit():
        page, slug = int(args[0]), args[1]
        if page > history.PAGE_MAX or (slug != history.ALL and slug not in turn.library):
            return None
        await _history_page(turn, state, None if slug == history.ALL else slug, page)
    elif action == pb.CHART and len(args) == 2 and args[0] in view.PERIODS:
        if args[1] not in turn.library:
            return None
        await view.chart_reply(turn, state.token, args[1], args[0])
    elif action == pb.SETTING:
        change = settings.from_press(args)
        if change is None:
            return None
        done = settings.apply(turn.user.settings, change)
        turn.out.chosen = done.split(".")[0]
        keyboard = settings.keyboard(state.token, turn.user.settings)
        turn.say(f"{done}\n\n{settings.view(turn.user.settings)}", keyboard)
    elif action == pb.DELETE and len(args) == 1 and args[0].isascii() and args[0].isdigit():
        age = int(turn.now.timestamp()) // 60 - int(args[0])
        if not 0 <= age <= CONFIRM_MINUTES:
            return None
        await _forget(turn)
    elif action == pb.KEEP and not args:
        turn.out.chosen = "Kept"
        turn.say("Good: nothing was deleted.")
    else:
        return None
    return state


async def _history(turn: Turn, state: State, args: str) -> None:
    name = args.strip()[: view.NAME_MAX]
    slug = planning.resolve(turn.library, name) if name else None
    if name and slug is None:
        turn.say(f"I don't know “{name[:40]}”. Try /history single-leg hip thrust, "
                 "or /history alone for every exercise.")  # fmt: skip
        return
    await _history_page(turn, state, slug, 0)


async def _history_page(turn: Turn, state: State, slug: str | None, page: int) -> None:
    size = history.PAGE_SIZE
    workouts = await turn.store.workouts(
        turn.user.id, slug, limit=size + 1, offset=page * size, logged_only=True
    )
    exercise = turn.library[slug] if slug else None
    settings_ = turn.user.settings
    shown = history.render(
        workouts, page, exercise, turn.library, settings_.unit,
        user_zone(settings_.timezone), turn.now, state.token,
    )  # fmt: skip
    turn.say(shown.text, shown.buttons)


def _settings(turn: Turn, state: State, args: str) -> None:
    change = settings.read(args)
    if isinstance(change, settings.Change):
        turn.say(settings.apply(turn.user.settings, change))
        return
    text = settings.view(turn.user.settings)
    if isinstance(change, NotUnderstood):  # said what was wrong, then what can be set and how
        text = f"{change.message}\n\n{text}"
    turn.say(text, settings.keyboard(state.token, turn.user.settings))


async def _export(turn: Turn, args: str) -> None:
    fmt = args.strip().lower() or "csv"
    if fmt not in (*export.FORMATS, STRONG):
        turn.say("I export as CSV or JSON: /export, or /export json; /export strong for a file "
                 "Strong or Hevy can import.")  # fmt: skip
        return
    workouts = await _all_workouts(turn)
    if not workouts:
        turn.say("Nothing logged yet, so there's nothing to export. /workout to start.")
        return
    sets = sum(len(w.sets) for w in workouts)
    if fmt == STRONG:
        names = {slug: ex.name for slug, ex in turn.library.items()}
        name, content = strong_document(turn.user, workouts, names, turn.now)
        text = (
            f"Your {len(workouts)} workouts as a Strong CSV, the side of each set in its note: "
            "import it in Strong, or in Hevy as a Strong file."
        )
    else:
        name, content = export.document(turn.user, workouts, fmt, turn.now)
        text = (
            f"Everything you logged: {len(workouts)} workouts, {sets} sets, as {fmt.upper()}. "
            "Loads are in the unit you logged them in."
        )
    turn.out.replies.append(Reply(text, document=(name, content)))


async def _all_workouts(turn: Turn) -> list[WorkoutRecord]:
    found: list[WorkoutRecord] = []
    while True:
        chunk = await turn.store.workouts(turn.user.id, limit=EXPORT_CHUNK, offset=len(found))
        found += chunk
        if len(chunk) < EXPORT_CHUNK:
            return found


async def _forget(turn: Turn) -> None:
    deleted = await turn.store.forget_user(turn.user.id)
    turn.forgotten = True  # the engine must not save the user it just deleted
    turn.out.cancel_timer = True
    turn.out.chosen = "Delete everything"
    workouts, sets = deleted.get("workouts", 0), deleted.get("set_logs", 0)
    reminders = deleted.get("reminders", 0)
    parts = [f"{workouts} workout{'s' * (workouts != 1)}", f"{sets} set{'s' * (sets != 1)}"]
    if reminders:
        parts.append(f"{reminders} reminder{'s' * (reminders != 1)}")
    turn.say(
        f"Done. I deleted everything I held about you: {', '.join(parts)}, your settings and "
        "our place in the chat. Nothing of yours is left here. /start if you ever want to "
        "begin again."
    )
