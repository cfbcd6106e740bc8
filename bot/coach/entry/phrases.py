"""Whole phrases at a set step: undo, skip, stop, rest over, "did the target", corrections."""

from __future__ import annotations

import re
from enum import StrEnum

from bot.coach.entry.text import simplify


class Phrase(StrEnum):
    UNDO = "undo"
    SKIP = "skip"
    STOP = "stop"
    READY = "ready"  # the rest or the switch countdown is over
    TARGET = "target"  # did the target reps


_PHRASES = {
    Phrase.UNDO: {
        "undo", "undo that", "undo it", "undo last", "undo last set", "undo the last set",
        "undo set", "oops", "oopsie", "whoops", "oops wrong", "oops undo", "scratch that",
        "strike that", "delete", "delete that", "delete it", "delete last", "delete last set",
        "delete the last set", "delete last entry", "delete the last one", "remove that",
        "remove last set", "remove the last set", "remove it", "cancel that", "cancel last set",
        "cancel the last set", "wrong", "wrong number", "wrong one", "thats wrong",
        "that was wrong", "mistake", "my mistake", "my bad", "typo", "that was a typo",
        "take that back", "ignore that", "ignore last", "go back", "back", "revert",
        "not that", "mistyped", "fat fingered", "misclick", "wrong button", "oops typo",
    },
    Phrase.SKIP: {
        "skip", "skip it", "skip this", "skip set", "skip this set", "skip the set", "pass",
        "skip this side", "skip side", "skip the side", "skip this leg", "skip leg",
        "skip this one", "skip that", "skip left", "skip right", "skip the left",
        "skip the right", "skip left leg", "skip right leg", "skipping", "skipping this",
        "skipping this side", "skipping this set", "skip for now", "cant do this side",
        "not doing this side", "skip to next",
    },
    Phrase.STOP: {
        "stop", "cancel", "end", "quit", "finish", "finished", "stop workout", "end workout",
        "cancel workout", "stop the workout", "end the workout", "finish workout",
        "finish the workout", "quit workout", "end session", "stop session", "finish session",
        "im done", "i am done", "done for today", "im done for today", "i am done for today",
        "done for the day", "im done for the day", "thats it", "thats it for today",
        "thats all", "thats all for today", "thats enough", "enough", "enough for today",
        "call it a day", "calling it", "calling it a day", "im finished", "i am finished",
        "no more", "no more today", "wrap it up", "lets stop", "stop here", "stop now",
        "end here", "end it", "done with the workout", "done with workout", "done training",
        "im out", "done for now", "finish up", "all done for today", "stop please",
    },
    Phrase.READY: {
        "skip rest", "skip the rest", "no rest", "go", "go now", "ready", "im ready", "next",
        "skip switch", "done resting", "rest over", "lets go", "rested", "ready to go",
        "skip the wait", "skip countdown", "skip the countdown", "start", "start now", "now",
        "go go", "switching now", "switched", "ready now",
    },
    Phrase.TARGET: {
        "done", "did it", "done it", "got it", "target", "all of them", "all reps",
        "hit it", "hit the target", "full set", "as planned", "all done", "completed",
        "complete", "yep done", "did them all", "got them all", "nailed it", "👍", "✅", "✔",
        "☑", "👌", "💯",
    },
}  # fmt: skip
_PHRASE_OF = {text: phrase for phrase, texts in _PHRASES.items() for text in texts}
_EMOJI = {text for text in _PHRASES[Phrase.TARGET] if not text.isascii()}

# "stop, my knee hurts", "im done for today, legs are toast": the phrase, then its reason.
_STOP_LEAD = re.compile(
    r"^(stop|stop workout|end workout|finish|quit|im done|i am done|done for today|"
    r"im done for today|thats it|thats it for today|call it a day|calling it|enough)\b\s+(.*)$"
)


def phrase(text: str) -> Phrase | None:
    """The phrase a whole message is, if any ("Skip this side!" -> SKIP)."""
    stripped = text.strip().rstrip("!.").strip()
    if stripped in _EMOJI:
        return _PHRASE_OF[stripped]
    return _PHRASE_OF.get(simplify(text))


def stop_with_reason(text: str) -> str | None:
    """The reason after a stop phrase ("stop knee hurts" -> "knee hurts"), or None."""
    if text.rstrip().endswith("?"):
        return None
    words = simplify(text)
    found = _STOP_LEAD.match(words)
    if not found:
        return None
    # The reason as typed: skip as many words of the original as the phrase has.
    lead = len(found[1].split())
    parts = text.strip().split(None, lead)
    return parts[-1].lstrip(",;:-–— ").strip() if len(parts) > lead else None


# The opening of a correction of the last logged set. An interjection alone ("actually 9",
# "oops 8", "*9") or a verb phrase ("I meant 9", "make that 9", "edit last set to 9").
_INTERJECTION = (
    r"(?:oops|oopsie|whoops|sorry|wait|ah|argh|ugh|actually|correction|wrong|err?m?|uh|"
    r"my bad|no|nope|nah|typo|mistake)"
)
_VERB = (
    r"(?:i\s+meant(?:\s+to\s+(?:say|type))?|meant|make\s+(?:that|it)|"
    r"(?:it|that)\s+(?:was|should\s+(?:be|have\s+been))|should\s+(?:be|have\s+been)|"
    r"(?:change|edit|fix|correct|update|set)\s+(?:it|that|the\s+last(?:\s+(?:set|one|entry))?|"
    r"last(?:\s+(?:set|one|entry))?)\s+to|(?:edit|fix|correct|change)\s+(?:the\s+)?"
    r"last(?:\s+(?:set|one|entry))?\s*[:=,]?|last\s+(?:set|one)\s+(?:was|should\s+be)|"
    r"(?P<side>left|right)(?:\s+(?:leg|side))?\s+(?:was|should\s+(?:be|have\s+been)|is))"
)
_CORRECTION = re.compile(
    rf"^(?:\*\s*(?=[0-9])|(?:{_INTERJECTION}[\s,!.:;-]*)+)?(?:{_VERB}\b)?[\s:,=-]*",
    re.IGNORECASE,
)
_ACTUALLY = re.compile(r"^(?P<rest>[0-9].*?)[\s,]+(?:actually|i mean)[\s.!]*$", re.IGNORECASE)
_NOT_THAT = re.compile(r"\s*,?\s*\(?(?:not|instead of|rather than)\s+[0-9]+\)?\s*$", re.I)


def correction(text: str) -> tuple[str, str | None] | None:
    """(the corrected entry, the side named) when text corrects the last set, else None."""
    trailing = _ACTUALLY.match(text)
    if trailing:  # "7 actually"
        return trailing["rest"], None
    found = _CORRECTION.match(text)
    if not found or not found[0].strip(" :,=-"):  # "-5" is no correction
        return None
    rest = _NOT_THAT.sub("", text[found.end() :]).strip()
    if not rest or not re.match(r"(?:[0-9]|left\b|right\b|x\s*[0-9])", rest, re.I):
        return None
    return rest, (found.groupdict().get("side") or None)
