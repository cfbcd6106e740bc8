"""The /remind conversation as a pure sub-flow: event + dialog state in, replies + actions out."""

# The dialog state is a small JSON dict (or None when no /remind conversation is open); the caller
# stores it with the user's state. Actions are what to change in storage and settings; the caller
# applies them in the same unit of work (see flow.py). Buttons carry "rm:<token>:<verb>[:<arg>]";
# the token changes at every step, so a press on an old question is answered and changes nothing.

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

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
from bot.reminders.model import Reminder
from bot.reminders.parsing import (
    EVERY_DAY,
    WEEKDAYS,
    WEEKENDS,
    Invalid,
    describe_days,
    describe_time,
    parse_days,
    parse_time,
)
from bot.reminders.schedule import Rule, next_occurrence
from bot.reminders.spec import Spec, parse_spec, resolve_exercise
from bot.reminders.texts import describe, exercise_name, when_next
from bot.reminders.zones import parse_zone

MAX_REMINDERS = 10
ANY = "any"  # the "any exercise" choice, stored as exercise None
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


@dataclass
class Step:
    replies: list[Reply] = field(default_factory=list)
    state: dict[str, Any] | None = None  # None: the /remind conversation is over
    actions: list[Action] = field(default_factory=list)
    notice: str | None = None  # toast for a pressed button
    chosen: str | None = None  # what the pressed message should now say was chosen


def _token(ctx: Context) -> int:
    # Derived from the clock so a new conversation never reuses an old message's token.
    return int(ctx.now.timestamp() * 1000) % 100_000_000


def _data(state: dict[str, Any], verb: str, arg: object = "") -> str:
    return f"rm:{state['token']}:{verb}" + (f":{arg}" if arg != "" else "")


def _next_token(state: dict[str, Any]) -> dict[str, Any]:
    return {**state, "token": (int(state["token"]) + 1) % 100_000_000}


# --- entry points -------------------------------------------------------------------------


def start(args: str, ctx: Context) -> Step:
    """/remind [args]: list the user's reminders, or start a new one (args may say it all)."""
    state: dict[str, Any] = {"token": _token(ctx), "step": "list"}
    if args.strip():
        return _new(state, args, ctx)
    if not ctx.reminders:
        return _ask_time({**state, "step": "time"}, "When should I remind you to train?")
    return _list(state, ctx)


def on_text(text: str, state: dict[str, Any], ctx: Context) -> Step:
    """Typed text while the conversation is open."""
    if " ".join(text.lower().split()).strip(".!") in _CANCEL:
        return Step([Reply("OK, reminders unchanged.")])
    step = state.get("step")
    if step == "time":
        return _got_time(state, text, ctx)
    if step == "days":
        return _got_days(state, text, ctx)
    if step == "exercise":
        slug = resolve_exercise(text, ctx.library)
        if slug is None and text.strip().lower() not in ("any", "any exercise", "anything"):
            names = ", ".join(ex.name for ex in ctx.library.values())
            return Step(
                [_exercise_question(state, ctx, f"I don't know that one. I have: {names}.")], state
            )
        return _continue({**state, "exercise": slug or ANY}, ctx)
    if step == "zone":
        zone = parse_zone(text)
        if isinstance(zone, Invalid):
            return Step([Reply(zone.message)], state)
        return _continue({**state, "zone": zone}, ctx)
    return _new(state, text, ctx)


def on_press(data: str, state: dict[str, Any] | None, ctx: Context) -> Step:
    """A press on one of the dialog's buttons ("rm:<token>:..."); stale ones change nothing."""
    parts = data.split(":")
    if state is None or len(parts) < 3 or parts[1] != str(state.get("token")):
        fresh = start("", ctx)
        return Step(fresh.replies, fresh.state, notice="That's from an earlier /remind.")
    verb, arg = parts[2], parts[3] if len(parts) > 3 else ""
    by_id = {str(r.id): r for r in ctx.reminders}
    if verb in ("p", "r", "d", "c") and arg not in by_id:
        return Step([], state, notice="That reminder is gone.")
    if verb == "x":
        return Step([], None, chosen="Done")
    if verb == "n":
        return _ask_time({**state, "step": "time", "edit": None}, "When should I remind you?")
    if verb in ("p", "r", "d"):
        return _change_one(verb, by_id[arg], state, ctx)
    if verb == "c":
        old = by_id[arg]
        question = f"New time for this reminder? It is {describe_time(old.at)} now."
        return _ask_time({**state, "step": "time", "edit": old.id}, question, keep=old.at)
    if verb == "keep" and state.get("step") in ("time", "days", "exercise"):
        return _keep(state, ctx)
    if verb == "dy" and state.get("step") == "days" and arg in _DAY_CHOICES:
        days = _DAY_CHOICES[arg]
        return _continue({**state, "days": days}, ctx, describe_days(days).capitalize())
    slugs = list(ctx.library)
    if verb == "ex" and state.get("step") == "exercise":
        if arg == ANY:
            return _continue({**state, "exercise": ANY}, ctx, "Any exercise")
        index = small_id(arg)
        if index is not None and index < len(slugs):
            slug = slugs[index]
            return _continue({**state, "exercise": slug}, ctx, ctx.library[slug].name)
    return Step([], state, notice="That button has expired.")


