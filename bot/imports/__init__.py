"""Imports of other apps' workout exports (Strong, Hevy, FitNotes) and a Strong-format export."""

from bot.coach.ports import Side
from bot.imports.csvfile import MAX_BYTES, MAX_ROWS, ImportRefused
from bot.imports.detect import UNKNOWN_FORMAT
from bot.imports.imported_sets import (
    APP_NAMES,
    BadRow,
    ImportedSet,
    LeftOut,
    SetKind,
    SideFrom,
    SourceApp,
)
from bot.imports.mapping import ExerciseMap
from bot.imports.preview import ExerciseTotal, Preview, preview
from bot.imports.reader import ParsedExport, read_export
from bot.imports.strong_export import STRONG_NAMES, ExportSet, strong_csv

__all__ = [
    "APP_NAMES",
    "MAX_BYTES",
    "MAX_ROWS",
    "STRONG_NAMES",
    "UNKNOWN_FORMAT",
    "BadRow",
    "ExerciseMap",
    "ExerciseTotal",
    "ExportSet",
    "ImportRefused",
    "ImportedSet",
    "LeftOut",
    "ParsedExport",
    "Preview",
    "SetKind",
    "Side",
    "SideFrom",
    "SourceApp",
    "preview",
    "read_export",
    "strong_csv",
]
