"""The real content/ folder: valid, complete enough to coach from, and easy to navigate."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.content import Library
from bot.content.loader import normalise_name
from bot.content.schema import CUE_MAX, TEXT_MAX

from .conftest import CONTENT_DIR, CheckResult

SLUGS = {
    "single-leg-hip-thrust",
    "hip-thrust",
    "banded-single-leg-hip-thrust",
    "two-up-one-down-hip-thrust",
    "glute-bridge",
    "glute-ham-raise",
}
ARTICLE = (
    Path(__file__).resolve().parents[3] / "shared" / "seed" / "single-leg-hip-thrust-article.md"
)


def test_real_content_passes_the_check(run_check: Callable[..., CheckResult]) -> None:
    code, out, err = run_check(str(CONTENT_DIR))
    assert (code, err) == (0, "")
    assert "6 exercises, all valid" in out


def test_check_without_a_folder_uses_the_default_content(
    run_check: Callable[..., CheckResult],
) -> None:
    code, out, _ = run_check()
    assert code == 0
    assert str(CONTENT_DIR) in out


def test_the_six_exercises_are_there(library: Library) -> None:
    assert set(library) == SLUGS
    assert {p.stem for p in CONTENT_DIR.glob("*.yaml")} == SLUGS


def test_files_do_not_repeat_their_slug() -> None:
    for path in CONTENT_DIR.glob("*.yaml"):
        assert not re.search(r"^slug:", path.read_text(encoding="utf-8"), re.M), path.name


@pytest.mark.parametrize(
    ("slug", "unilateral"),
    [
        ("single-leg-hip-thrust", True),
        ("banded-single-leg-hip-thrust", True),
        # Logged per lowering leg, so it is one-sided work.
        ("two-up-one-down-hip-thrust", True),
        ("hip-thrust", False),
        ("glute-bridge", False),
        ("glute-ham-raise", False),
    ],
)
def test_unilateral_flags(library: Library, slug: str, unilateral: bool) -> None:
    assert library[slug].unilateral is unilateral


def _cues(library: Library) -> Iterator[tuple[str, str]]:
    for slug, ex in library.items():
        for cue in ex.setup_cues:
            yield slug, cue
        for tip in ex.tips:
            yield slug, tip.cue
        for mistake in ex.mistakes:
            yield slug, mistake.cue


def test_every_cue_reads_at_a_glance(library: Library) -> None:
    cues = list(_cues(library))
    assert len(cues) > 40
    too_long = [(slug, cue) for slug, cue in cues if len(cue) > 120]
    assert too_long == []
    assert CUE_MAX <= 120


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def test_every_text_block_leaves_room_for_a_short_answer(library: Library) -> None:
    # Two blocks and a heading must fit in a ~600-character reply.
    assert TEXT_MAX <= 300
    for slug, ex in library.items():
        for path, text in _strings(ex.model_dump(mode="json")):
            assert len(text) <= 300, f"{slug}{path} is {len(text)} characters"


def test_every_exercise_has_what_the_coach_needs(library: Library) -> None:
    for slug, ex in library.items():
        assert ex.summary and ex.level and ex.level_note, slug
        assert ex.benefits and ex.setup and ex.steps and ex.setup_cues, slug
        assert ex.programming.placement and ex.programming.tempo, slug
        assert 1 <= ex.programming.reps.low <= ex.programming.reps.high <= 30, slug
        assert ex.muscles.primary, slug
        assert len(ex.tips) >= 3 and len(ex.mistakes) >= 3, slug
        assert all(len(m.symptoms) >= 2 and m.why and m.fix for m in ex.mistakes), slug
        assert ex.variations or ex.alternatives, slug
        assert ex.comparisons, slug
        assert len(ex.aliases) >= 5, slug
        assert ex.sources, slug


def test_every_exercise_says_pain_means_stop_and_is_not_medical_advice(library: Library) -> None:
    for slug, ex in library.items():
        assert "pain" in ex.safety.lower() and "stop" in ex.safety.lower(), slug
        assert "not medical advice" in ex.safety.lower(), slug


def test_every_exercise_cites_real_looking_study_or_guide_links(library: Library) -> None:
    # Studies, the seed article's exercise pages, and coaching pages read for a set-up or
    # progression detail.
    trusted = (
        "pubmed.ncbi.nlm.nih.gov", "www.ncbi.nlm.nih.gov", "doi.org", "www.hevyapp.com", "exrx.net",
        "www.seattlesp.com", "www.365physique.com", "biovitz.com",
        "robertsontrainingsystems.blogspot.com", "fitro.info", "benbruno.com",
    )  # fmt: skip
    for slug, ex in library.items():
        for source in ex.sources:
            assert source.url.host in trusted, f"{slug}: {source.url}"


def test_every_exercise_can_be_reached_from_every_other(library: Library) -> None:
    links = {
        slug: {r.slug for r in (*ex.variations, *ex.alternatives, *ex.comparisons)}
        for slug, ex in library.items()
    }
    for start in library:
        seen, todo = {start}, [start]
        while todo:
            for nxt in links[todo.pop()] - seen:
                seen.add(nxt)
                todo.append(nxt)
        assert seen == SLUGS, f"from {start} only {sorted(seen)}"


@pytest.mark.parametrize(
    ("said", "slug"),
    [
        ("SL hip thrust", "single-leg-hip-thrust"),
        ("single leg hip thrusts", "single-leg-hip-thrust"),
        ("Single-leg hip thrust", "single-leg-hip-thrust"),
        ("one-legged hip thrust", "single-leg-hip-thrust"),
        ("one leg hip thrust", "single-leg-hip-thrust"),
        ("unilateral hip thrust", "single-leg-hip-thrust"),
        ("single-leg glute thrust", "single-leg-hip-thrust"),
        ("hip thrust", "hip-thrust"),
        ("hip thrusts", "hip-thrust"),
        ("barbell hip thrust", "hip-thrust"),
        ("classic hip thrust", "hip-thrust"),
        ("two-leg hip thrust", "hip-thrust"),
        ("double leg hip thrust", "hip-thrust"),
        ("banded single leg hip thrust", "banded-single-leg-hip-thrust"),
        ("band SL hip thrust", "banded-single-leg-hip-thrust"),
        ("2 up 1 down", "two-up-one-down-hip-thrust"),
        ("two up one down", "two-up-one-down-hip-thrust"),
        ("2-up-1-down hip thrust", "two-up-one-down-hip-thrust"),
        ("glute bridge", "glute-bridge"),
        ("glute bridges", "glute-bridge"),
        ("floor bridge", "glute-bridge"),
        ("bridge", "glute-bridge"),
        ("GHR", "glute-ham-raise"),
        ("glute ham raise", "glute-ham-raise"),
        ("glute ham raises", "glute-ham-raise"),
        ("glute-ham raise", "glute-ham-raise"),
        ("glute ham developer", "glute-ham-raise"),
    ],
)
def test_the_ways_people_say_it_lead_to_one_exercise(
    library: Library, said: str, slug: str
) -> None:
    assert library.names()[normalise_name(said)] == slug


def _article_phrases(n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", ARTICLE.read_text(encoding="utf-8").lower().replace("’", ""))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not ARTICLE.exists(), reason="the seed article is not next to this checkout")
def test_content_is_in_our_own_words(library: Library) -> None:
    # Seven words in a row lifted from the article would be copying, not rewording.
    # Headings (tip and mistake names) and source links may match the article; prose may not.
    phrases = _article_phrases(7)
    for slug, ex in library.items():
        data = ex.model_dump(mode="json", exclude={"sources": True})
        for path, text in _strings(data):
            if path.endswith((".name", ".source")):  # a fact's source is a link
                continue
            words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
            copied = [w for i in range(len(words) - 6) if (w := tuple(words[i : i + 7])) in phrases]
            assert not copied, f"{slug}{path}: {' '.join(copied[0])!r}"
