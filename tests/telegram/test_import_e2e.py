"""/import over real HTTP against the fake Bot API: a document sent, getFile and the download,
the preview, the Import tap, and the rows in both exports."""

from __future__ import annotations

import csv
import io

import pytest

from tests.imports.conftest import SAMPLES
from tests.telegram.harness import Harness

pytestmark = pytest.mark.e2e


async def test_a_strong_export_sent_as_a_document_is_previewed_imported_and_exported(
    harness: Harness,
) -> None:
    chat = harness.chat()
    await chat.command("import")
    preview = await chat.send_file("strong.csv", (SAMPLES / "strong_iphone.csv").read_bytes())
    assert preview[-1].shown.startswith("Strong export (iPhone layout)")
    assert preview[-1].labels() == ["Import", "Cancel"]
    calls = harness.api.records.calls_to("getFile", "file")
    assert [c.method for c in calls] == ["getFile", "file"]
    assert calls[1].params["file_path"].startswith("documents/")
    done = await chat.tap("Import")
    assert done[-1].shown.startswith("Imported 13 sets from 2 workouts.")

    exported = await chat.command("export")
    assert exported[-1].document is not None
    rows = list(csv.DictReader(io.StringIO(exported[-1].document[1].decode())))
    assert len(rows) == 13 and {r["imported"] for r in rows} == {"true"}
    assert {r["source"] for r in rows} == {"strong"}
    sides = sorted(r["side"] for r in rows if r["exercise"] == "single-leg-hip-thrust")
    assert sides == ["left"] * 4 + ["right"] * 3 + ["unknown"]
    strong = await chat.command("export", "strong")
    assert strong[-1].document is not None
    lines = strong[-1].document[1].decode().splitlines()
    assert lines[0].startswith("Date;Workout Name;Exercise Name;Set Order")
    assert len(lines) == 14 and sum('"Left' in line for line in lines) == 4


async def test_a_file_over_the_limit_is_refused_before_any_download(harness: Harness) -> None:
    chat = harness.chat()
    said = await chat.send_file("huge.csv", b"", file_size=11 * 1024 * 1024, stored=False)
    assert said[-1].shown == "The file is 11.0 MB; the most I can read is 10 MB."
    assert harness.api.records.calls_to("getFile", "file", ok_only=False) == []
