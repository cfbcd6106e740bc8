"""Typed answers: what counts as reps (with load, effort, note), what is refused, what is not."""

from __future__ import annotations

import pytest

from bot.coach.ports import Unit
from bot.coach.typed import (
    BODYWEIGHT,
    Invalid,
    Keyword,
    Load,
    keyword,
    read_load,
    read_number,
    read_request,
    reports_pain,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("skip", Keyword.SKIP),
        ("Skip!", Keyword.SKIP),
        ("skip rest", Keyword.READY),
        ("Skip Rest.", Keyword.READY),
        ("go", Keyword.READY),
        ("stop", Keyword.STOP),
        ("cancel", Keyword.STOP),
        ("done", Keyword.DONE),
        ("other", Keyword.OTHER),
        ("skip the bench", None),
        ("stop arching", None),
    ],
)
def test_keywords(text: str, expected: Keyword | None) -> None:
    assert keyword(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pain", True),
        ("hurts", True),
        ("my knee hurts", True),
        ("sharp pain in my back", True),
        ("why does my hip hurt", True),
        ("will this hurt my knees?", False),
        ("does it hurt your back?", False),
        ("what muscles does this work", False),
        ("I feel it in my quads", False),
    ],
)
def test_pain_reports(text: str, expected: bool) -> None:
    assert reports_pain(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bw", BODYWEIGHT),
        ("Bodyweight", BODYWEIGHT),
        ("none", BODYWEIGHT),
        ("10kg", Load(10.0, Unit.KG)),
        ("22.5 lb", Load(22.5, Unit.LB)),
        ("10", Load(10.0, None)),
        ("@ 12.5 kg", Load(12.5, Unit.KG)),
        ("heavy-ish", None),
    ],
)
def test_loads(text: str, expected: Load | None) -> None:
    assert read_load(text) == expected


@pytest.mark.parametrize("text", ["-10kg", "0.0kg", "5000 kg", "10 stone"])
def test_bad_loads_are_refused(text: str) -> None:
    assert isinstance(read_load(text), Invalid)


def test_counts_stay_in_range() -> None:
    assert read_number("3", 1, 10, "sets") == 3
    assert read_number("3 sets", 1, 10, "sets") == 3
    assert isinstance(read_number("11", 1, 10, "sets"), Invalid)
    assert isinstance(read_number("0", 1, 10, "sets"), Invalid)
    assert isinstance(read_number("3 bananas", 1, 10, "sets"), Invalid)
    assert read_number("how many should I do", 1, 10, "sets") is None


@pytest.mark.parametrize(
    ("text", "name", "sets", "reps", "load"),
    [
        ("single-leg hip thrust 3x10 @ 10kg", "single-leg hip thrust", 3, 10, Load(10.0, Unit.KG)),
        ("SLHT 3X12", "SLHT", 3, 12, None),
        ("2 up 1 down 4×8", "2 up 1 down", 4, 8, None),
        ("glute bridge", "glute bridge", None, None, None),
        ("hip thrust @ 60 kg", "hip thrust", None, None, Load(60.0, Unit.KG)),
        ("3x10 sl hip thrust", "sl hip thrust", 3, 10, None),
    ],
)
def test_workout_requests(
    text: str, name: str, sets: int | None, reps: int | None, load: Load | None
) -> None:
    request = read_request(text, 10, 100)
    assert not isinstance(request, Invalid)
    assert (request.name, request.sets, request.reps, request.load) == (name, sets, reps, load)


@pytest.mark.parametrize("text", ["slht 30x10", "slht 3x0", "slht 3x500", "slht @ lots", "slht @"])
def test_bad_workout_requests_are_refused(text: str) -> None:
    assert isinstance(read_request(text, 10, 100), Invalid)
