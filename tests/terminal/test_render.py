"""Terminal buttons: numbered options, labels where numbers are reps, typed lines to events."""

from __future__ import annotations

from bot.coach import keyboards as kb
from bot.coach.events import Command, Press, Text
from bot.coach.replies import Button, Outcome, Reply
from bot.terminal.screen import keyboard_after, read_line, show, show_keyboard

CHOOSE = (
    (Button("Single-leg hip thrust", kb.encode(3, "e:single-leg-hip-thrust")),),
    (Button("Glute bridge", kb.encode(3, "e:glute-bridge")),),
)
REPS = kb.set_keyboard(4, 10)
REST = kb.rest_keyboard(5)


def test_options_are_numbered_where_numbers_are_not_answers() -> None:
    assert show_keyboard(CHOOSE) == ["  1) Single-leg hip thrust", "  2) Glute bridge"]


def test_rep_buttons_show_their_labels_only() -> None:
    assert show_keyboard(REPS) == ["  [8]  [9]  [10]  [11]  [12]  [Other]  [Skip]  [Stop]"]


def test_typing_a_number_or_the_words_presses_an_option() -> None:
    assert read_line("2\n", CHOOSE) == Press(kb.encode(3, "e:glute-bridge"))
    assert read_line("glute bridge", CHOOSE) == Press(kb.encode(3, "e:glute-bridge"))
    assert read_line("3", CHOOSE) == Text("3")  # no third option: the coach reads it


def test_a_number_during_a_set_or_a_rest_is_reps_not_an_option() -> None:
    assert read_line("10", REPS) == Press(kb.encode(4, "n:10"))  # the "10" button itself
    assert read_line("7", REPS) == Text("7")
    assert read_line("1", REST) == Text("1")  # not "Skip rest", the first option
    assert read_line("2", REST) == Text("2")  # and never "Stop"
    assert read_line("Skip rest", REST) == Press(kb.encode(5, "go"))


def test_commands_and_blank_lines() -> None:
    assert read_line("/workout slht 3x10 @ 10kg", ()) == Command("workout", "slht 3x10 @ 10kg")
    assert read_line("/HELP", ()) == Command("help", "")
    assert read_line("   \n", CHOOSE) is None


def test_the_options_are_the_newest_shown() -> None:
    with_buttons = Outcome([Reply("Pick", CHOOSE)])
    assert keyboard_after(with_buttons, ()) == CHOOSE
    assert keyboard_after(Outcome([Reply("Logged: hard.")]), CHOOSE) == ()
    assert keyboard_after(Outcome(notice="Already logged"), CHOOSE) == CHOOSE


def test_notices_are_shown_but_not_the_plain_logged_toast() -> None:
    assert show(Outcome(notice="That button is out of date")) == ["(That button is out of date)"]
    assert show(Outcome([Reply("Left leg: 10 ✓")], notice="Logged")) == ["Left leg: 10 ✓"]
