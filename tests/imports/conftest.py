"""Fixtures for the import tests: the real content library, its exercise map, the sample files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.coach.ports import Unit
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library
from bot.imports import ExerciseMap, ParsedExport, read_export

SAMPLES = Path(__file__).parent / "samples"
# Strong's iPhone header, for tests that write a few rows of their own.
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)

Reader = Callable[..., ParsedExport]


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


@pytest.fixture(scope="session")
def exercises(library: Library) -> ExerciseMap:
    return ExerciseMap(library)


@pytest.fixture
def read(exercises: ExerciseMap) -> Reader:
    """read("file.csv") reads a sample; read(b"...") reads bytes; unit= is the user's unit."""

    def reader(source: str | bytes, unit: Unit = Unit.KG) -> ParsedExport:
        data = source if isinstance(source, bytes) else (SAMPLES / source).read_bytes()
        return read_export(data, exercises, unit)

    return reader
