"""Fixtures for the answerer tests: the real content library and one answerer built on it."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(DEFAULT_CONTENT_DIR)


@pytest.fixture(scope="session")
def answerer(library: Library) -> Answerer:
    return Answerer(library)
