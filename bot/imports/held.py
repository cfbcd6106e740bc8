"""The sets of a previewed import, packed for the database until the Import tap: compact JSON,
compressed (a 10 MB export's sets fit in a fraction of that), and read back exactly."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import astuple, fields
from datetime import date, datetime
from typing import Any

from bot.coach.ports import Side, Unit
from bot.imports.records import ImportedSet, LeftOut, SetKind, SideFrom, SourceApp

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


def _cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def pack(sets: Sequence[ImportedSet]) -> bytes:
    rows = [[_cell(v) for v in astuple(s)] for s in sets]
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
