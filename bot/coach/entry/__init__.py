"""The set-entry language: what a lifter types at a set step, read without side effects."""

from bot.coach.entry.entry import read_entry
from bot.coach.entry.loads import Load
from bot.coach.entry.results import (
    BothSides,
    Confirm,
    Context,
    Entry,
    LoadChange,
    Option,
    PainReport,
    Ready,
    Refused,
    Replace,
    SetAnswer,
    Skip,
    Stop,
    Undo,
)
from bot.coach.entry.tags import Effort, reports_pain

__all__ = [
    "BothSides", "Confirm", "Context", "Effort", "Entry", "Load", "LoadChange", "Option",
    "PainReport", "Ready", "Refused", "Replace", "SetAnswer", "Skip", "Stop", "Undo",
    "read_entry", "reports_pain",
]  # fmt: skip
