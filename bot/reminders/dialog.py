"""The /remind conversation as a pure sub-flow: event + dialog state in, replies + actions out."""

# The dialog state is a RemindDialog (dialog_state.py), or None when no /remind conversation is
# open; the caller stores it with the user's state. Actions are what to change in storage and
# settings; the caller applies them in the same unit of work (see flow.py).
#
# Buttons are "rm:<token>:<verb>[:<arg>]" (bot/coach/codec.py) with the user's step token: a
# press counts only while it carries Context.token, and every button sent here carries
# Context.token + 1, the token the caller moves the user's state to after this event. So a press
# on an earlier question, or after the conversation ended, is answered and changes nothing.

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time

from bot.coach import codec
from bot.coach.replies import Button, Reply
from bot.content import Exercise
from bot.reminders.actions import (
    Action,
    Create,
    Delete,
    Pause,
    Resume,
    SetZone,
    Update,
    small_id,
)
from bot.reminders.dialog_state import ANY, RemindDialog
from bot.reminders.domain import Reminder
from bot.reminders.parsing import (
    EVERY_DAY,
    WEEKDAYS,
    WEEKENDS,
    NotUnderstood,
    describe_days,
    describe_time,
    parse_days,
    parse_time,
)
from bot.reminders.schedule import Rule, next_occurrence
from bot.reminders.spec import Spec, parse_spec, resolve_exercise
from bot.reminders.texts import BUTTON_OWNER, describe, exercise_name, when_next
from bot.reminders.zones import parse_zone

MAX_REMINDERS = 10
# The conversation's button verbs; the reminder message's (texts.MESSAGE_VERBS) are other words,
# so a press is told apart by its verb alone.
PAUSE, RESUME, DELETE, CHANGE, NEW, DONE = "p", "r", "d", "c", "n", "x"
KEEP, PICK_DAYS, PICK_EXERCISE = "keep", "dy", "ex"
VERBS = frozenset({PAUSE, RESUME, DELETE, CHANGE, NEW, DONE, KEEP, PICK_DAYS, PICK_EXERCISE})
OUT_OF_DATE = "That's from an earlier /remind."
GONE = "That reminder is gone."
_LIST_VERBS = frozenset({PAUSE, RESUME, DELETE, CHANGE, NEW, DONE})
_DAY_CHOICES = {"all": EVERY_DAY, "wd": WEEKDAYS, "we": WEEKENDS}
_CANCEL = {"cancel", "stop", "never mind", "nevermind", "no", "quit", "exit", "done"}


@dataclass(frozen=True)
class Context:
    """What the dialog may look at; all of it belongs to the user talking."""

    reminders: Sequence[Reminder]
    zone: str | None  # the user's settings.timezone
    last_exercise: str | None  # slug of the exercise trained last, the default choice
    library: Mapping[str, Exercise]
    now: datetime
    token: int  # the user's step token now: presses must carry it; new buttons carry token + 1


@dataclass(frozen=True)
class DialogTurn:
    """What one event did to the conversation."""

    replies: list[Reply] = field(default_factory=list)
    dialog: RemindDialog | None = None  # None: the /remind conversation is over (or never began)
    actions: list[Action] = field(default_factory=list)
    notice: str | None = None  # toast for a pressed button
    chosen: str | None = None  # what the pressed message should now say was chosen


def _button(label: str, ctx: Context, verb: str, *args: object) -> Button | None:
    return codec.button(label, BUTTON_OWNER, ctx.token + 1, verb, *(str(arg) for arg in args))


def _keyboard(*rows: Sequence[Button | None]) -> tuple[tuple[Button, ...], ...]:
    kept = (tuple(button for button in row if button is not None) for row in rows)
    return tuple(row for row in kept if row)


# --- entry points -------------------------------------------------------------------------


def start(args: str, ctx: Context) -> DialogTurn:
    """/remind [args]: list the user's reminders, or start a new one (args may say it all)."""
    if args.strip():
        return _new(RemindDialog(step="list"), args, ctx)
    if not ctx.reminders:
        return _ask_time(RemindDialog(step="time"), ctx, "When should I remind you to train?")
    return _list(ctx)


