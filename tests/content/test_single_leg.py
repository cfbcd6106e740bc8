"""The single-leg hip thrust holds every fact of the seed article, each where the coach looks."""

from __future__ import annotations

import pytest

from bot.content import Exercise, Library, Muscle

ARTICLE_SOURCES = {
    "https://pubmed.ncbi.nlm.nih.gov/26214739/",
    "https://www.ncbi.nlm.nih.gov/books/NBK538193/",
    "https://www.ncbi.nlm.nih.gov/books/NBK546688/",
    "https://www.ncbi.nlm.nih.gov/books/NBK513334/",
    "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5534144/",
    "https://pubmed.ncbi.nlm.nih.gov/24149748/",
}


@pytest.fixture
def slht(library: Library) -> Exercise:
    return library["single-leg-hip-thrust"]


def _names(muscles: list[Muscle]) -> set[str]:
    return {m.name for m in muscles}


def test_level_is_intermediate(slht: Exercise) -> None:
    assert slht.level == "intermediate"


def test_all_nine_steps_and_six_loaded_steps(slht: Exercise) -> None:
    assert len(slht.setup) + len(slht.steps) == 9
    assert len(slht.loaded_steps) == 6
    steps = " ".join(slht.setup + slht.steps).lower()
    for fact in ("bench", "90°", "upper arms", "heel", "same number"):
        assert fact in steps, fact
    loaded = " ".join(slht.loaded_steps).lower()
    for fact in ("dumbbell", "kettlebell", "crease", "straight", "switch"):
        assert fact in loaded, fact


def test_every_muscle_in_its_role(slht: Exercise) -> None:
    m = slht.muscles
    assert _names(m.primary) == {"gluteus maximus"}
    assert _names(m.assisting) == {"hamstrings", "gluteus medius and minimus"}
    assert _names(m.stabilising) == {
        "back muscles",
        "rectus abdominis",
        "transverse abdominis",
        "obliques",
    }
    assert _names(m.minor) == {"quadriceps"}
    assert "extend" in m.primary[0].does
    assert next(role for role, _ in m.by_role()) == "primary"


def test_the_five_tips_each_with_a_cue(slht: Exercise) -> None:
    assert [t.name for t in slht.tips] == [
        "Keep your hips level",
        "Start without extra weight",
        "Drive through your heel",
        "Pause at the top",
        "Use the full range of motion",
    ]
    assert all(t.cue and len(t.cue) <= 60 for t in slht.tips)


def test_the_article_mistakes_with_why_fix_and_symptoms(slht: Exercise) -> None:
    by_name = {m.name: m for m in slht.mistakes}
    arch = by_name["Arching your lower back"]
    high = by_name["Raising your hips too high"]
    close = by_name["Placing your feet too close to your body"]
    assert "my lower back hurts" in arch.symptoms
    assert "abs" in arch.fix
    assert "arch" in high.why and "line up" in high.fix
    assert {"I feel it in my quads", "quads burning"} <= set(close.symptoms)
    assert "quads" in close.why and "vertical" in close.fix


def test_hips_tilting_is_a_mistake_users_can_describe(slht: Exercise) -> None:
    tilt = next(m for m in slht.mistakes if "tilt" in m.name)
    assert {"my hips tilt", "my pelvis drops"} <= set(tilt.symptoms)


def test_the_three_variations_and_two_similar_exercises(slht: Exercise) -> None:
    assert [v.slug for v in slht.variations] == [
        "hip-thrust",
        "banded-single-leg-hip-thrust",
        "two-up-one-down-hip-thrust",
    ]
    assert [a.slug for a in slht.alternatives] == ["glute-bridge", "glute-ham-raise"]


def test_programming_follows_the_article(slht: Exercise) -> None:
    p = slht.programming
    assert "early" in p.placement.lower() and "middle" in p.placement.lower()
    assert (p.reps.low, p.reps.high) == (8, 12)
    assert "pause" in p.tempo.lower() and "full range" in p.tempo.lower()


def test_benefits_cover_the_article(slht: Exercise) -> None:
    benefits = " ".join(slht.benefits).lower()
    for fact in ("imbalance", "stronger side", "form", "glute"):
        assert fact in benefits, fact


def test_comparisons_with_the_bridge_and_the_classic(slht: Exercise) -> None:
    notes = {c.slug: c.note.lower() for c in slht.comparisons}
    bridge = notes["glute-bridge"]
    assert "bench" in bridge and "floor" in bridge and "bodyweight" in bridge
    assert "both feet" in notes["hip-thrust"]


def test_cites_every_study_the_article_links(slht: Exercise) -> None:
    assert {str(s.url) for s in slht.sources} >= ARTICLE_SOURCES
    assert all(len(s.title) > 20 for s in slht.sources)
