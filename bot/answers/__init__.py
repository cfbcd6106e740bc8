"""Question answering over the content library: question -> topic, exercise, answer."""

from bot.answers.model import Answer, Topic

__all__ = ["Answer", "Topic"]