def on_text(text: str, dialog: RemindDialog, ctx: Context) -> DialogTurn:
    """Typed text while the conversation is open."""
    if " ".join(text.lower().split()).strip(".!") in _CANCEL:
        return DialogTurn([Reply("OK, reminders unchanged.")])
    if dialog.step == "time":
        return _got_time(dialog, text, ctx)
    if dialog.step == "days":
        return _got_days(dialog, text, ctx)
    if dialog.step == "exercise":
        return _got_exercise(dialog, text, ctx)
    if dialog.step == "zone":
        zone = parse_zone(text)
        if isinstance(zone, NotUnderstood):
            return DialogTurn([Reply(zone.message)], dialog)
        return _continue(dialog.updated(zone=zone), ctx)
    return _new(dialog, text, ctx)


def on_press(data: str, dialog: RemindDialog | None, ctx: Context) -> DialogTurn:
    """A press on one of the dialog's buttons; one that is not current changes nothing and
    opens no conversation."""
    pressed = codec.decode(data)
    if (
        dialog is None
        or pressed is None
        or pressed.owner != BUTTON_OWNER
        or not pressed.is_current(ctx.token)
    ):
        return DialogTurn([], dialog, notice=OUT_OF_DATE)
    if len(pressed.args) > 1 or (pressed.action in _LIST_VERBS and dialog.step != "list"):
        return DialogTurn([], dialog, notice="That button has expired.")
    verb, arg = pressed.action, pressed.args[0] if pressed.args else ""
    by_id = {str(r.id): r for r in ctx.reminders}
    if verb in (PAUSE, RESUME, DELETE, CHANGE) and arg not in by_id:
        return DialogTurn([], dialog, notice=GONE)
    if verb == DONE:
        return DialogTurn([], None, chosen="Done")
    if verb == NEW:
        return _ask_time(RemindDialog(step="time"), ctx, "When should I remind you?")
    if verb in (PAUSE, RESUME, DELETE):
        return _change_one(verb, by_id[arg], dialog, ctx)
    if verb == CHANGE:
        old = by_id[arg]
        question = f"New time for this reminder? It is {describe_time(old.at)} now."
        return _ask_time(RemindDialog(step="time", edit=old.id), ctx, question, keep=old.at)
    return _pick(verb, arg, dialog, ctx)


def _pick(verb: str, arg: str, dialog: RemindDialog, ctx: Context) -> DialogTurn:
    """Keep, a choice of days, or an exercise: only at the question that offered it."""
    if verb == KEEP and dialog.step in ("time", "days", "exercise"):
        return _keep(dialog, ctx)
    if verb == PICK_DAYS and dialog.step == "days" and arg in _DAY_CHOICES:
        days = _DAY_CHOICES[arg]
        return _continue(dialog.updated(days=days), ctx, describe_days(days).capitalize())
    slugs = list(ctx.library)
    if verb == PICK_EXERCISE and dialog.step == "exercise":
        if arg == ANY:
            return _continue(dialog.updated(exercise=ANY), ctx, "Any exercise")
        index = small_id(arg)
        if index is not None and index < len(slugs):
            slug = slugs[index]
            return _continue(dialog.updated(exercise=slug), ctx, ctx.library[slug].name)
    return DialogTurn([], dialog, notice="That button has expired.")


# --- steps --------------------------------------------------------------------------------


def _list(ctx: Context) -> DialogTurn:
    lines = ["Your reminders:"]
    rows: list[tuple[Button | None, ...]] = []
    for n, reminder in enumerate(ctx.reminders, start=1):
        nxt = "" if reminder.paused else f" — next {when_next(reminder)}"
        lines.append(f"{n}. {describe(reminder, ctx.library)}{nxt}")
        toggle = ("Resume", RESUME) if reminder.paused else ("Pause", PAUSE)
        rows.append(
            (
                _button(f"{toggle[0]} {n}", ctx, toggle[1], reminder.id),
                _button(f"Change {n}", ctx, CHANGE, reminder.id),
                _button(f"Delete {n}", ctx, DELETE, reminder.id),
            )
        )
    rows.append((_button("New reminder", ctx, NEW), _button("Done", ctx, DONE)))
    return DialogTurn([Reply("\n".join(lines), _keyboard(*rows))], RemindDialog(step="list"))


