"""Exports written by someone who never saw the importer, imported end to end (the real
`coach import`, then `coach export`) and compared row by row with what they expected: every set
that must come in, with its side, load, unit and RPE, and the preview's counts of what is left
out. Their sources and judgement calls: tests/imports/held_out/README.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.import_cases import check
from bot.content import Library

HELD_OUT = Path(__file__).parent / "held_out"
FILES = sorted(HELD_OUT.glob("*.csv"))


def test_the_held_out_set_is_there() -> None:
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
async def test_an_export_imports_row_for_row_as_its_writer_expected(
    library: Library, path: Path
) -> None:
    result = await check(library, path)
    assert (result["missing"], result["extra"], result["counts"]) == ([], [], {})
    assert result["matched"] == result["expected"]
