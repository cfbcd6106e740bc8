"""Kinds of gym typing a seventh unseen batch found misread: words for reps, regional effort
and pain slang, the coach's own format typed back, a unit after the count, plate slang in
pounds, homophones of counts after "did", a set logged on the wrong leg.

Each kind is tested with phrasings of its own, not the batch's lines."""

from __future__ import annotations

import pytest

from bot.coach.entry import Confirm, Context, Load, LoadChange, SetAnswer, Undo, read_entry
from bot.coach.ports import Side, Unit

KG = Context(Unit.KG, Load(10.0, Unit.KG), Side.LEFT, 10)
LB = Context(Unit.LB, Load(25.0, Unit.LB), Side.RIGHT, 10, first=False)


@pytest.mark.parametrize(
    ("text", "reps", "load"),
    [("nine repetitions", 9, None), ("10 repetition", 10, None),
     ("eight repetitions at fourteen kilo", 8, Load(14.0, Unit.KG)),
     ("11 repetitions with 12 kg", 11, Load(12.0, Unit.KG))],
)  # fmt: skip
def test_repetitions_in_full(text: str, reps: int, load: Load | None) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert (answer.reps, answer.load, answer.note) == (reps, load, None)


@pytest.mark.parametrize(
    ("text", "effort"),
    [("9 shattered", "hard"), ("10, absolutely fried", "hard"), ("8 spent", "hard"),
     ("10 cakewalk", "easy"), ("10 no sweat", "easy"), ("12 light work", "easy")],
)  # fmt: skip
def test_regional_effort_slang(text: str, effort: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert answer.effort is not None and answer.effort.value == effort, answer


@pytest.mark.parametrize("text", ["10 slight niggle in my knee", "9, knee niggling a bit"])
def test_a_niggle_is_pain(text: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer) and answer.pain, answer


@pytest.mark.parametrize(
    ("text", "reps", "side"),
    [("Set 1 left: 10", 10, None), ("Set 1 · Left · 9 reps", 9, None),
     ("Set 1 - left - 8 reps @ 10 kg", 8, None), ("✅ 10 reps @ 10 kg", 10, None),
     ("✔️ Left leg: 9", 9, None), ("• 10 reps", 10, None)],
)  # fmt: skip
def test_the_coachs_own_format_typed_back(text: str, reps: int, side: Side | None) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert answer.reps == reps and answer.load in (None, Load(10.0, Unit.KG)), answer


@pytest.mark.parametrize(
    ("text", "load"),
    [("12kg on the left", Load(12.0, Unit.KG)), ("15 kg for this side", Load(15.0, Unit.KG)),
     ("8kg felt heavy", Load(8.0, Unit.KG))],
)  # fmt: skip
def test_a_unit_straight_after_the_number_is_a_weight_never_reps(text: str, load: Load) -> None:
    assert read_entry(text, KG) == LoadChange(load)


@pytest.mark.parametrize(("text", "value"), [("one plate", 45.0), ("a quarter", 25.0)])
def test_plate_slang_in_pounds_is_asked_with_its_weight(text: str, value: float) -> None:
    found = read_entry(text, LB)
    assert isinstance(found, Confirm), found
    assert LoadChange(Load(value, Unit.LB)) in [option.result for option in found.options]


def test_a_count_with_a_plate_in_pounds_is_asked_with_its_weight() -> None:
    found = read_entry("9 with one plate on my hips", LB)
    assert isinstance(found, Confirm), found
    logged = [o.result for o in found.options if isinstance(o.result, SetAnswer)]
    assert any(answer.reps == 9 and answer.load == Load(45.0, Unit.LB) for answer in logged)


def test_a_plate_in_kilograms_asks_how_heavy() -> None:
    found = read_entry("one plate", KG)
    assert found is not None and not isinstance(found, SetAnswer | LoadChange), found


@pytest.mark.parametrize(("text", "reps"), [("did for reps", 4), ("got to reps", 2)])
def test_homophones_of_a_count_after_did(text: str, reps: int) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer) and answer.reps == reps, answer