def _change_one(verb: str, reminder: Reminder, dialog: RemindDialog, ctx: Context) -> DialogTurn:
    what = describe(reminder, ctx.library).removesuffix(" — paused")
    if verb == DELETE:
        return DialogTurn([], None, [Delete(reminder.id)], "Deleted", f"Deleted: {what}")
    if verb == PAUSE:
        if reminder.paused:
            return DialogTurn([], dialog, notice="Already paused")
        return DialogTurn([], None, [Pause(reminder.id)], "Paused", f"Paused: {what}")
    if not reminder.paused:
        return DialogTurn([], dialog, notice="Already on")
    return DialogTurn([], None, [Resume(reminder.id)], "Resumed", f"Resumed: {what}")


def _new(dialog: RemindDialog, text: str, ctx: Context) -> DialogTurn:
    if dialog.edit is None and len(ctx.reminders) >= MAX_REMINDERS:
        note = f"You have {MAX_REMINDERS} reminders, the most I keep. Delete one first (/remind)."
        return DialogTurn([Reply(note)])
    at = parse_time(text)
    spec = Spec(at=at) if isinstance(at, time) else parse_spec(text, ctx.library)
    if isinstance(spec, NotUnderstood):
        return DialogTurn([Reply(spec.message)], dialog.updated(step="time"))
    return _continue(_with_spec(dialog, spec), ctx)


def _with_spec(dialog: RemindDialog, spec: Spec) -> RemindDialog:
    said = {"at": spec.at, "days": spec.days, "zone": spec.zone, "exercise": spec.exercise}
    return dialog.updated(**{part: value for part, value in said.items() if value is not None})


def _got_time(dialog: RemindDialog, text: str, ctx: Context) -> DialogTurn:
    at = parse_time(text)
    if isinstance(at, time):
        return _continue(dialog.updated(at=at), ctx)
    spec = parse_spec(text, ctx.library)
    if isinstance(spec, NotUnderstood) or spec.at is None:
        message = spec.message if isinstance(spec, NotUnderstood) else at.message
        return DialogTurn([Reply(message)], dialog)
    return _continue(_with_spec(dialog, spec), ctx)


def _got_days(dialog: RemindDialog, text: str, ctx: Context) -> DialogTurn:
    days = parse_days(text)
    if isinstance(days, int):
        return _continue(dialog.updated(days=days), ctx)
    spec = parse_spec(text, ctx.library)
    if isinstance(spec, NotUnderstood) or spec.days is None:
        return DialogTurn([Reply(days.message)], dialog)
    return _continue(_with_spec(dialog, spec), ctx)


def _got_exercise(dialog: RemindDialog, text: str, ctx: Context) -> DialogTurn:
    said = " ".join(text.lower().split()).strip(".!")
    slug = resolve_exercise(text, ctx.library)
    if slug is None and said in ("any", "any exercise", "anything"):
        slug = ANY
    if slug is None and said in ("yes", "ok", "same", "default", "last", "the last one"):
        slug = ctx.last_exercise if ctx.last_exercise in ctx.library else None
    if slug is None:
        names = ", ".join(ex.name for ex in ctx.library.values())
        question = f"I don't know that one. I have: {names}."
        return DialogTurn([_exercise_question(ctx, question, _editing(dialog, ctx))], dialog)
    return _continue(dialog.updated(exercise=slug), ctx)


def _editing(dialog: RemindDialog, ctx: Context) -> Reminder | None:
    return next((r for r in ctx.reminders if r.id == dialog.edit), None)


def _keep(dialog: RemindDialog, ctx: Context) -> DialogTurn:
    old = _editing(dialog, ctx)
    if old is None:
        return DialogTurn([], None, notice=GONE)
    if dialog.step == "time":
        kept = dialog.updated(at=old.at)
    elif dialog.step == "days":
        kept = dialog.updated(days=old.days)
    else:
        kept = dialog.updated(exercise=old.exercise or ANY)
    return _continue(kept, ctx, "Kept")


