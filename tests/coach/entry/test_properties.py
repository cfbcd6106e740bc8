"""Any text at a set step reads as a well-formed result: never an exception, always in limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.entry import (
    BothSides,
    Confirm,
    Context,
    Entry,
    Load,
    LoadChange,
    PainReport,
    Refused,
    Replace,
    SetAnswer,
    Stop,
    read_entry,
)
from bot.coach.entry.loads import LOAD_MAX, STEP
from bot.coach.entry.typed_text import NOTE_MAX, REPS_MAX
from bot.coach.ports import Side, Unit

# Pieces lifters type, so random text often is a set, and often nearly one.
PIECES = [
    "L", "R", "8L", "each", "same", "again", "/", "&", "the 30s", "+5kg", "harder", "f", "ugh",
    "10", "12", "0", "-3", "250", "1e9", "12.5", "12,5", "12.555", "@", "x", "kg", "lb", "#",
    "reps", "rpe", "rir", "8.5", "in the tank", "left", "right", "leg", "no", "pain", "hurts",
    "didn't", "free", "easy", "hard", "failure", "oops", "I meant", "undo", "skip", "stop",
    "done", "today", "bw", "at", "with", "?", ",", "-", "1️⃣", "ten", "twenty", "🔟", " ",
]  # fmt: skip
typed = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=6).map("".join),
)
contexts = st.builds(
    Context,
    st.sampled_from(list(Unit)),
    st.builds(
        Load, st.none() | st.sampled_from([2.5, 10.0, 22.5, 135.0]), st.sampled_from(list(Unit))
    ),
    # The sides a set step awaits (an imported set's UNKNOWN is never awaited).
    st.sampled_from([Side.LEFT, Side.RIGHT, Side.BOTH]),
    st.integers(1, 100),
    st.none() | st.integers(1, 60),
    st.booleans(),
    st.booleans(),
)


def _load_is_loggable(load: Load | None) -> None:
    if load is None or load.value is None:
        return
    assert 0 < load.value <= LOAD_MAX[load.unit]
    steps = load.value / STEP[load.unit]
    assert abs(steps - round(steps)) < 1e-9  # never finer than plates


def _set_is_well_formed(answer: SetAnswer, context: Context) -> None:
    assert 1 <= answer.reps <= REPS_MAX
    _load_is_loggable(answer.load)
    assert answer.rpe is None or (1 <= answer.rpe <= 10 and answer.rpe * 2 == int(answer.rpe * 2))
    assert answer.rir is None or 0 <= answer.rir <= 10
    assert answer.note is None or (0 < len(answer.note) <= NOTE_MAX and answer.note.strip())
    assert answer.pain is False or answer.note is not None  # pain is logged with what was said


def _check(result: Entry | None, context: Context, direct: bool) -> None:
    if isinstance(result, SetAnswer):
        _set_is_well_formed(result, context)
        if direct:  # logged as it stands: the awaited side, and not far from the target
            assert result.side in (None, context.side)
            assert result.reps < 3 * context.target or result.reps <= 50
    elif isinstance(result, BothSides):  # only ever offered, never logged unasked
        assert not direct and context.side is not Side.BOTH
        _set_is_well_formed(result.first, context)
        _set_is_well_formed(result.second, context)
        assert result.first.side is None and result.second.side not in (None, context.side)
    elif isinstance(result, LoadChange):
        _load_is_loggable(result.load)
    elif isinstance(result, Replace):
        _set_is_well_formed(result.entry, context)
    elif isinstance(result, Confirm):
        assert result.question and 2 <= len(result.options) <= 3
        for option in result.options:
            assert option.label
            _check(option.result, context, direct=False)
    elif isinstance(result, Refused):
        assert 10 < len(result.reason) < 200
    elif isinstance(result, PainReport):
        assert 0 < len(result.note) <= NOTE_MAX
    elif isinstance(result, Stop):
        assert result.reason is None or len(result.reason) <= NOTE_MAX


@settings(max_examples=1500, deadline=None)
@given(typed, contexts)
def test_any_text_reads_as_a_well_formed_result(text: str, context: Context) -> None:
    _check(read_entry(text, context), context, direct=True)


@settings(max_examples=300, deadline=None)
@given(typed, contexts)
def test_reading_is_pure(text: str, context: Context) -> None:
    assert read_entry(text, context) == read_entry(text, context)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, REPS_MAX), contexts)
def test_every_plain_count_is_logged_or_queried_never_lost(reps: int, context: Context) -> None:
    result = read_entry(str(reps), context)
    if isinstance(result, Confirm):
        assert result.options[0].result == SetAnswer(reps)
    else:
        assert result == SetAnswer(reps)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 30), st.integers(1, 2000), contexts)
def test_a_kg_load_is_kept_exactly_at_plate_precision(
    reps: int, quarter_kg: int, context: Context
) -> None:
    value = quarter_kg / 4
    result = read_entry(f"{reps} @ {value:g}kg", context)
    if isinstance(result, Confirm):  # far from the target: the set is the first option
        result = result.options[0].result
    assert isinstance(result, SetAnswer)
    assert (result.reps, result.load) == (reps, Load(value, Unit.KG))


after_a_weight = st.lists(
    st.sampled_from(["10", "8 reps", "x 9", "easy", "for 12", ",", "left", "rpe 8", "?", "ok"]),
    max_size=3,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["12", "20", "12.5", "7,5", "45", "100"]),
    st.sampled_from(["kg", " kg", "kgs", " kilos", "lb", " lbs", " pounds", "#"]),
    after_a_weight,
    contexts,
)
def test_a_number_with_its_unit_is_never_logged_as_the_count(
    number: str, unit: str, rest: str, context: Context
) -> None:
    found = read_entry(f"{number}{unit} {rest}".strip(), context)
    if isinstance(found, SetAnswer) and str(found.reps) == number:
        assert found.load is not None  # the count is another number, or the weight is kept
