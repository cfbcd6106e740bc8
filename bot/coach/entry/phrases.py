"""Whole phrases at a set step: undo, skip, stop, rest over, "did the target", corrections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.coach.entry.typed_text import simplify


class Phrase(StrEnum):
    UNDO = "undo"
    SKIP = "skip"
    STOP = "stop"
    READY = "ready"  # the rest or the switch countdown is over
    TARGET = "target"  # did the target reps
    SAME = "same"  # the reps of the last set again (the target when none)
    REST_OR_STOP = "rest or stop"  # "skip the rest": the rest timer, or the sets left?


_PHRASES = {
    Phrase.UNDO: {
        "undo", "undo that", "undo it", "undo last", "undo last set", "undo the last set",
        "undo set", "oops", "oopsie", "whoops", "oops wrong", "oops undo", "scratch that",
        "scratch it", "scratch the last one", "scratch last one", "scratch the last set",
        "scratch last set", "scratch the last", "scrap that",
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
        "not doing this side", "skip to next", "skip these", "skipping these", "skip them",
        "skipping them", "skipping it", "skipping this one", "skipping that", "moving on",
        "move on", "lets move on", "im moving on", "skip this exercise", "skipping this exercise",
        "ill skip", "ill skip it", "ill skip this", "ill skip this one", "gonna skip",
        "gonna skip it", "gonna skip this", "going to skip", "going to skip this",
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
        "gotta go", "got to go", "have to go", "i have to go", "i gotta go", "need to go",
        "i need to go", "gtg", "g2g", "time to go", "gotta leave", "have to leave",
        "need to leave", "gotta run", "got to run", "have to run", "thats me", "thats me done",
        "thats me finished", "thats it for me", "thats all for me", "done for me", "im off",
        "heading off", "heading out", "out of time", "no time", "no more time",
        "thats all i got", "thats all i have", "i quit", "stopping", "stopping here",
        "stopping now", "im stopping", "ending", "ending here", "end it here", "lets call it",
        "lets end", "lets finish", "lets stop here", "wrapping up", "wrap up", "packing up",
        "finished for today", "im finished for today", "ive had enough", "had enough",
        "no more sets", "no more for today", "thats the session", "end of session",
        "session over", "workout over", "workout done", "finish here", "finish now",
        "i need to stop", "need to stop", "have to stop", "gotta stop", "i have to stop",
        "bailing", "im bailing", "skip the rest of the sets", "skip the rest of the workout",
        "skip remaining sets", "skip the remaining sets", "skip all remaining sets",
        "skip the other sets", "no more sets today", "thats enough for today",
        "call it", "call it quits", "calling it quits", "finishing", "finishing up",
        "wrapping it up",
        "stop there", "stopping there", "end there", "ending there", "leave it there",
    },
    Phrase.READY: {
        "skip rest", "skip the rest", "no rest", "go", "go now", "ready", "im ready", "next",
        "skip switch", "done resting", "rest over", "lets go", "rested", "ready to go",
        "skip the wait", "skip countdown", "skip the countdown", "start", "start now", "now",
        "go go", "switching now", "switched", "ready now",
    },
    Phrase.SAME: {
        "same", "again", "same again", "same as before", "same as last", "same as last time",
        "same as last set", "same as the last set", "same as the last 1", "same as the left",
        "same as the right", "same as left", "same as right", "same as the other side",
        "same as other side", "same as the other leg", "same as other leg", "ditto", "repeat",
        "same reps", "same thing", "same here", "same as the first", "same as the first side",
        "same as the 1st", "same number", "same count", "likewise",
    },
    Phrase.REST_OR_STOP: {"skip the rest", "skip rest of it", "skip the rest of it"},
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
    r"^(?:(?:im|i am|ima|imma|ill|gonna|im gonna|going to|lets)\s+)?"
    r"(stop|stopping|stop workout|end workout|finish|quit|im done|i am done|done for today|"
    r"im done for today|thats it|thats it for today|call it a day|calling it|enough|gotta go|"
    r"have to stop|need to stop|gotta stop|thats me done|ending)\b\s+(.*)$"
)

# Words around a phrase that change nothing: "ok skip", "undo please", "oops undo that".
_AROUND = re.compile(
    r"^(?:(?:ok|okay|alright|so|well|yeah|yep|yes|ah|uh|um|hmm|hey|coach|lol|please|pls|"
    r"oops|whoops|sorry|argh|ugh|just|actually)\s+)*(?P<core>.*?)"
    r"(?:\s+(?:please|pls|plz|thanks|thank you|thx|ty|mate|lol|then))*$"
)
# Time and place words after a skip or a stop: "not doing this side today", "finishing here".
_WHEN = re.compile(
    r"^(?P<core>.*?)\s+(?:today|for today|for now|for the day|tonight|this time|here|there|now)$"
)
# Who says it, before a skip, a stop or an undo: "im calling it", "gonna skip left", "ill pass
# on this one". Only those three are read past it: "im ready" and "im done" are phrases whole.
_SUBJECT = re.compile(
    r"^(?:im|i am|ima|imma|ill|i will|i think ill|ill just|gonna|going to|im gonna|"
    r"i want to|i wanna|wanna|let me|lets|i guess ill|think ill|i might|might)\s+"
)
_LED_BY_SUBJECT = (Phrase.SKIP, Phrase.STOP, Phrase.UNDO)
# Undo said as a verb and what it takes away: "erase last entry", "get rid of that last set",
# "remove previous", "wipe that". "this" is the set now asked, not one logged: no undo.
_UNDO_NAMED = re.compile(
    r"^(?:undo|delete|remove|erase|clear|cancel|scratch|scrap|wipe|bin|nuke|strike|"
    r"get rid of|take off|take out)\s+"
    r"(?:it|that|(?:(?:the|that|my)\s+)?(?:(?:last|previous|prev|latest|most recent)"
    r"(?:\s+(?:one|1|set|entry|log|line|input|number))?|entry|log))$"
)
# "skip set 2", "no right today": skip, with the set or the side named.
_SKIP_NAMED = re.compile(
    r"^(?:(?:skip|skipping|no|not doing|pass on|passing on|leave out|sit out|sitting out|"
    r"dropping|drop)\s+(?:the\s+|this\s+|my\s+)?(?:(?:left|right)(?:\s+(?:leg|side))?|"
    r"set(?:\s+[0-9]+)?|(?:this|that)\s+(?:set|side|leg))"
    # A skip verb (never "no" or "drop") may take "this one", "that", "it".
    r"|(?:skip|skipping|pass on|passing on|sit out|sitting out|sit|leave out)\s+"
    r"(?:this|that|it)(?:\s+(?:one|1|round))?)$"
)
_INTERJECTION_ONLY = {
    "oops", "whoops", "sorry", "ugh", "argh", "my bad", "ah", "damn", "dang", "nah", "no",
    "not today", "ok", "okay", "right then", "alright",
}  # fmt: skip


# A set logged on the wrong leg: taken back, and that side asked again.
_WRONG_SIDE = re.compile(
    r"^(?:(?:that|it|this)\s+(?:was|is)\s+)?(?:(?:i\s+)?(?:logged|put|did|entered|typed)\s+"
    r"(?:it\s+|that\s+)?(?:on|for|as|under)\s+)?(?:the\s+)?wrong\s+(?:leg|side)"
    r"(?:\s+(?:logged|sorry))?$"
)


def _lookup(words: str) -> Phrase | None:
    found = _PHRASE_OF.get(words)
    if found is not None or not words:
        return found
    if _SKIP_NAMED.match(words):
        return Phrase.SKIP
    if _UNDO_NAMED.match(words) or _WRONG_SIDE.match(words):
        return Phrase.UNDO
    timed = _WHEN.match(words)
    if timed:  # "done today" is a stop; a skip or a stop may say when
        core = timed["core"]
        if core in ("done", "all done", "finished"):
            return Phrase.STOP
        said = _PHRASE_OF.get(core) or (Phrase.SKIP if _SKIP_NAMED.match(core) else None)
        return said if said in (Phrase.SKIP, Phrase.STOP) else None
    return None


def phrase(text: str) -> Phrase | None:
    """The phrase a whole message is, if any ("Skip this side!" -> SKIP)."""
    stripped = text.strip().rstrip("!.").strip()
    if stripped in _EMOJI:
        return _PHRASE_OF[stripped]
    words = simplify(text)
    found = _lookup(words)
    if found is None:
        core = _AROUND.match(words)
        found = _lookup(core["core"]) if core and core["core"] != words else None
    if found is None:
        found = _past_subject(words)
    if found is None and re.search(r"[,;.!]", text):  # "wrong one, remove it"
        parts = [simplify(part) for part in re.split(r"[,;.!]+", text)]
        said = {phrase(part) for part in parts if part and part not in _INTERJECTION_ONLY}
        found = said.pop() if len(said) == 1 else None
    return found


def _past_subject(words: str) -> Phrase | None:
    """ "im gonna skip this one" -> SKIP: the phrase after who says it, if it is a skip, a
    stop or an undo."""
    core = _AROUND.match(words)
    rest = core["core"] if core else words
    stripped = False
    while lead := _SUBJECT.match(rest):
        rest, stripped = rest[lead.end() :], True
    if not stripped:
        return None
    found = _lookup(rest)
    return found if found in _LED_BY_SUBJECT else None


# What a lifter has no use of right now: a skip and its reason all in one ("no band today",
# "bench is taken", "band snapped", "someone's on the bench").
_KIT = (
    r"(?:bench|benches|band|bands|loop band|mini band|box|step|sofa|couch|mat|pad|barbell|bar|"
    r"dumbbells?|dbs?|kettlebells?|kbs?|plates?|machine|rack|station|spot|equipment|gear)"
)
_KIT_GONE = re.compile(
    rf"^(?:(?:the|my|our|a|that)\s+)?{_KIT}\s+(?:is\s+|s\s+|was\s+|are\s+|got\s+|just\s+)*"
    r"(?:taken|busy|occupied|in use|being used|broken|broke|snapped|ripped|tore|torn|gone|"
    r"missing|unavailable|not available|not here|not free)"
    rf"|^(?:someone|somebody|some guy|a guy|people|theres someone)(?:s|\s+is|\s+are)?\s+"
    rf"(?:on|using|hogging|camping on|at)\s+(?:the\s+|my\s+|all the\s+)?{_KIT}"
    rf"|^(?:no|dont have (?:a|the|my|any)|forgot (?:my|the|a)|lost (?:my|the)|cant find "
    rf"(?:my|the|a))\s+{_KIT}"
)
_KIT_WHEN = r"(?:\s+(?:today|here|again|rn|right now|atm|at the moment|lol|ugh|sadly))*$"


def _kit_gone(words: str) -> bool:
    return bool(_KIT_GONE.match(words) and re.search(_KIT_WHEN, words))


def skip_with_reason(text: str) -> tuple[str | None, str] | None:
    """A skip said with why ("bench is taken, skip this one", "no band today"): the side it
    names and the reason; None for anything else. A question ("should I skip this?") is none."""
    if text.rstrip().endswith("?"):
        return None
    parts = [part.strip() for part in re.split(r"[,;.!]+|\s+(?:so|-|–|—)\s+", text)]
    parts = [part for part in parts if simplify(part)]
    skips = [part for part in parts if phrase(part) is Phrase.SKIP]
    reasons = [part for part in parts if part not in skips]
    if not skips and not (len(parts) == 1 and _kit_gone(simplify(parts[0]))):
        return None
    if (skips and not reasons) or re.search(r"[0-9]", " ".join(reasons)):
        return None  # a skip alone is read as such; a count in it may be a set
    named = re.search(r"\b(left|right)\b", " ".join(skips).lower())
    return (named[1] if named else None), ", ".join(reasons)


def stop_with_reason(text: str) -> str | None:
    """The reason after a stop phrase ("stop knee hurts" -> "knee hurts"), or None."""
    if text.rstrip().endswith("?"):
        return None
    words = simplify(text)
    found = _STOP_LEAD.match(words)
    if not found:
        return _stop_among_parts(text)
    # The reason as typed: skip as many words of the original as the phrase (and who said
    # it) has.
    lead = len(words[: found.start(2)].split())
    parts = text.strip().split(None, lead)
    return parts[-1].lstrip(",;:-–— ").strip() if len(parts) > lead else None


def _stop_among_parts(text: str) -> str | None:
    """ "gym closing, ending here", "I quit, too tired": a stop said in one part of the line,
    its reason in the others (no count among them: "10, done" is a set)."""
    parts = [part.strip() for part in re.split(r"[,;.!]+|\s+(?:-|–|—)\s+", text)]
    parts = [part for part in parts if simplify(part)]
    stops = [part for part in parts if phrase(part) is Phrase.STOP]
    reasons = [part for part in parts if part not in stops]
    if len(stops) != 1 or not reasons or re.search(r"[0-9]", " ".join(reasons)):
        return None
    return ", ".join(reasons)


# The opening of a correction of a logged set. An interjection alone ("actually 9", "oops 8",
# "*9") or a verb phrase ("I meant 9", "make that 9", "edit last set to 9"), which may name the
# side and the set ("oops set 1 left was 11", "change left to 9").
_INTERJECTION = (
    r"(?:oops|oopsie|whoops|woops|sorry|wait|hold on|hang on|ah|actually|correction|wrong|"
    r"err?m?|uh|my bad|no|nope|nah|typo|mistake|nvm|never\s*mind|scratch that)"
)
_NTH = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)"
_SET = rf"(?:(?:on\s+|in\s+|for\s+)?(?:the\s+)?(?:set\s*[0-9]+|{_NTH}\s+set))"
_SIDE = r"(?:(?:the\s+|my\s+)?(?:left|right)(?:\s+(?:leg|side))?)"
_NAMED = rf"(?:{_SET}\s+{_SIDE}|{_SIDE}(?:\s+{_SET})?|{_SET})"
_LAST = r"(?:(?:the\s+)?last(?:\s+(?:set|one|1|entry))?)"
_VERB = (
    r"(?:i\s+meant(?:\s+to\s+(?:say|type))?|meant|"
    rf"make\s+(?:(?:that|it)(?:\s+{_LAST})?|{_LAST}|{_NAMED})|"
    rf"(?:change|edit|fix|correct|update|set)\s+(?:it|that|{_LAST}|{_NAMED})\s+to|"
    r"(?:fix|edit|correct|change|update)(?=\s*[:=]|\s+(?:[0-9]|left\b|right\b))|"
    r"(?:it|that)\s+(?:was|should\s+(?:be|have\s+been))|should\s+(?:be|have\s+been)|"
    rf"(?:edit|fix|correct|change)\s+{_LAST}\s*[:=,]?|{_LAST}\s+(?:was|should\s+be)|"
    rf"{_NAMED}\s+(?:was|should\s+(?:be|have\s+been)|is))"
    r"(?:\s+(?:only|just|actually|really|more like))?"
)
# "wait i did 7 on the left": a count said again, a correction only after an interjection.
_SAID_AGAIN = r"(?:i\s+)?(?:only\s+)?(?:did|got|had|managed)(?:\s+only)?"
_CORRECTION = re.compile(
    rf"^(?:(?P<star>\*\s*(?=[0-9]))|(?P<interjection>(?:{_INTERJECTION}[\s,!.:;-]*)+))?"
    rf"(?:(?P<verb>{_VERB})\b|(?P<again>{_SAID_AGAIN})\b)?[\s:,=-]*",
    re.IGNORECASE,
)
_ACTUALLY = re.compile(r"^(?P<rest>[0-9].*?)[\s,]+(?:actually|i mean)[\s.!]*$", re.IGNORECASE)
_NOT_THAT = re.compile(
    r"\s*,?\s*\(?(?:not|instead of|rather than)\s+(?:the\s+)?(?P<was>[0-9]+)\)?\s*$", re.I
)
_SET_NUMBER = re.compile(
    r"\bset\s*([0-9]+)\b|\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+set\b"
)
_ORDINAL_SET = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}  # fmt: skip


@dataclass(frozen=True)
class Correction:
    """What a correction names: the corrected entry, and which logged set it is of."""

    rest: str  # the corrected set as typed ("9", "9 @ 12.5kg")
    side: str | None = None  # "left was 9"
    set_number: int | None = None  # "set 1 left was 11"
    was: int | None = None  # the wrong number: "9 not 10"


def _named_set(words: str) -> int | None:
    found = _SET_NUMBER.search(words)
    if not found:
        return None
    return int(found[1]) if found[1] else _ORDINAL_SET[found[2].lower()]


def correction(text: str) -> Correction | None:
    """What text corrects when it corrects a logged set, else None."""
    trailing = _ACTUALLY.match(text)
    if trailing:  # "7 actually"
        return Correction(trailing["rest"])
    found = _CORRECTION.match(text)
    if not found or not found[0].strip(" :,=-"):  # "-5" is no correction
        return None
    if found["again"] and not found["interjection"]:  # "did 9" is this set
        return None
    rest = text[found.end() :]
    wrong = _NOT_THAT.search(rest)
    rest = (rest[: wrong.start()] if wrong else rest).strip()
    if not rest or not re.match(r"(?:[0-9]|left\b|right\b|x\s*[0-9])", rest, re.I):
        return None
    verb = found["verb"] or ""
    side = re.search(r"\b(left|right)\b", verb, re.I)
    return Correction(
        rest, side[1].lower() if side else None, _named_set(verb),
        int(wrong["was"]) if wrong else None,
    )  # fmt: skip
