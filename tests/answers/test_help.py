"""The /help text says what to ask and how to log a set, in one phone message."""

from __future__ import annotations

from bot.answers.answerer import Answerer
from bot.answers.help import help_text
from bot.answers.model import Topic
from bot.content import Library


def test_help_names_questions_and_every_way_to_log(library: Library) -> None:
    text = help_text(library)
    assert len(text) < 600
    for token in ("12", "12 @ 12.5kg", "10 hard", "undo", "skip", "stop", "more", "muscles"):
        assert token in text


def test_typing_help_gets_the_help_text(answerer: Answerer, library: Library) -> None:
    for question in ("help", "Help!", "what can I ask?"):
        answer = answerer.answer(question, "hip-thrust")
        assert answer.topic is Topic.NONE and answer.text == help_text(library)