# --- steps --------------------------------------------------------------------------------


def _list(state: dict[str, Any], ctx: Context) -> Step:
    lines = ["Your reminders:"]
    rows: list[tuple[Button, ...]] = []
    for n, reminder in enumerate(ctx.reminders, start=1):
        nxt = "" if reminder.paused else f" — next {when_next(reminder)}"
        lines.append(f"{n}. {describe(reminder, ctx.library)}{nxt}")
        toggle = ("Resume", "r") if reminder.paused else ("Pause", "p")
        rows.append(
            (
                Button(f"{toggle[0]} {n}", _data(state, toggle[1], reminder.id)),
                Button(f"Change {n}", _data(state, "c", reminder.id)),
                Button(f"Delete {n}", _data(state, "d", reminder.id)),
            )
        )
    rows.append((Button("New reminder", _data(state, "n")), Button("Done", _data(state, "x"))))
    return Step([Reply("\n".join(lines), tuple(rows))], state)


def _change_one(verb: str, reminder: Reminder, state: dict[str, Any], ctx: Context) -> Step:
    what = describe(reminder, ctx.library).removesuffix(" — paused")
    if verb == "d":
        return Step([], None, [Delete(reminder.id)], notice="Deleted", chosen=f"Deleted: {what}")
    if verb == "p":
        if reminder.paused:
            return Step([], state, notice="Already paused")
        return Step([], None, [Pause(reminder.id)], notice="Paused", chosen=f"Paused: {what}")
    if not reminder.paused:
        return Step([], state, notice="Already on")
    return Step([], None, [Resume(reminder.id)], notice="Resumed", chosen=f"Resumed: {what}")


def _new(state: dict[str, Any], text: str, ctx: Context) -> Step:
    if state.get("edit") is None and len(ctx.reminders) >= MAX_REMINDERS:
        note = f"You have {MAX_REMINDERS} reminders, the most I keep. Delete one first (/remind)."
        return Step([Reply(note)])
    at = parse_time(text)
    spec = Spec(at=at) if isinstance(at, time) else parse_spec(text, ctx.library)
    if isinstance(spec, Invalid):
        return Step([Reply(spec.message)], {**state, "step": "time"})
    return _continue(_with_spec(state, spec), ctx)


def _with_spec(state: dict[str, Any], spec: Spec) -> dict[str, Any]:
    out = dict(state)
    if spec.at is not None:
        out["at"] = describe_time(spec.at)
    if spec.days is not None:
        out["days"] = spec.days
    if spec.zone is not None:
        out["zone"] = spec.zone
    if spec.exercise is not None:
        out["exercise"] = spec.exercise
    return out


def _got_time(state: dict[str, Any], text: str, ctx: Context) -> Step:
    at = parse_time(text)
    if isinstance(at, time):
        return _continue({**state, "at": describe_time(at)}, ctx)
    spec = parse_spec(text, ctx.library)
    if isinstance(spec, Invalid) or spec.at is None:
        message = spec.message if isinstance(spec, Invalid) else at.message
        return Step([Reply(message)], state)
    return _continue(_with_spec(state, spec), ctx)


def _got_days(state: dict[str, Any], text: str, ctx: Context) -> Step:
    days = parse_days(text)
    if isinstance(days, int):
        return _continue({**state, "days": days}, ctx)
    spec = parse_spec(text, ctx.library)
    if isinstance(spec, Invalid) or spec.days is None:
        return Step([Reply(days.message)], state)
    return _continue(_with_spec(state, spec), ctx)


