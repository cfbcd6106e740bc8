"""Fixtures for the content store tests: the real library, and a broken-on-demand copy of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library

CONTENT_DIR = DEFAULT_CONTENT_DIR


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(CONTENT_DIR)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the real content/ folder to break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No COACH_* settings leak in from the shell or a developer's .env file."""
    monkeypatch.delenv("COACH_CONTENT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


CheckResult = tuple[int, str, str]


@pytest.fixture
def run_check(
    isolated_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., CheckResult]:
    """Run `coach content check [DIR]` in-process: (exit code, stdout, stderr)."""

    def run(*args: str) -> CheckResult:
        code = main(["content", "check", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
