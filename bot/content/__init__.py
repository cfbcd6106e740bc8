"""The content store: one YAML file per exercise, validated into one immutable library."""

from bot.content.loader import ContentError, Library, load_library
from bot.content.schema import Exercise, Level, Mistake, Muscle, Tip

__all__ = [
    "ContentError",
    "Exercise",
    "Level",
    "Library",
    "Mistake",
    "Muscle",
    "Tip",
    "load_library",
]
