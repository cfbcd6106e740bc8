"""COACH_CONTENT_DIR picks the folder, and adding an exercise is adding a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.content import load_library
from bot.content.loader import normalise_name

from .conftest import CheckResult

NEW_EXERCISE = {
    "name": "Single-leg glute bridge",
    "aliases": ["single leg glute bridges", "one leg bridge", "SL glute bridge"],
    "level": "beginner",
    "summary": "A glute bridge on one foot, flat on the floor: a gentle way into single-leg work.",
    "unilateral": True,
    "benefits": ["Each side works alone, on the floor, with no bench needed."],
    "programming": {
        "placement": "Early in the session or as a warm-up.",
        "sets": {"low": 2, "high": 3},
        "reps": {"low": 8, "high": 15},
        "tempo": "Smooth up, short pause at the top, slow down.",
    },
    "setup": ["Lie on your back, knees bent, feet flat."],
    "steps": ["Lift one foot, then drive your hips up on the other."],
    "setup_cues": ["Hips level."],
    "muscles": {"primary": [{"name": "gluteus maximus", "does": "Extends the hip."}]},
    "tips": [
        {
            "name": "Keep your hips level",
            "text": "Don't let the free side sag.",
            "cue": "Hips level.",
        }
    ],
    "mistakes": [
        {
            "name": "Letting your hips tilt",
            "why": "The working glute loses the load.",
            "fix": "Brace your abs.",
            "cue": "Hips square.",
            "symptoms": ["my hips tilt"],
        }
    ],
    "variations": [{"slug": "glute-bridge", "note": "Both feet down."}],
    "safety": "Pain means stop. Not medical advice.",
    "sources": [
        {
            "title": "Lehecka et al. 2017",
            "url": "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5534144/",
        }
    ],
}


def _add(folder: Path, slug: str, data: dict[str, object]) -> None:
    (folder / f"{slug}.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_coach_content_dir_is_honoured(
    run_check: Callable[..., CheckResult],
    isolated_env: pytest.MonkeyPatch,
    content_copy: Path,
) -> None:
    (content_copy / "glute-bridge.yaml").unlink()
    isolated_env.setenv("COACH_CONTENT_DIR", str(content_copy))
    code, _, err = run_check()
    assert code == 1
    assert str(content_copy) in err
    assert "no exercise 'glute-bridge' in the store" in err


def test_adding_an_exercise_is_adding_a_file(
    run_check: Callable[..., CheckResult],
    isolated_env: pytest.MonkeyPatch,
    content_copy: Path,
) -> None:
    _add(content_copy, "single-leg-glute-bridge", NEW_EXERCISE)
    isolated_env.setenv("COACH_CONTENT_DIR", str(content_copy))
    code, out, _ = run_check()
    assert code == 0 and "7 exercises, all valid" in out
    library = load_library(content_copy)
    assert library["single-leg-glute-bridge"].unilateral
    assert library.names()[normalise_name("one leg bridge")] == "single-leg-glute-bridge"
    # The new exercise sits with the other one-sided lifts, ahead of the two-legged ones.
    assert list(library).index("single-leg-glute-bridge") < list(library).index("glute-bridge")


def test_an_added_exercise_is_checked_like_the_rest(
    run_check: Callable[..., CheckResult], content_copy: Path
) -> None:
    _add(content_copy, "single-leg-glute-bridge", {**NEW_EXERCISE, "aliases": ["bridge"]})
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "single-leg-glute-bridge.yaml: aliases[0]" in err
    assert "'bridge' is also a name of 'glute-bridge'" in err
