"""The README's input → logged table is what read_entry does today."""

from __future__ import annotations

import re
from pathlib import Path

from bot.coach.entry.table import table

README = Path(__file__).resolve().parents[3] / "bot" / "coach" / "entry" / "README.md"


def test_the_readme_table_is_generated_from_read_entry() -> None:
    found = re.search(r"<!-- table:start -->\n(.*?)<!-- table:end -->", README.read_text(), re.S)
    assert found is not None, "bot/coach/entry/README.md lost its table markers"
    assert found[1] == table(), "run: python -m bot.coach.entry.table, and paste it in"
