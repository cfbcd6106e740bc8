"""The step table: its committed diagram matches it, and every step has a whole row."""

from __future__ import annotations

import re
from pathlib import Path

from bot.coach.state import Step
from bot.coach.steps import STEPS, mermaid

README = Path(__file__).resolve().parents[2] / "bot" / "coach" / "README.md"


def test_the_committed_diagram_is_the_one_the_table_generates() -> None:
    found = re.search(r"<!-- diagram:start -->\n```mermaid\n(.*?)\n```", README.read_text(), re.S)
    assert found is not None, "bot/coach/README.md lost its diagram markers"
    assert found.group(1) == mermaid(), "run: python -m bot.coach.steps, and paste it in"


def test_every_step_has_a_row_and_moves_only_to_steps() -> None:
    assert set(STEPS) == set(Step)
    for step, spec in STEPS.items():
        assert spec.moves_to <= set(Step)
        assert (spec.timer is not None) == (step in {Step.SWITCH, Step.REST})
