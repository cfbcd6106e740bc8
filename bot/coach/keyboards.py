"""The workout's buttons (`c:<token>:<action>[:<arg>]`, bot/coach/codec.py) and step keyboards.

A press is accepted only when its data is exactly one of the buttons the current step offers,
so stale, repeated and forged presses are all recognised the same way: they match nothing.
"""

from __future__ import annotations

from bot.coach import codec
from bot.coach.ports import Plan, Side, Unit
from bot.coach.replies import Button
from bot.coach.typed import EFFORTS
from bot.coach.units import load_text
from bot.content import Exercise, Library

PREFIX = "c"
DATA_MAX = codec.DATA_MAX

START = "start"
SAME = "same"
CHANGE = "chg"
BODYWEIGHT = "bw"
OTHER = "o"
SKIP = "s"
STOP = "x"
READY = "go"
TODAY = "a"  # today's suggested plan, accepted (worked out afresh from the log at the press)
UNDO = "u"  # take back the last logged set
CHOICE = "q"  # one answer to the confirm step's question: q:<index>
MORE = "more"  # the rest of a long answer

Keyboard = tuple[tuple[Button, ...], ...]


def encode(token: int, action: str) -> str | None:
    """The data of a workout button; action may carry one argument ("n:10"). None: too long."""
    name, *args = action.split(":")
    return codec.encode(PREFIX, token, name, *args)


def decode(data: str) -> tuple[int, str] | None:
    """(token, action with its argument), or None for data that is not a workout button."""
    found = codec.decode(data)
    if found is None or found.owner != PREFIX:
        return None
    return found.token, ":".join((found.action, *found.args))


def _row(token: int, *pairs: tuple[str, str]) -> tuple[Button, ...]:
    buttons = ((label, encode(token, action)) for label, action in pairs)
    return tuple(Button(label, data) for label, data in buttons if data is not None)


TODAY_LABEL = "Use today's plan"


def today_button(token: int, slug: str) -> Button | None:
    return codec.button(TODAY_LABEL, PREFIX, token, TODAY, slug)


def number(value: int) -> str:
    return f"n:{value}"


def exercise(slug: str) -> str:
    return f"e:{slug}"


def load(value: float, unit: Unit) -> str:
    return f"ld:{value:g}{unit.value}"


def side(which: Side) -> str:
    return f"sd:{which.value}"


def effort(word: str) -> str:
    return f"f:{word}"


def spread(low: int, high: int, count: int = 5) -> list[int]:
    """Up to count whole numbers from low to high, evenly spaced, ends included."""
    if high - low < count:
        return list(range(low, high + 1))
    step = (high - low) / (count - 1)
    return sorted({round(low + i * step) for i in range(count)})


def around(target: int, count: int = 5) -> list[int]:
    """Rep buttons centred on the target (8 9 10 11 12), never below 1."""
    low = max(1, target - count // 2)
    return list(range(low, low + count))


def weight_label(value: float | None, unit: Unit) -> str:
    return "bodyweight" if value is None else f"{value:g} {unit.value}"


def choose_keyboard(token: int, library: Library) -> Keyboard:
    """One exercise per row, unilateral ones first (the library's order)."""
    return tuple(_row(token, (ex.name, exercise(slug))) for slug, ex in library.items())


def start_keyboard(token: int, ex: Exercise | None = None) -> Keyboard:
    if ex is None:
        return (_row(token, ("Start a workout", START)),)
    return (_row(token, (f"Start {ex.name.lower()}", exercise(ex.slug))),)


def sets_keyboard(token: int, ex: Exercise) -> Keyboard:
    options = sorted({*spread(ex.programming.sets.low, ex.programming.sets.high), 3})
    return (_row(token, *((str(n), number(n)) for n in options)),)


def reps_keyboard(token: int, ex: Exercise) -> Keyboard:
    options = spread(ex.programming.reps.low, ex.programming.reps.high)
    return (_row(token, *((str(n), number(n)) for n in options)),)


def load_keyboard(token: int, last: Plan | None, unit: Unit | None = None) -> Keyboard:
    pairs = [("Bodyweight", BODYWEIGHT)]
    if last is not None and last.load is not None:
        label = f"{load_text(last.load, last.unit, unit or last.unit)} (last time)"
        pairs.append((label, load(last.load, last.unit)))
    return (_row(token, *pairs),)


def side_keyboard(token: int) -> Keyboard:
    return (_row(token, ("Left", side(Side.LEFT)), ("Right", side(Side.RIGHT))),)


def same_keyboard(token: int) -> Keyboard:
    return (_row(token, ("Same as last time", SAME), ("Change plan", CHANGE)),)


def _undo_row(token: int, undo: bool) -> Keyboard:
    return (_row(token, ("↩ Undo last set", UNDO)),) if undo else ()


def set_keyboard(token: int, target: int, undo: bool = False) -> Keyboard:
    return (
        _row(token, *((str(n), number(n)) for n in around(target))),
        _row(token, ("Other", OTHER), ("Skip", SKIP), ("Stop", STOP)),
        *_undo_row(token, undo),
    )


def switch_keyboard(token: int, undo: bool = False) -> Keyboard:
    return (_row(token, ("Go now", READY), ("Stop", STOP)), *_undo_row(token, undo))


def rest_keyboard(token: int, undo: bool = False) -> Keyboard:
    return (_row(token, ("Skip rest", READY), ("Stop", STOP)), *_undo_row(token, undo))


# What each effort answer says on its button: "right" alone reads as a side.
EFFORT_LABELS = {"easy": "Easy", "right": "Just right", "hard": "Hard"}


def effort_keyboard(token: int, undo: bool = False) -> Keyboard:
    labels = ((EFFORT_LABELS.get(word, word.capitalize()), effort(word)) for word in EFFORTS)
    return (_row(token, *labels), *_undo_row(token, undo))


def more_keyboard(token: int) -> Keyboard:
    return (_row(token, ("More", MORE)),)


def choice_keyboard(token: int, labels: list[str]) -> Keyboard:
    """One button per answer to the confirm step's question, one per row (easy to hit)."""
    return tuple(_row(token, (label, f"{CHOICE}:{i}")) for i, label in enumerate(labels))


def idle_keyboard(token: int, library: Library) -> Keyboard:
    """Everything an idle user may press: start, or start a named exercise."""
    return (*start_keyboard(token), *choose_keyboard(token, library))


_NUMERIC_ACTIONS = {BODYWEIGHT, OTHER, SKIP, STOP, READY}


def numbers_are_answers(keyboard: Keyboard) -> bool:
    """True when a typed number under this keyboard is an answer (reps, sets, a weight).

    For adapters that let users type an option's position: they must not do that here, or
    typing "2" reps would press the second button.
    """
    for row in keyboard:
        for button in row:
            decoded = decode(button.data)
            if decoded and (decoded[1] in _NUMERIC_ACTIONS or decoded[1].startswith("n:")):
                return True
    return False