def _got_exercise(state: dict[str, Any], text: str, ctx: Context) -> Step:
    said = " ".join(text.lower().split()).strip(".!")
    slug = resolve_exercise(text, ctx.library)
    if slug is None and said in ("any", "any exercise", "anything"):
        slug = ANY
    if slug is None and said in ("yes", "ok", "same", "default", "last", "the last one"):
        slug = ctx.last_exercise if ctx.last_exercise in ctx.library else None
    if slug is None:
        names = ", ".join(ex.name for ex in ctx.library.values())
        question = f"I don't know that one. I have: {names}."
        return Step([_exercise_question(state, ctx, question, _editing(state, ctx))], state)
    return _continue({**state, "exercise": slug}, ctx)


def _editing(state: dict[str, Any], ctx: Context) -> Reminder | None:
    return next((r for r in ctx.reminders if r.id == state.get("edit")), None)


def _keep(state: dict[str, Any], ctx: Context) -> Step:
    old = _editing(state, ctx)
    if old is None:
        return Step([], None, notice="That reminder is gone.")
    key = {"time": "at", "days": "days", "exercise": "exercise"}[state["step"]]
    value: object = {
        "at": describe_time(old.at),
        "days": old.days,
        "exercise": old.exercise or ANY,
    }[key]
    return _continue({**state, key: value}, ctx, "Kept")


def _continue(state: dict[str, Any], ctx: Context, chosen: str | None = None) -> Step:
    state = _next_token(state)
    old = _editing(state, ctx)
    if "at" not in state:
        step = _ask_time({**state, "step": "time"}, "What time?", keep=old.at if old else None)
    elif "days" not in state:
        step = _ask_days({**state, "step": "days"}, old)
    elif "exercise" not in state:
        state = {**state, "step": "exercise"}
        step = Step([_exercise_question(state, ctx, "Which exercise is it for?", old)], state)
    elif ctx.zone is None and "zone" not in state:
        question = "Which timezone are you in? A city (London), a zone (Europe/Berlin) or UTC+2."
        step = Step([Reply(question)], {**state, "step": "zone"})
    else:
        step = _finish(state, ctx)
    step.chosen = chosen
    return step


def _ask_time(state: dict[str, Any], question: str, keep: time | None = None) -> Step:
    hint = " Like 7:30, 7pm or 19:00 — add days if you like: weekdays at 7pm."
    buttons = ((Button(f"Keep {describe_time(keep)}", _data(state, "keep")),),) if keep else ()
    return Step([Reply(question + hint, buttons)], state)


def _ask_days(state: dict[str, Any], old: Reminder | None) -> Step:
    row = (
        Button("Every day", _data(state, "dy", "all")),
        Button("Weekdays", _data(state, "dy", "wd")),
        Button("Weekends", _data(state, "dy", "we")),
    )
    rows: tuple[tuple[Button, ...], ...] = (row,)
    if old is not None:
        rows += ((Button(f"Keep {describe_days(old.days)}", _data(state, "keep")),),)
    question = "Which days? Pick one, or type them: mon wed fri."
    return Step([Reply(question, rows)], state)


def _exercise_question(
    state: dict[str, Any], ctx: Context, question: str, old: Reminder | None = None
) -> Reply:
    slugs = list(ctx.library)
    order = sorted(range(len(slugs)), key=lambda i: slugs[i] != ctx.last_exercise)
    buttons = [Button(ctx.library[slugs[i]].name, _data(state, "ex", i)) for i in order]
    buttons.append(Button("Any exercise", _data(state, "ex", ANY)))
    rows = tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
    if old is not None:
        rows += ((Button("Keep it", _data(state, "keep")),),)
    if ctx.last_exercise in ctx.library:
        question += f" Last time you trained {exercise_name(ctx.library, ctx.last_exercise)}."
    return Reply(question, rows)


def _finish(state: dict[str, Any], ctx: Context) -> Step:
    hour, minute = (int(part) for part in str(state["at"]).split(":"))
    at, days = time(hour, minute), int(state["days"])
    exercise = None if state["exercise"] == ANY else str(state["exercise"])
    zone = str(state.get("zone") or ctx.zone)
    actions: list[Action] = []
    if zone != ctx.zone:
        actions.append(SetZone(zone))
    edit = state.get("edit")
    actions.append(Update(int(edit), at, days, exercise) if edit else Create(at, days, exercise))
    first = next_occurrence(Rule(at, days, zone), ctx.now)
    shown = Reminder(0, 0, at, days, zone, exercise, False, first.due_at)
    verb = "Changed" if edit else "Done"
    text = f"{verb}: {describe(shown, ctx.library)}.\nNext one: {when_next(shown)}."
    if zone != ctx.zone and ctx.reminders:
        text += f"\nYour other reminders now follow {zone} too."
    return Step([Reply(text)], None, actions)
