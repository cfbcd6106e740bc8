"""Set entries written by lifters' conventions, run end to end as bench/entries.py runs them.

Each case is a new user in the terminal chat on a temporary SQLite database, read back with
`coach export`; every other case here, to stay quick (the bench runs them all). The floors are
below 100 %: some cases are judgement calls (see bot/coach/entry/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.entries import score

HERE = Path(__file__).parent
FLOORS = {
    "entries.tsv": 0.97,
    "batch1.tsv": 0.97,
    "batch2.tsv": 0.97,
    "batch3.tsv": 0.95,
    "heldout3.tsv": 0.97,
    "heldout4.tsv": 0.95,  # one case wants "but" kept at the head of a note
    # First pass 88/96 (91.7 %); one case wants a skip of the last side of the last set to
    # leave the workout open (it ends it, with the summary).
    "heldout5.tsv": 0.97,
    # First pass 87/93 (93.5 %) after round five's fixes; left: "skip this one" during the rest
    # skips the rest (the rest screen's Skip), and a load past the unit's limit is refused
    # rather than asked.
    "heldout6.tsv": 0.95,
    # First pass 73/87 (83.9 %), after rounds five and six: regional slang, the coach's own
    # format typed back, plate slang in pounds. Left: a skip at the last set's first side.
    "heldout7.tsv": 0.97,
    # First pass 75/83 (90.4 %) after round seven: reps stuck to the weight, hedged effort,
    # strains and "hurts so good", crossed numbers. Left: "felt smooth" is taken as the effort
    # (easy), not kept as the note.
    "heldout8.tsv": 0.97,
    # First pass 74/78 (94.9 %) on the stop's final code; one kind fixed ("one sec" is a time,
    # not 1 rep). Left: a thumbs-up is the target done; "skip left" at the right leg and an
    # RPE past 10 are refused with how to say it, not asked.
    "heldout9.tsv": 0.95,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
async def test_lifters_entries_are_understood_end_to_end(name: str) -> None:
    report = await score([HERE / name], quick=True, show=False, parser=False)
    figures = report[name]
    assert figures["score"] >= FLOORS[name], figures
