"""Question answering over the content library: question (+ exercise in hand) -> topic, exercise, answer."""

from bot.answers.model import Answer, Topic

__all__ = ["Answer", "Topic"]
