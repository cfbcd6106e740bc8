"""The content store: one YAML file per exercise, validated into one immutable library."""

from bot.content.loader import ContentError, Library, load_library
from bot.content.schema import SEED, Exercise, Fact, FactTopic, Level, Mistake, Muscle, Tip

__all__ = [
    "SEED",
    "ContentError",
    "Exercise",
    "Fact",
    "FactTopic",
    "Level",
    "Library",
    "Mistake",
    "Muscle",
    "Tip",
    "load_library",
]
