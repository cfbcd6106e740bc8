"""The one entry point: an export file's bytes -> every set in it, ready to preview and store."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bot.coach.ports import Unit
from bot.imports import fitnotes, hevy, strong
from bot.imports.assemble import assemble
from bot.imports.csvfile import decode, read_table
from bot.imports.detect import detect
from bot.imports.imported_sets import BadRow, ImportedSet, SourceApp
from bot.imports.mapping import ExerciseMap


@dataclass(frozen=True)
class ParsedExport:
    app: SourceApp
    layout: str  # "iPhone layout", "imperial", "unit on every row", ...
    sets: tuple[ImportedSet, ...]  # every set row, imported or left out (see ImportedSet.left_out)
    bad_rows: tuple[BadRow, ...]  # rows that could not be read, by line; never guessed at
    rest_timer_rows: int  # Strong's timer rows: not sets, skipped
    user_unit: Unit  # what stood in where the file gives no unit

    def to_import(self, known_keys: Collection[str] = ()) -> list[ImportedSet]:
        """The sets to write: imported ones whose key is not stored yet (an earlier import)."""
        return [s for s in self.sets if s.imported and s.source_key not in known_keys]


def read_export(data: bytes, exercises: ExerciseMap, user_unit: Unit) -> ParsedExport:
    """Read a Strong, Hevy or FitNotes CSV export. Raises ImportRefused (one line for the
    user) when the file is too big, too long, not text, or no format I know; a bad row only
    ever costs that row, reported with its line number."""
    table = read_table(decode(data))
    layout = detect(table.header)
    if layout.app is SourceApp.STRONG:
        read = strong.read(table, layout, user_unit)
    elif layout.app is SourceApp.HEVY:
        read = hevy.read(table, layout)
    else:
        read = fitnotes.read(table, layout, user_unit)
    sets = assemble(layout.app, read.sets, read.notes, exercises)
    return ParsedExport(
        app=layout.app,
        layout=layout.variant,
        sets=tuple(sets),
        bad_rows=tuple(read.bad),
        rest_timer_rows=read.rest_rows,
        user_unit=user_unit,
    )
