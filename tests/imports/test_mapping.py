"""App exercise names -> the coach's exercises, through the content's names and aliases."""

from __future__ import annotations

import pytest

from bot.content import Library
from bot.imports import ExerciseMap


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        # The apps' stock names.
        ("Hip Thrust (Barbell)", "hip-thrust"),
        ("Hip Thrust (Bodyweight)", "hip-thrust"),
        ("Hip Thrust (Machine)", "hip-thrust"),
        ("Hip Thrust (Smith Machine)", "hip-thrust"),
        ("Hip Thrust", "hip-thrust"),
        ("Barbell Hip Thrust", "hip-thrust"),
        ("Glute Bridge", "glute-bridge"),
        ("Glute Bridge (Barbell)", "glute-bridge"),
        ("Single Leg Hip Thrust (Dumbbell)", "single-leg-hip-thrust"),
        ("Single Leg Hip Thrust", "single-leg-hip-thrust"),
        ("Single-Leg Hip Thrust (Band)", "banded-single-leg-hip-thrust"),
        ("Glute Ham Raise", "glute-ham-raise"),
        ("Glute-Ham Raise", "glute-ham-raise"),
        # Users' own names, reaching the content's aliases.
        ("SLHT", "single-leg-hip-thrust"),
        ("Hip Thrust (Single Leg)", "single-leg-hip-thrust"),
        ("2u1d hip thrust", "two-up-one-down-hip-thrust"),
        ("GHR", "glute-ham-raise"),
        ("Banded Hip Thrust", "hip-thrust"),
        ("Hip Thrust - Star Trac", "hip-thrust"),  # FitNotes' machine-brand suffix
        ("Single Leg Hip Thurst", "single-leg-hip-thrust"),  # a typo
        ("Hip Thrust (Haltères)", "hip-thrust"),  # equipment in the phone's language
    ],
)
def test_names_that_are_the_coachs_exercises(exercises: ExerciseMap, name: str, slug: str) -> None:
    assert exercises.slug(name) == slug


@pytest.mark.parametrize(
    "name",
    [
        "Romanian Deadlift (Barbell)", "Single Leg Romanian Deadlift (Dumbbell)",
        "Bulgarian Split Squat", "Squat (Barbell)", "Single Leg Glute Bridge",
        "Glute Bridge (Single Leg)", "B-Stance Hip Thrust", "Frog Pumps (Dumbbell)",
        "Hip Abduction (Machine)", "Nordic Hamstring Curl", "Cable Pull Through", "Plank",
        "Lat Pulldown (Cable)", "Running",
    ],
)  # fmt: skip
def test_other_exercises_map_to_nothing(exercises: ExerciseMap, name: str) -> None:
    assert exercises.slug(name) is None


def test_every_content_name_and_alias_maps_to_its_own_exercise(
    exercises: ExerciseMap, library: Library
) -> None:
    wrong = {
        name: exercises.slug(name)
        for slug, ex in library.items()
        for name in (ex.name, *ex.aliases)
        if exercises.slug(name) != slug
    }
    assert wrong == {}
