"""Counts said by what went wrong: the rep that failed, the reps missed of the target."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.coach.entry.tags import Effort
from bot.coach.entry.typed_text import ORDINAL_WORDS, ordinal

_I = r"[0-9]{1,3}"

# "failed the 8th" / "failed on 8" is 7 reps, "failed at 8" is 8 (to failure); "missed 2"
# and "2 short" are that many fewer than the target.
_FAILED_AT = re.compile(
    rf"^(?:i\s+)?(?P<verb>failed|missed|dropped|lost|died|couldnt get|couldnt do|couldnt finish)"
    rf"\s+(?P<prep>on\s+|at\s+)?(?P<the>the\s+)?(?P<last>last\s+)?(?P<rep>rep\s+)?"
    rf"(?P<n>{ORDINAL_WORDS})"
    rf"(?P<after>\s+reps?)?\b"
)
_SHORT = re.compile(
    rf"^(?:(?P<n>{_I})\s+(?:reps?\s+)?(?:short|shy|under|less|fewer)(?:\s+of\s+(?:the\s+)?"
    rf"(?:target|goal))?|all\s+but\s+(?P<m>{_I})(?:\s+reps?)?)\b"
)


@dataclass(frozen=True)
class Count:
    reps: int
    end: int  # where the words of the count end
    effort: Effort | None = None


def reps_missed(low: str, target: int) -> Count | None:
    """A count said by the rep that failed or the reps missed: "failed the 8th", "missed 2"."""
    short = _SHORT.match(low)
    if short:
        reps = target - int(short["n"] or short["m"])
        return Count(reps, short.end()) if reps >= 1 else None
    failed = _FAILED_AT.match(low)
    if not failed or (n := ordinal(failed["n"])) is None:
        return None
    by_rep = failed["the"] or failed["rep"] or not failed["n"].isdigit() or failed["prep"]
    if failed["last"] or (failed["verb"] in ("missed", "dropped", "lost") and not by_rep):
        reps = target - n  # "missed 2": two reps short of the target
        return Count(reps, failed.end()) if reps >= 1 else None
    if failed["prep"] == "at " and failed["n"].isdigit() and not (failed["the"] or failed["rep"]):
        return Count(n, failed.end(), Effort.FAILURE)  # "failed at 8": 8 reps
    if n < 2 or failed["after"]:
        return None
    return Count(n - 1, failed.end(), Effort.FAILURE)
