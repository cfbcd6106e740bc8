"""The composition root: the coach with its question answerer and every feature plugged in."""

from __future__ import annotations

from bot.answers.answerer import Answerer
from bot.coach.engine import Coach
from bot.coach.turn import QuestionAnswerer
from bot.content import Library
from bot.imports.feature import ImportFeature
from bot.progress.feature import ProgressFeature
from bot.reminders.feature import RemindersFeature


def build_coach(library: Library, answerer: QuestionAnswerer | None = None) -> Coach:
    """The coach every entry point runs (Telegram, the terminal chat, the tests, the benches)."""
    features = [ProgressFeature(), RemindersFeature(), ImportFeature()]
    return Coach(library, answerer or Answerer(library), features)
