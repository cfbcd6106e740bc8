"""The held import's packing: every field of every set back exactly, anything else refused."""

from __future__ import annotations

import zlib

import pytest

from bot.imports.held import UnreadablePack, pack, unpack
from tests.imports.conftest import Reader


@pytest.mark.parametrize("sample", ["strong_iphone.csv", "hevy_imperial_fr.csv", "fitnotes.csv"])
def test_sets_come_back_exactly(read: Reader, sample: str) -> None:
    sets = list(read(sample).sets)
    assert unpack(pack(sets)) == sets


@pytest.mark.parametrize(
    "payload", [b"", b"not zlib", zlib.compress(b"[1, 2]"), zlib.compress(b'{"format": 99}')]
)
def test_anything_else_is_refused(payload: bytes) -> None:
    with pytest.raises(UnreadablePack):
        unpack(payload)