@pytest.mark.parametrize(
    "text", ["wrong leg", "oops that was the wrong side", "logged it on the wrong leg"]
)
def test_a_set_on_the_wrong_leg_is_undone(text: str) -> None:
    assert read_entry(text, LB) == Undo()


def test_a_plate_that_is_the_weight_in_use_is_not_asked() -> None:
    at_45 = Context(Unit.LB, Load(45.0, Unit.LB), Side.LEFT, 8)
    assert read_entry("8 with one plate", at_45) == SetAnswer(8)


@pytest.mark.parametrize(
    ("text", "reps", "load"),
    [("9reps14kg", 9, Load(14.0, Unit.KG)), ("10reps @ 12kg", 10, Load(12.0, Unit.KG)),
     ("8rep", 8, None)],
)  # fmt: skip
def test_reps_written_against_the_weight(text: str, reps: int, load: Load | None) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert (answer.reps, answer.load, answer.note) == (reps, load, None)


@pytest.mark.parametrize(
    ("text", "effort"),
    [("10 idk kinda hard", "hard"), ("9 i guess ok", "ok"), ("kinda easy 12", "easy"),
     ("pretty tough 8", "hard")],
)  # fmt: skip
def test_hedged_effort_words(text: str, effort: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert answer.effort is not None and answer.effort.value == effort, answer


@pytest.mark.parametrize(
    ("text", "pain"),
    [("10, glute tweaked", True), ("9 tweaky hammy", True), ("10 the good kind of pain", False),
     ("12 burns so good", False), ("10 knee popped but no pain", False),
     ("10 knee sore, no pain though", False), ("10 no pain but my knee hurts", True),
     ("8 tweaked my foot position", False)],
)  # fmt: skip
def test_pain_read_with_its_kind(text: str, pain: bool) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert answer.pain is pain, answer


def test_two_numbers_crossed_near_neither_the_load_nor_a_plan_are_asked_both_ways() -> None:
    at_16 = Context(Unit.KG, Load(16.0, Unit.KG), Side.LEFT, 8)
    found = read_entry("22x8", at_16)
    assert isinstance(found, Confirm), found
    offered = [option.result for option in found.options]
    assert offered[:2] == [SetAnswer(8, Load(22.0, Unit.KG)), SetAnswer(22, Load(8.0, Unit.KG))]


@pytest.mark.parametrize(
    ("text", "reps", "load"),
    [("20kg 10 reps", 10, Load(20.0, Unit.KG)), ("12.5kg, 9", 9, Load(12.5, Unit.KG)),
     ("10kg10", 10, Load(10.0, Unit.KG)), ("14 kgs 8 easy", 8, Load(14.0, Unit.KG))],
)  # fmt: skip
def test_a_weight_then_its_count_with_no_x(text: str, reps: int, load: Load) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert (answer.reps, answer.load) == (reps, load)


def test_a_weight_is_never_logged_as_the_count() -> None:
    found = read_entry("20kg and 10 reps later", KG)
    assert not isinstance(found, SetAnswer), found


@pytest.mark.parametrize(
    ("text", "effort"), [("10, an easy one", "easy"), ("9 a tough one", "hard")]
)
def test_an_effort_said_of_the_one_just_done(text: str, effort: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert answer.effort is not None and answer.effort.value == effort and answer.note is None


@pytest.mark.parametrize("text", ["one sec", "1 min, need water", "2 mins rest pls", "one moment"])
def test_a_length_of_time_is_never_a_count(text: str) -> None:
    assert not isinstance(read_entry(text, KG), SetAnswer)


def test_a_quarter_in_kilograms_is_no_plate() -> None:
    answer = read_entry("10, only a quarter of the way down", KG)
    assert isinstance(answer, SetAnswer) and answer.reps == 10, answer
