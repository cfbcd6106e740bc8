"""Placeholder until the answerer lands: same signature, refuses everything."""

from __future__ import annotations

from bot.answers.model import Answer, Topic
from bot.content import Library


class Answerer:
    def __init__(self, library: Library) -> None:
        self.library = library

    def answer(self, question: str, exercise: str | None = None) -> Answer:
        return Answer(Topic.NONE, None, "I can't answer questions yet.")
