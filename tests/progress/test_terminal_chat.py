"""`coach chat` end to end: /progress saves the chart, /export the file, and both paths print."""

from __future__ import annotations

import re
from pathlib import Path

from bot.storage import Database
from tests.terminal.test_done_means import coach

SCRIPT = ["/workout single leg hip thrust 2x10 @ 10kg", "10", "9", "11", "10", "hard",
          "/history", "/progress", "/export json"]  # fmt: skip


async def test_the_terminal_saves_the_chart_and_the_export(
    database: Database, tmp_path: Path
) -> None:
    url = database.url.render_as_string(hide_password=False)
    out = await coach(url, tmp_path, "chat", "--user", "t1", stdin="\n".join(SCRIPT) + "\n")
    assert "Left 10, 11 @ 10 kg │ Right 9, 10 @ 10 kg" in out
    saved = re.findall(r"\[saved: (\S+)\]", out)
    assert len(saved) == 2, out
    chart, export = (tmp_path / path for path in saved)
    assert re.fullmatch(r"charts/t1-\d{8}-\d{6}-chart\.png", saved[0])
    assert chart.read_bytes().startswith(b"\x89PNG") and chart.stat().st_size > 20_000
    assert re.fullmatch(r"exports/t1-\d{8}-\d{6}-coach-export-\d{4}-\d\d-\d\d\.json", saved[1])
    assert '"reps": 11' in export.read_text()
