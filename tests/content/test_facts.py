"""Coaching facts in the content: each has a source the check can find, and is well-formed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.content import SEED, Library

from .conftest import CheckResult
from .test_broken_content import _edit, _problems

Check = Callable[..., CheckResult]


def test_every_fact_cites_the_seed_or_a_source_of_its_file(library: Library) -> None:
    for slug, ex in library.items():
        urls = {str(s.url).rstrip("/") for s in ex.sources}
        for fact in ex.facts:
            assert fact.source == SEED or fact.source.rstrip("/") in urls, (slug, fact.id)


def test_the_coaching_facts_a_coach_gives_are_there(library: Library) -> None:
    every = {"rest", "frequency", "warm-up", "breathing", "choosing-load", "raising-load"}
    for slug, ex in library.items():
        assert every <= {f.id for f in ex.facts}, slug
        if ex.unilateral:
            assert ex.fact("rest-between-sides") is not None, slug
        if "flat bench" in ex.equipment:
            assert {"no-bench", "bench-height", "arms"} <= {f.id for f in ex.facts}, slug
    banded = library["banded-single-leg-hip-thrust"]
    assert banded.fact("band-placement") and banded.fact("band-strength")


def test_a_fact_citing_a_source_the_file_does_not_list_fails(
    run_check: Check, content_copy: Path
) -> None:
    def cite_elsewhere(d: dict[str, Any]) -> None:
        d["facts"][0]["source"] = "https://example.org/my-blog"

    _edit(content_copy, "glute-bridge", cite_elsewhere)
    code, _, err = run_check(str(content_copy))
    assert code == 1
    [problem] = _problems(err)
    assert problem.startswith("glute-bridge.yaml: facts[0].source")
    assert "not one of this file's sources" in problem


def test_a_fact_without_a_source_fails(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "hip-thrust", lambda d: d["facts"][2].pop("source"))
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert [p.split(" (line")[0] for p in _problems(err)] == ["hip-thrust.yaml: facts[2].source"]


def test_an_easier_reference_may_not_be_a_harder_level(
    run_check: Check, content_copy: Path
) -> None:
    def glute_ham_raise_easier(d: dict[str, Any]) -> None:
        ref = next(r for r in d["alternatives"] if r["slug"] == "glute-ham-raise")
        ref["step"] = "easier"

    _edit(content_copy, "glute-bridge", glute_ham_raise_easier)
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "is easier, but 'glute-ham-raise' is advanced" in err
