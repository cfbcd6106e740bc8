"""The set-entry language: what a typed line at a set step means, read without side effects."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.coach.entry import (
    BothSides,
    Confirm,
    Context,
    Effort,
    Load,
    LoadChange,
    PainReport,
    Ready,
    Refused,
    Replace,
    SetAnswer,
    Skip,
    Stop,
    Undo,
    read_entry,
)
from bot.coach.ports import Side, Unit

KG = Context(Unit.KG, Load(10.0, Unit.KG), Side.LEFT, 10)
LB = Context(Unit.LB, Load(135.0, Unit.LB), Side.RIGHT, 8)


def kg(value: float | None) -> Load:
    return Load(value, Unit.KG)


def lb(value: float | None) -> Load:
    return Load(value, Unit.LB)


@pytest.mark.parametrize(
    ("text", "reps"),
    [("10", 10), ("ten", 10), ("Twelve reps", 12), ("twenty-five", 25), ("twenty", 20),
     ("1️⃣0️⃣", 10), ("9️⃣", 9), ("🔟", 10), ("１０", 10), ("10reps", 10), ("10r", 10),
     ("x10", 10), ("did 9", 9), ("8/10", 8), ("8 of 10", 8), ("done", 10), ("👍", 10)],
)  # fmt: skip
def test_counts_in_digits_words_and_emoji(text: str, reps: int) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer)
    assert (answer.reps, answer.load, answer.side, answer.note) == (reps, None, None, None)


@pytest.mark.parametrize(
    ("text", "reps", "load"),
    [("12 @ 12.5kg", 12, kg(12.5)), ("12x12.5kg", 12, kg(12.5)), ("12 x 12.5kg", 12, kg(12.5)),
     ("12.5kg x 12", 12, kg(12.5)), ("12 reps at 25kg", 12, kg(25)), ("12 with 25 kg", 12, kg(25)),
     ("12@25", 12, kg(25)), ("12 @ 12,5kg", 12, kg(12.5)), ("12 @ 30 kilos", 12, kg(30)),
     ("12 @ 25lb", 12, lb(25)), ("12 @ 25 pounds", 12, lb(25)), ("12 @ bw", 12, kg(None)),
     ("12 @ 12.25kg", 12, kg(12.25)), ("Set 2: 30 kgs x 8", 8, kg(30)),
     ("1x10 @ 12.5", 10, kg(12.5)), ("10 @ 12.5 kh", 10, kg(12.5))],
)  # fmt: skip
def test_loads_in_the_notations_lifters_use(text: str, reps: int, load: Load) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer) and (answer.reps, answer.load) == (reps, load)


def test_a_load_without_unit_is_in_the_users_unit_and_its_limits() -> None:
    heavy = replace(LB, load=lb(500))
    assert read_entry("8 @ 600", heavy) == SetAnswer(8, lb(600))
    assert isinstance(read_entry("8 @ 600", KG), Refused)  # 600 kg is beyond what is logged
    assert read_entry("135 x 8", LB) == SetAnswer(8, lb(135))  # weight x reps
    assert read_entry("8@135#", LB) == SetAnswer(8, lb(135))  # the pounds sign


@pytest.mark.parametrize(
    ("text", "load"),
    [("12 kg", kg(12)), ("@15kg", kg(15)), ("15kg", kg(15)), ("25 lb", lb(25)),
     ("225 lbs", lb(225)), ("@ 12.5", kg(12.5)), ("going up to 12.5", kg(12.5)),
     ("now 15kg", kg(15)), ("+2.5kg", kg(12.5)), ("drop 2.5kg", kg(7.5)), ("bodyweight", kg(None))],
)  # fmt: skip
def test_a_weight_alone_changes_the_load_and_logs_nothing(text: str, load: Load) -> None:
    assert read_entry(text, KG) == LoadChange(load)


@pytest.mark.parametrize(
    "text", ["10 @ 12.555kg", "10 @ 12.1kg", "12.1 kg", "10 @ 0kg", "10 @ -5kg", "10 @ 600kg"]
)
def test_loads_beyond_plates_or_limits_are_refused_never_rounded(text: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, Refused) and 10 < len(answer.reason) < 120


def test_pounds_allow_half_a_pound_and_no_finer() -> None:
    light = replace(LB, load=lb(25))
    assert read_entry("8 @ 27.5lb", light) == SetAnswer(8, lb(27.5))
    assert isinstance(read_entry("8 @ 27.25lb", light), Refused)


@pytest.mark.parametrize(
    ("text", "effort", "rpe", "rir"),
    [("10 easy", Effort.EASY, None, None), ("10 tough", Effort.HARD, None, None),
     ("10, ok", Effort.OK, None, None), ("10 felt fairly easy", Effort.EASY, None, None),
     ("8 to failure", Effort.FAILURE, None, None), ("10 rpe 8", None, 8.0, None),
     ("10 @ rpe 8.5", None, 8.5, None), ("10 rir 2", None, None, 2),
     ("10 2 in the tank", None, None, 2), ("10, 2 left in the tank", None, None, 2),
     ("10 could have done 2 more", None, None, 2), ("10 hard rpe 9", Effort.HARD, 9.0, None)],
)  # fmt: skip
def test_effort_words_rpe_and_rir(
    text: str, effort: Effort | None, rpe: float | None, rir: int | None
) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer)
    assert (answer.reps, answer.effort, answer.rpe, answer.rir, answer.side) == (
        int(text.split()[0].rstrip(",")), effort, rpe, rir, None)  # fmt: skip


def test_at_n_is_an_rpe_far_from_the_load_and_a_load_near_it() -> None:
    assert read_entry("8 @ 9", LB) == SetAnswer(8, rpe=9.0)  # 9 lb is no step from 135 lb
    assert read_entry("10 @ 12", KG) == SetAnswer(10, kg(12))
    assert read_entry("10 @ 12.5kg @ 8.5", KG) == SetAnswer(10, kg(12.5), rpe=8.5)


@pytest.mark.parametrize("text", ["10 rpe 7.3", "10 rpe 11", "10 rir 1.5", "10 rir 12"])
def test_impossible_rpe_and_rir_are_refused(text: str) -> None:
    assert isinstance(read_entry(text, KG), Refused)


@pytest.mark.parametrize(
    "text",
    ["10 no pain", "10 pain free", "10 pain-free", "10, knee didn't hurt this time",
     "10 without pain", "10 didnt hurt", "10 no knee pain today", "10 not painful",
     "10 zero pain", "10 nothing hurt", "10 hamstring cramped"],
)  # fmt: skip
def test_negated_pain_is_no_pain(text: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer) and answer.reps == 10 and not answer.pain


@pytest.mark.parametrize(
    "text", ["10 knee hurts", "8 sharp pain in my knee", "6 lower back tweaked", "10 slight pain"]
)
def test_real_pain_is_reported_with_its_note(text: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer) and answer.pain and answer.note


def test_pain_without_a_count_and_a_stop_for_pain() -> None:
    assert read_entry("my knee hurts", KG) == PainReport("my knee hurts")
    assert read_entry("stop, knee hurts", KG) == Stop("knee hurts", pain=True)
    assert read_entry("will this hurt my knees?", KG) is None  # a question, not a report


def test_side_words_are_a_side_never_an_effort_or_a_note() -> None:
    assert read_entry("left 10", KG) == SetAnswer(10, side=Side.LEFT)
    assert read_entry("10 left", KG) == SetAnswer(10, side=Side.LEFT)
    assert read_entry("8 right leg", LB) == SetAnswer(8, side=Side.RIGHT)
    contradiction = read_entry("10 right", KG)
    assert isinstance(contradiction, Confirm)
    assert {option.result for option in contradiction.options} == {
        SetAnswer(10, side=Side.RIGHT), SetAnswer(10, side=Side.LEFT)}  # fmt: skip
    inside_a_note = read_entry("6 my left knee hurts a bit", LB)
    assert isinstance(inside_a_note, SetAnswer) and inside_a_note.side is None
    two_legs = Context(Unit.KG, Load(None, Unit.KG), Side.BOTH, 12)
    assert isinstance(read_entry("left 12", two_legs), Refused)


@pytest.mark.parametrize("text", ["undo", "oops", "scratch that", "delete last set", "Oops!"])
def test_undo(text: str) -> None:
    assert read_entry(text, KG) == Undo()


@pytest.mark.parametrize(
    ("text", "reps", "side"),
    [("I meant 9", 9, None), ("make that 9", 9, None), ("edit last set to 9", 9, None),
     ("oops I meant 10", 10, None), ("actually 9", 9, None), ("*9", 9, None),
     ("oops left was 8", 8, Side.LEFT), ("7 actually", 7, None),
     ("actually make that last one 12", 12, None), ("nvm left was 9", 9, Side.LEFT),
     ("left should be 9", 9, Side.LEFT), ("change left to 9", 9, Side.LEFT),
     ("Hang on, right leg was 11", 11, Side.RIGHT)],
)  # fmt: skip
def test_replacing_the_last_set(text: str, reps: int, side: Side | None) -> None:
    assert read_entry(text, KG) == Replace(SetAnswer(reps, side=side))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("sorry it was 9 not 10", Replace(SetAnswer(9), was=10)),
     ("that was 9 not 10", Replace(SetAnswer(9), was=10)),
     ("wait i did 7 on the left not 8", Replace(SetAnswer(7, side=Side.LEFT), was=8)),
     ("oops set 1 left was 11 not 12", Replace(SetAnswer(11, side=Side.LEFT), 1, 12)),
     ("set 2 was 9", Replace(SetAnswer(9), set_number=2)),
     ("change left on set 1 to 8", Replace(SetAnswer(8, side=Side.LEFT), set_number=1))],
)  # fmt: skip
def test_a_correction_names_the_set_it_fixes(text: str, expected: Replace) -> None:
    """The side, the set and the wrong count named say which logged set is fixed."""
    assert read_entry(text, KG) == expected


@pytest.mark.parametrize("text", ["did 9", "got 9", "wait", "i did 9 reps"])
def test_a_count_said_without_a_correction_word_is_no_correction(text: str) -> None:
    assert not isinstance(read_entry(text, KG), Replace)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("skip", Skip()), ("skip this side", Skip()), ("skip left", Skip(Side.LEFT)),
     ("finish", Stop()), ("im done for today", Stop()), ("That's it for today!", Stop()),
     ("skip rest", Ready()), ("go", Ready())],
)  # fmt: skip
def test_skip_stop_and_rest_over(text: str, expected: object) -> None:
    assert read_entry(text, KG) == expected


@pytest.mark.parametrize(("text", "target"), [("100", 10), ("30", 10), ("51", 20), ("60", 30)])
def test_a_count_far_from_the_target_is_queried(text: str, target: int) -> None:
    context = Context(Unit.KG, Load(10.0, Unit.KG), Side.LEFT, target)
    asked = read_entry(text, context)
    assert isinstance(asked, Confirm)
    first, second = asked.options[0].result, asked.options[1].result
    assert first == SetAnswer(int(text)) and second == SetAnswer(target)  # "I meant 10"


def test_counts_near_the_target_are_not_queried() -> None:
    assert read_entry("25", KG) == SetAnswer(25)
    assert read_entry("50", Context(Unit.KG, Load(None, Unit.KG), Side.LEFT, 20)) == SetAnswer(50)


IMPOSSIBLE = ["0", "-5", "−5", "201", "1000000", "1e9", "1,000", "10.5 reps", "0 reps",
              "12 @", "12 @ heavy", "165 x 5 x 3"]  # fmt: skip


@pytest.mark.parametrize("text", IMPOSSIBLE)
def test_impossible_counts_are_refused_with_a_reason(text: str) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, Refused) and 10 < len(answer.reason) < 120


def test_a_bare_decimal_asks_whether_it_is_the_weight() -> None:
    asked = read_entry("12,5", KG)
    assert isinstance(asked, Confirm) and asked.options[0].result == LoadChange(kg(12.5))


@pytest.mark.parametrize(
    "text",
    ["how low should my hips go?", "what weight should I use", "ok", "thanks", "lol", "🙂",
     "is 10 reps enough?", "should I do 12 next time?", "", "   ", "١٠", "x" * 600],
)  # fmt: skip
def test_questions_and_chatter_are_not_sets(text: str) -> None:
    assert read_entry(text, KG) is None


def test_the_note_is_the_free_text_after_the_numbers_as_typed() -> None:
    lost = SetAnswer(9, note="Lost balance on rep 7")
    assert read_entry("9 Lost balance on rep 7", KG) == lost
    assert read_entry("10 - hips dropped", KG) == SetAnswer(10, note="hips dropped")
    assert read_entry("10 easy, felt strong", KG) == SetAnswer(
        10, effort=Effort.EASY, note="felt strong")  # fmt: skip
    assert isinstance(read_entry("10 " + "a" * 300, KG), Refused)
    assert isinstance(read_entry("10 what muscles does this work?", KG), Refused)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("L10", SetAnswer(10, side=Side.LEFT)), ("8L", SetAnswer(8, side=Side.LEFT)),
     ("l: 9", SetAnswer(9, side=Side.LEFT)), ("10r", SetAnswer(10)), ("10 each", SetAnswer(10)),
     ("8 ea", SetAnswer(8)), ("12e", SetAnswer(12)), ("8/side", SetAnswer(8)),
     ("10 reps per leg", SetAnswer(10)), ("12 (each leg)", SetAnswer(12)),
     ("8 left weaker", SetAnswer(8, note="left weaker"))],
)  # fmt: skip
def test_side_shorthand_and_per_side_words(text: str, expected: SetAnswer) -> None:
    assert read_entry(text, KG) == expected


@pytest.mark.parametrize("text", ["R10", "10 R", "6 r"])
def test_a_side_letter_against_the_awaited_side_is_asked(text: str) -> None:
    assert isinstance(read_entry(text, KG), Confirm)


@pytest.mark.parametrize(
    "text", ["L10 R9", "left 10 right 9", "left: 10, right: 9", "10L 9R", "10/9", "10 & 9"]
)
def test_both_legs_in_one_message_are_asked_with_both_in_the_prompts_order(text: str) -> None:
    asked = read_entry(text, KG)
    assert isinstance(asked, Confirm)
    assert asked.options[0].result == BothSides(SetAnswer(10), SetAnswer(9, side=Side.RIGHT))
    assert SetAnswer(10) in {option.result for option in asked.options}


def test_both_legs_at_the_second_leg_log_only_the_awaited_one() -> None:
    second = replace(KG, side=Side.RIGHT, first=False)
    asked = read_entry("L10 R9", second)
    assert isinstance(asked, Confirm) and asked.options[0].result == SetAnswer(9)
    assert read_entry("9/10", KG) == SetAnswer(9)  # of a target of 10: a count, not two legs


@pytest.mark.parametrize(
    ("text", "effort", "rir", "reps"),
    [("10 harder than last", Effort.HARD, None, 10), ("11, last one was a grind", Effort.HARD,
      None, 11), ("10 easier", Effort.EASY, None, 10), ("10 smooth", Effort.EASY, None, 10),
     ("8 💀", Effort.HARD, None, 8), ("ugh 6", Effort.HARD, None, 6), ("6f", Effort.FAILURE,
      None, 6), ("8 nothing left in the tank", None, 0, 8), ("8, tank empty", None, 0, 8),
     ("7, 1 left in tank", None, 1, 7), ("5 couldnt get the 6th", Effort.FAILURE, None, 5),
     ("failed at 8", Effort.FAILURE, None, 8), ("failed on the 9th", Effort.FAILURE, None, 8),
     ("missed 2", None, None, 8), ("one short", None, None, 9), ("all but one", None, None, 9)],
)  # fmt: skip
def test_effort_said_in_words_and_counts_said_by_what_failed(
    text: str, effort: Effort | None, rir: int | None, reps: int
) -> None:
    answer = read_entry(text, KG)
    assert isinstance(answer, SetAnswer)
    assert (answer.reps, answer.effort, answer.rir, answer.note) == (reps, effort, rir, None)


@pytest.mark.parametrize(("text", "reps"), [("ate reps", 8), ("1o", 10), ("TWELVE", 12)])
def test_speech_to_text_and_typos(text: str, reps: int) -> None:
    assert read_entry(text, KG) == SetAnswer(reps)
    assert read_entry("eight reps at twelve and a half kilos", KG) == SetAnswer(8, kg(12.5))


def test_same_is_the_last_count_and_the_target_before_any() -> None:
    assert read_entry("same", replace(KG, last=8)) == SetAnswer(8)
    assert read_entry("again", KG) == SetAnswer(10)


@pytest.mark.parametrize(
    "text",
    ["gotta go", "that's me done", "im done, gotta go", "ok I'm done for today", "done today"],
)
def test_more_ways_to_stop(text: str) -> None:
    assert isinstance(read_entry(text, KG), Stop)


@pytest.mark.parametrize(
    "text", ["not doing this side today", "no right today, knee", "skip set 2", "ok skip"]
)
def test_more_ways_to_skip(text: str) -> None:
    assert isinstance(read_entry(text, replace(KG, side=Side.RIGHT)), Skip)


def test_skip_with_pain_as_the_reason_is_pain_not_a_skip() -> None:
    assert isinstance(read_entry("skip, knee hurts", KG), PainReport)


def test_a_pain_note_is_kept_whole_and_ok_pain_still_stops() -> None:
    sore = read_entry("10 reps, left knee a bit sore but ok", KG)
    assert isinstance(sore, SetAnswer) and sore.pain and sore.note == "left knee a bit sore but ok"
    fine = read_entry("10 — knee ok", KG)
    assert isinstance(fine, SetAnswer) and not fine.pain and fine.note == "knee ok"


def test_loads_near_far_and_ambiguous_are_asked() -> None:
    assert isinstance(read_entry("10 @ 100", KG), Confirm)  # ten times the current load
    assert isinstance(read_entry("10 @7.5", KG), Confirm)  # an RPE, or 7.5 kg?
    assert read_entry("8 @ 9", LB) == SetAnswer(8, rpe=9.0)  # far from 135 lb: an RPE
    assert isinstance(read_entry("20", replace(KG, load=kg(20), target=8)), Confirm)
    assert isinstance(read_entry("3x10", KG), Confirm)  # a plan: log one set of it?
    assert read_entry("12.5x10", KG) == SetAnswer(10, kg(12.5))
    bodyweight = replace(KG, load=kg(None))
    assert read_entry("12 +5kg", bodyweight) == SetAnswer(12, kg(5))
    assert read_entry("10 with the 30s", replace(LB, load=lb(25))) == SetAnswer(10, lb(30))
    assert read_entry("20kg bell", KG) == LoadChange(kg(20))


@pytest.mark.parametrize(
    ("text", "effort"),
    [("15 reps, too easy 😴", Effort.EASY), ("got 6 then failed", Effort.FAILURE),
     ("8 and it was a struggle", Effort.HARD), ("10 hard 🔥", Effort.HARD),
     ("9 then hit failure", Effort.FAILURE), ("10, easy lol", Effort.EASY)],
)  # fmt: skip
def test_effort_said_after_the_count(text: str, effort: Effort) -> None:
    found = read_entry(text, KG)
    assert isinstance(found, SetAnswer) and found.effort is effort and found.note is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [("bench is taken, skip this one", "bench is taken"),
     ("band snapped lol, skipping these", "band snapped lol"),
     ("someone's on the bench, moving on", "someone's on the bench"),
     ("no band today", "no band today"), ("skip set 2, no time", "no time")],
)  # fmt: skip
def test_a_skip_with_a_reason(text: str, reason: str) -> None:
    assert read_entry(text, KG) == Skip(reason=reason)


@pytest.mark.parametrize(
    "text", ["should I skip this if my knee hurts?", "is it ok to skip this one?"]
)
def test_asking_about_a_skip_is_a_question(text: str) -> None:
    assert read_entry(text, KG) is None


def test_pain_is_no_reason_to_skip() -> None:
    assert isinstance(read_entry("knee hurts, skipping", KG), PainReport)


@pytest.mark.parametrize(
    ("text", "kg"),
    [("+2kg next set", 12.0), ("going up 2.5 next set", 12.5), ("added a 5kg plate", 15.0),
     ("dropping down 2.5", 7.5), ("holding a 10kg plate on my hips now", 10.0),
     ("up 5 for the next set", 15.0)],
)  # fmt: skip
def test_a_load_said_as_what_changes_for_the_next_set(text: str, kg: float) -> None:
    assert read_entry(text, KG) == LoadChange(Load(kg, Unit.KG))
