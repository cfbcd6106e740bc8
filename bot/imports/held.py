"""The sets of a previewed import, packed for the database until the Import tap: compact JSON,
compressed (a 10 MB export's sets fit in a fraction of that), and read back exactly."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from bot.coach.ports import Side, Unit
from bot.imports.imported_sets import ImportedSet, LeftOut, SetKind, SideFrom, SourceApp

FORMAT = 1  # bumped if the packed shape changes: an older pack is then refused, not misread
_FIELDS = [f.name for f in fields(ImportedSet)]
_READ: dict[str, Any] = {
    "source": SourceApp,
    "workout_date": date.fromisoformat,
    "workout_start": datetime.fromisoformat,
    "workout_end": datetime.fromisoformat,
    "kind": SetKind,
    "side": Side,
    "side_from": SideFrom,
    "unit": Unit,
    "left_out": LeftOut,
}


class UnreadablePack(ValueError):
    """Not a pack this coach wrote (another version, or damaged)."""


_TIMES = frozenset({"workout_date", "workout_start", "workout_end"})


def _row(s: ImportedSet) -> list[Any]:
    """The fields in order (not astuple, which deep-copies each one: 5x slower)."""
    row = [getattr(s, name) for name in _FIELDS]
    for i, name in enumerate(_FIELDS):
        if name in _TIMES and row[i] is not None:
            row[i] = row[i].isoformat()
    return row


def pack(sets: Sequence[ImportedSet]) -> bytes:
    rows = [_row(s) for s in sets]
    text = json.dumps({"format": FORMAT, "fields": _FIELDS, "sets": rows}, separators=(",", ":"))
    return zlib.compress(text.encode(), 6)


def unpack(payload: bytes) -> list[ImportedSet]:
    try:
        packed = json.loads(zlib.decompress(payload))
        if packed.get("format") != FORMAT or packed.get("fields") != _FIELDS:
            raise UnreadablePack("packed by another version of the coach")
        return [_read(row) for row in packed["sets"]]
    except (zlib.error, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise UnreadablePack(str(exc)) from exc


def _read(row: list[Any]) -> ImportedSet:
    values = {
        name: (_READ[name](value) if name in _READ and value is not None else value)
        for name, value in zip(_FIELDS, row, strict=True)
    }
    return ImportedSet(**values)