def _continue(dialog: RemindDialog, ctx: Context, chosen: str | None = None) -> DialogTurn:
    """Ask the next part the user has not said yet, or make the reminder when all is said."""
    old = _editing(dialog, ctx)
    if dialog.exercise not in (None, ANY) and dialog.exercise not in ctx.library:
        dialog = dialog.updated(exercise=None)  # gone from the library since: asked again
    if dialog.at is None:
        keep = old.at if old else None
        turn = _ask_time(dialog.updated(step="time"), ctx, "What time?", keep=keep)
    elif dialog.days is None:
        turn = _ask_days(dialog.updated(step="days"), ctx, old)
    elif dialog.exercise is None:
        question = _exercise_question(ctx, "Which exercise is it for?", old)
        turn = DialogTurn([question], dialog.updated(step="exercise"))
    elif ctx.zone is None and dialog.zone is None:
        ask = "Which timezone are you in? A city (London), a zone (Europe/Berlin) or UTC+2."
        turn = DialogTurn([Reply(ask)], dialog.updated(step="zone"))
    else:
        turn = _finish(dialog, ctx)
    return replace(turn, chosen=chosen)


def _ask_time(
    dialog: RemindDialog, ctx: Context, question: str, keep: time | None = None
) -> DialogTurn:
    hint = " Like 7:30, 7pm or 19:00 — add days if you like: weekdays at 7pm."
    keeping = (_button(f"Keep {describe_time(keep)}", ctx, KEEP),) if keep else ()
    return DialogTurn([Reply(question + hint, _keyboard(keeping))], dialog)


def _ask_days(dialog: RemindDialog, ctx: Context, old: Reminder | None) -> DialogTurn:
    rows: list[tuple[Button | None, ...]] = [
        (
            _button("Every day", ctx, PICK_DAYS, "all"),
            _button("Weekdays", ctx, PICK_DAYS, "wd"),
            _button("Weekends", ctx, PICK_DAYS, "we"),
        )
    ]
    if old is not None:
        rows.append((_button(f"Keep {describe_days(old.days)}", ctx, KEEP),))
    question = "Which days? Pick one, or type them: mon wed fri."
    return DialogTurn([Reply(question, _keyboard(*rows))], dialog)


def _exercise_question(ctx: Context, question: str, old: Reminder | None = None) -> Reply:
    slugs = list(ctx.library)
    order = sorted(range(len(slugs)), key=lambda i: slugs[i] != ctx.last_exercise)
    buttons = [_button(ctx.library[slugs[i]].name, ctx, PICK_EXERCISE, i) for i in order]
    buttons.append(_button("Any exercise", ctx, PICK_EXERCISE, ANY))
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    if old is not None:
        rows.append([_button("Keep it", ctx, KEEP)])
    if ctx.last_exercise in ctx.library:
        question += f" Last time you trained {exercise_name(ctx.library, ctx.last_exercise)}."
    return Reply(question, _keyboard(*rows))


def _finish(dialog: RemindDialog, ctx: Context) -> DialogTurn:
    at, days, zone = dialog.at, dialog.days, dialog.zone or ctx.zone
    assert at is not None and days is not None and zone is not None  # _continue asked for them
    exercise = None if dialog.exercise == ANY else dialog.exercise
    actions: list[Action] = []
    if zone != ctx.zone:
        actions.append(SetZone(zone))
    edit = dialog.edit
    actions.append(Update(edit, at, days, exercise) if edit else Create(at, days, exercise))
    first = next_occurrence(Rule(at, days, zone), ctx.now)
    shown = Reminder(0, 0, at, days, zone, exercise, False, first.due_at)
    verb = "Changed" if edit else "Done"
    text = f"{verb}: {describe(shown, ctx.library)}.\nNext one: {when_next(shown)}."
    if zone != ctx.zone and ctx.reminders:
        text += f"\nYour other reminders now follow {zone} too."
    return DialogTurn([Reply(text)], None, actions)
