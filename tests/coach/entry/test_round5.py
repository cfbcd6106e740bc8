"""Kinds of gym typing a fifth unseen batch found misread: bodyweight written first or alone,
a zero pain score, undo and skip said with other verbs, a stop led by "im", two bare numbers.

Each kind is tested with phrasings of its own, not the batch's lines."""

from __future__ import annotations

import pytest

from bot.coach.entry import (
    Confirm,
    Context,
    Load,
    LoadChange,
    Refused,
    SetAnswer,
    Skip,
    Stop,
    Undo,
    read_entry,
)
from bot.coach.ports import Side, Unit

KG = Context(Unit.KG, Load(10.0, Unit.KG), Side.LEFT, 10)
RIGHT_AFTER_LEFT = Context(Unit.KG, Load(10.0, Unit.KG), Side.RIGHT, 10, first=False)


@pytest.mark.parametrize(
    ("text", "reps"),
    [("bw x 12", 12), ("BW x12", 12), ("bodyweight x 9", 9), ("bw for 11", 11),
     ("body weight for 8", 8), ("12 x bw", 12), ("9 x bodyweight", 9)],
)  # fmt: skip
def test_bodyweight_written_with_the_count_logs_the_count_without_a_load(
    text: str, reps: int
) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert (answer.reps, answer.load, answer.note) == (reps, Load(None, Unit.KG), None)


@pytest.mark.parametrize(
    "text",
    ["bw only", "just bw", "just bodyweight now", "bw from now on", "no weight now",
     "ditching the weight", "no more weight", "bodyweight only from here"],
)  # fmt: skip
def test_bodyweight_alone_drops_the_load_and_logs_nothing(text: str) -> None:
    assert read_entry(text, KG) == LoadChange(Load(None, Unit.KG))


@pytest.mark.parametrize(
    "text",
    ["10 pain 0/10", "10, pain 0", "10 pain: 0", "10 0/10 pain", "10 pain zero", "10 pain 0 / 10",
     "10 pain score 0"],
)  # fmt: skip
def test_a_zero_pain_score_is_no_pain(text: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert (answer.reps, answer.pain) == (10, False)


@pytest.mark.parametrize("text", ["10 pain 3/10", "10 pain 6 out of 10", "10, knee pain 2/10"])
def test_a_pain_score_above_zero_is_still_pain(text: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert answer.pain


@pytest.mark.parametrize(
    "text",
    ["erase last entry", "remove the last one", "remove previous set", "clear last set",
     "delete previous", "get rid of that last set", "wipe that", "remove last entry please",
     "undo previous entry", "cancel the last entry"],
)  # fmt: skip
def test_undo_said_with_other_verbs_and_objects(text: str) -> None:
    assert read_entry(text, RIGHT_AFTER_LEFT) == Undo()


@pytest.mark.parametrize(
    ("text", "side"),
    [("pass on this side", None), ("passing on this one", None), ("ill pass on this one", None),
     ("im gonna skip this one", None), ("i'll skip the left", Side.LEFT),
     ("imma skip left", Side.LEFT), ("going to skip left, hammy cramp", Side.LEFT)],
)  # fmt: skip
def test_skip_led_by_a_subject_or_said_as_pass(text: str, side: Side | None) -> None:
    found = read_entry(text, KG)
    assert isinstance(found, Skip), found
    assert found.side == side


@pytest.mark.parametrize(
    "text",
    ["im calling it", "i'm calling it here", "im calling it a day, legs are dead",
     "im wrapping up", "i'm finishing here", "gonna call it", "im stopping there"],
)  # fmt: skip
def test_stop_led_by_a_subject(text: str) -> None:
    found = read_entry(text, KG)
    assert isinstance(found, Stop), found


@pytest.mark.parametrize("text", ["10 12", "8 15", "10  11 "])
def test_two_bare_numbers_are_asked_never_logged_as_reps_and_a_note(text: str) -> None:
    found = read_entry(text, RIGHT_AFTER_LEFT)
    assert isinstance(found, Confirm | Refused), found
    if isinstance(found, Confirm):
        assert "?" in found.question


def test_two_bare_numbers_offer_the_second_as_the_weight_when_it_can_be_one() -> None:
    found = read_entry("10 12", RIGHT_AFTER_LEFT)
    assert isinstance(found, Confirm)
    answers = [option.result for option in found.options]
    assert SetAnswer(10, Load(12.0, Unit.KG)) in [o.result for o in found.options]
    assert SetAnswer(10) in answers


@pytest.mark.parametrize(("text", "effort"), [("9 tough one", "hard"), ("8 easy one", "easy")])
def test_a_number_word_in_the_remark_is_no_second_number(text: str, effort: str) -> None:
    answer = read_entry(text, RIGHT_AFTER_LEFT)
    assert isinstance(answer, SetAnswer), answer
    assert answer.effort is not None and answer.effort.value == effort


@pytest.mark.parametrize(("text", "reps"), [("i make 9", 9), ("I do 8 reps", 8), ("made 7", 7)])
def test_counts_said_with_make_or_do(text: str, reps: int) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer), answer
    assert answer.reps == reps


@pytest.mark.parametrize(
    ("text", "reason"),
    [("phone about to die, stopping here", "phone about to die"),
     ("legs gone. I quit", "legs gone"), ("late for work - finishing now", "late for work")],
)  # fmt: skip
def test_a_stop_after_its_reason(text: str, reason: str) -> None:
    found = read_entry(text, KG)
    assert isinstance(found, Stop), found
    assert found.reason == reason and not found.pain


def test_a_stop_after_a_painful_reason_is_a_stop_for_pain() -> None:
    found = read_entry("knee really hurts, I quit", KG)
    assert isinstance(found, Stop) and found.pain, found


def test_a_count_with_a_stop_word_is_still_a_set() -> None:
    assert isinstance(read_entry("10, done", KG), SetAnswer)


@pytest.mark.parametrize("text", ["skip this side", "skip that one", "skip this leg"])
def test_a_skip_naming_a_side_during_the_rest_skips_the_side_coming(text: str) -> None:
    resting = Context(Unit.KG, Load(10.0, Unit.KG), Side.LEFT, 10, waiting=True)
    assert read_entry(text, resting) == Skip(Side.LEFT)


def test_a_bare_skip_during_the_rest_skips_the_rest() -> None:
    resting = Context(Unit.KG, Load(10.0, Unit.KG), Side.LEFT, 10, waiting=True)
    assert read_entry("skip", resting) == Skip(None)
