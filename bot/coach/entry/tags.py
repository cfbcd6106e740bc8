"""What follows the numbers of a set: effort words, RPE, RIR, pain (and its negation), a note."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.coach.entry.typed_text import ORDINAL_WORDS, as_float


class Effort(StrEnum):
    EASY = "easy"
    OK = "ok"
    HARD = "hard"
    FAILURE = "failure"


_EFFORT_WORDS = {
    Effort.EASY: "easy|easier|light|lighter|too easy|easy peasy|a breeze|breeze|piece of cake|"
    "comfortable|smooth|smoother|effortless|warm up|warmup|ez|simple|cruised|cruising|"
    "flew up|felt nothing|no problem|cakewalk|a cakewalk|cake|piece of piss|no sweat|"
    "light work|walk in the park|😎|🥱|😴",
    Effort.OK: "ok|okay|fine|good|decent|moderate|medium|solid|just right|about right|alright|"
    "all right|not bad|manageable|normal|same as last|as expected",
    Effort.HARD: "hard|harder|tough|tougher|heavy|heavier|brutal|difficult|challenging|grindy|"
    "a grind|grind|grinder|a grinder|grinded|ground out|a struggle|struggle|struggled|"
    "struggling|killer|hardish|near failure|close to failure|almost failed|nearly failed|intense|"
    "savage|rough|nasty|spicy|burning|cooked|gassed|wrecked|destroyed|dead|ugh|argh|oof|phew|"
    "knackered|shattered|stuffed|fried|toast|smoked|spent|done in|buggered|rinsed|"
    "whew|😩|😫|😵|🥵|💀|☠|😤|😮‍💨|🫠|😓|😰",
    Effort.FAILURE: "failure|failed|fail|f|to failure|till failure|til failure|until failure|"
    "to fail|max|maxed out|all out|absolute failure|couldnt finish|couldnt do more|"
    "couldnt do another|could not do another|failed last rep|failed the last rep|"
    "failed on the last rep|failed the last 1|couldnt get the last 1|couldnt get the last rep|"
    "failing|before failing|before failure|hit failure|reached failure|went to failure|"
    "then failure|died|died after|hit the wall",
}
# Words around an effort that add nothing: "felt fairly easy", "it was pretty tough".
_FILLER = (
    r"(?:felt|feels|feeling|it felt|it was|was|were|is|that was|pretty|very|quite|really|a bit|"
    r"bit|a little|little|kinda|kind of|super|so|fairly|rather|somewhat|moderately|bit of a|a|an|"
    r"way|much|even|bit more|lot|a lot|af|as hell|real|proper|total|absolute|such a|"
    r"absolutely|totally|completely|utterly|properly|well|bloody|fully|"
    r"overall|today|this time|set|the set|lol|lmao|haha|tbh|ngl|honestly|man|bro|dude|tho|"
    r"idk|i guess|i think|maybe|prob|probably|lowkey|highkey|fr|tbf|imo|"
    r"than last(?: time| set| 1| week)?|than expected|than before|than the left|"
    r"than the right|than the other side|than the other leg|than yesterday|[!.]+)"
)
# What an effort is said of: "last one was a grind", "the last 2 were tough", "this 1 felt easy".
_SUBJECT = (
    r"(?:(?:the\s+)?last\s+(?:[0-9]+|couple|few|rep|reps|set)(?:\s+reps?)?|(?:the\s+)?end|"
    r"it|this|that|this 1|that 1|this side|this leg|the reps|reps)\s+"
)
_EFFORT_OF = {word: effort for effort, words in _EFFORT_WORDS.items() for word in words.split("|")}
_EFFORT = re.compile(
    rf"^(?:{_SUBJECT})?(?:{_FILLER}\s+)*(?P<word>"
    + "|".join(sorted(map(re.escape, _EFFORT_OF), key=len, reverse=True))
    # "a tough one", "easy one": the one is the set ("one" arrives here as 1).
    + rf")(?:\s+{_FILLER})*(?:\s+(?:one|1))?$"
)

_VALUE = r"([0-9]+(?:[.,][0-9]+)?)"
_RPE = [
    re.compile(rf"@?\s*\brpe\s*(?:of\s*|[:=]\s*)?{_VALUE}"),
    re.compile(rf"(?<![0-9.,]){_VALUE}\s*rpe\b"),
]
_RIR = [
    re.compile(rf"(?:with\s+|@\s*)?\brir\s*[:=]?\s*{_VALUE}"),
    re.compile(rf"(?:with\s+|@\s*)?(?<![0-9.,]){_VALUE}\s*rir\b"),
    re.compile(
        rf"(?:with\s+|(?:felt|feels|feeling)\s+like\s+|maybe\s+|about\s+|~\s*|prob(?:ably)?\s+)?"
        rf"(?<![0-9.,]){_VALUE}\s+(?:more\s+)?(?:reps?\s+)?(?:left\s+)?in\s+(?:the\s+)?"
        r"(?:tank|reserve|me)\b"
    ),
    re.compile(
        rf"(?:i\s+)?(?:could(?:ve|'ve|a|\s+have|\s+of)?\s+(?:done|do|did|get|got|gotten|go|gone|"
        rf"squeeze(?:d)?(?:\s+out)?|grind(?:ed)?(?:\s+out)?)|had|have|"
        rf"got)\s+(?:maybe\s+|about\s+)?{_VALUE}\s+more\b(?:\s+reps?)?(?:\s+(?:in\s+me|left))?"
    ),
]

# Pain words, and the ones that count only at a joint ("knee a bit sore"; sore glutes are DOMS).
_PAIN = re.compile(
    r"\b(pain|painful|pains|hurts?|hurting|hurted|injur(?:y|ed|ies)|ouch|ow+|sprain(?:ed)?|"
    r"sharp|stabbing|twinge|niggle|niggles|niggly|niggling|discomfort|strain(?:ed)?|pulled|"
    r"aches?|aching|achy|throbbing)\b"
)
_JOINT_PAIN = re.compile(r"\b(sore|tweak(?:ed)?|pinch(?:ed|ing|y)?|tender|clicking|popped)\b")
# A tweak of a muscle is a strain ("hamstring tweaked a bit"); soreness there is DOMS.
_TWEAK = re.compile(r"\b(tweak(?:ed|y)?)\b")
_MUSCLE = re.compile(
    r"\b(hamstrings?|hammys?|hammies|glutes?|quads?|calf|calves|adductors?|groin|abs|obliques?)\b"
)
# Pain said with pleasure: "hurts so good", "the good kind of pain", "hurt in a good way".
_GOOD_PAIN = re.compile(
    r"\b(?:hurts?|hurting|pain|burn)\s+(?:so\s+good|in\s+a\s+good\s+way|good)\b|"
    r"\bgood\s+(?:kind\s+of\s+)?(?:pain|hurt|burn)\b"
)
_JOINT = re.compile(
    r"\b(knees?|hips?|back|spine|ankles?|joint|shoulders?|neck|groin|si|sacrum|tailbone|"
    r"it band|patella|kneecap|lumbar)\b"
)
# A negator before the pain word in the same clause, or "free" / "gone" after it.
_NEGATED_BEFORE = re.compile(
    r"\b(no|not|never|without|zero|0\s*/\s*10|0|none|nothing|didnt|didn't|doesnt|doesn't|"
    r"dont|don't|"
    r"wasnt|wasn't|isnt|isn't|aint|nor|neither|free of|w/o)\b(?:\s+\S+){0,4}\s*$"
)
# A pain score of zero after the word counts too: "pain 0/10", "pain: 0", "pain score zero".
_NEGATED_AFTER = re.compile(
    r"^\s*[-:=]?\s*(?:(?:score|level|rating)\s*[:=]?\s*)?"
    r"(?:free|gone|less|went away|is fine|fine now|"
    r"(?:0|zero|none|nil)(?:\s*/\s*10|\s+out\s+of\s+10)?(?![0-9.,/]))"
)
# "Will this hurt my knees?" asks about pain; it does not report it.
_HYPOTHETICAL = re.compile(
    r"^(does|do|can|could|will|would|should|might|may|is|are|how|what|why)\b"
)


# A rep that would not go, after the count: "5 couldnt get the 6th", "6 failed on 7".
_FAILED_REP = re.compile(
    r"^(?:but\s+|and\s+)?(?:i\s+)?(?:couldnt|could not|cant|didnt|did not|failed(?:\s+to)?|"
    r"missed|lost|died on|dropped|no)\s+(?:(?:get|got|do|make|finish|complete|hit|lock out|"
    rf"grind out|on|at)\s+)?(?:the\s+)?(?:rep\s+)?(?:{ORDINAL_WORDS}|last|next)"
    r"(?:\s+(?:rep|one|1))?(?:\s+rep)?$"
)


# A clause that goes on from the count ("6 then failed", "8 and it was a struggle"), and the
# emoji around a word that says it already ("too easy 😴").
_CONNECTOR = re.compile(r"^(?:and\s+then|and|then|but|so)\s+")
_SYMBOLS = re.compile(r"[^\w\s!.]+")


def effort_of(segment: str) -> Effort | None:
    """The effort a whole clause names ("felt fairly easy", "couldnt get the 6th"), or None."""
    text = _CONNECTOR.sub("", segment.strip().lower().replace("'", ""))
    match = _EFFORT.match(text)
    if not match and (words := " ".join(_SYMBOLS.sub(" ", text).split())) and words != text:
        match = _EFFORT.match(words)
    if match:
        return _EFFORT_OF[match["word"]]
    return Effort.FAILURE if _FAILED_REP.match(text) else None


# Effort words clear enough to lead a note ("10 hard wobbly": hard, and a note "wobbly"); words
# like "good" or "fine" lead notes about other things ("good form"), so they must stand alone.
_LEADING = ("easy", "light", "hard", "tough", "heavy", "brutal", "failure", "failed", "grindy")
_LEADING_EFFORT = re.compile(rf"^(?P<word>{'|'.join(_LEADING)})\s+(?P<rest>\S.*)$")


def leading_effort(clause: str) -> tuple[Effort, str] | None:
    """An effort word that starts a clause with more after it: the effort and the rest."""
    match = _LEADING_EFFORT.match(clause.strip().lower())
    return (_EFFORT_OF[match["word"]], match["rest"]) if match else None


@dataclass(frozen=True)
class Numbers:
    """RPE and RIR found in a text, where they were, and what was wrong with them."""

    spans: tuple[tuple[int, int], ...] = ()
    rpe: float | None = None
    rir: int | None = None
    problem: str | None = None


# No reps in reserve, said in words: "nothing left in the tank", "tank empty", "0 left".
_RIR_ZERO = re.compile(
    r"\b(?:(?:nothing|none|zero|no(?:\s+more)?(?:\s+reps?)?|0)\s+(?:more\s+)?(?:reps?\s+)?"
    r"(?:left\s+)?(?:in\s+(?:the\s+)?(?:tank|reserve|me)|left(?!\s+(?:leg|side|knee|hip)))|"
    r"(?:the\s+)?tank\s+(?:was\s+|is\s+)?(?:empty|dry)|empty\s+tank|"
    r"could(?:nt|n't|\s+not)\s+(?:have\s+)?(?:done|do|get|squeeze(?:\s+out)?)\s+"
    r"(?:another|1\s+more|any\s+more|anymore|more))\b"
)


def _take(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            return found
    return None


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + "," * (span[1] - span[0]) + text[span[1] :]


def effort_numbers(text: str) -> Numbers:
    """RPE (1-10 in half steps) and RIR (0-10, whole) in lower-case text, and their spans."""
    rpe_found = _take(_RPE, text)
    if rpe_found:
        text = _blank(text, rpe_found.span())
    rir_found = _take(_RIR, text)
    zero = None if rir_found else _RIR_ZERO.search(text)
    spans = tuple(found.span() for found in (rpe_found, rir_found, zero) if found)
    rpe, rir = None, 0 if zero else None
    if rpe_found:
        rpe = as_float(rpe_found[1])
        if not 1 <= rpe <= 10 or (rpe * 2) != int(rpe * 2):
            return Numbers(spans, problem="RPE goes from 1 to 10 in half steps, like rpe 8.5.")
    if rir_found:
        value = as_float(rir_found[1])
        if value != int(value) or not 0 <= value <= 10:
            return Numbers(spans, problem="Reps in reserve is a whole number 0-10, like rir 2.")
        rir = int(value)
    return Numbers(spans, rpe, rir)


def _clause_pain(clause: str) -> str | None:
    """ "strong" for a pain word, "soft" for a joint that is sore or clicking, or None."""
    if _GOOD_PAIN.search(clause):
        return None
    for found in _PAIN.finditer(clause):
        if not _negated(clause, found):
            return "strong"
    for found in _TWEAK.finditer(clause):
        if _MUSCLE.search(clause) and not _negated(clause, found):
            return "strong"
    for found in _JOINT_PAIN.finditer(clause):
        if _JOINT.search(clause) and not _negated(clause, found):
            return "soft"
    return None


def _negated(clause: str, found: re.Match[str]) -> bool:
    before, after = clause[: found.start()], clause[found.end() :]
    return bool(_NEGATED_BEFORE.search(before) or _NEGATED_AFTER.match(after))


# Clauses end at punctuation and at "but" ("no pain but my knee hurts" has both). A note is
# kept in pieces between punctuation only: "knee a bit sore but ok" is one thing said.
# A slash between digits is a score ("pain 0/10"), not the end of a clause.
_CLAUSE = re.compile(
    r"\s*(?:[,;.!()\[\]|]|(?<![0-9])(?<![0-9]\s)/|/(?!\s?[0-9])|\s-\s|\s–\s|—|\bbut\b|"
    r"\bthough\b)\s*"
)
_PIECE = re.compile(r"\s*(?:[,;.!()\[\]|]|\s-\s|\s–\s|—)\s*")


def clauses(text: str) -> list[str]:
    return [text[start:end] for start, end in clause_spans(text)]


def clause_spans(text: str, separators: re.Pattern[str] = _CLAUSE) -> list[tuple[int, int]]:
    """Where each clause of a text is: between punctuation, dashes, "but"."""
    spans, start = [], 0
    for separator in separators.finditer(text):
        if text[start : separator.start()].strip():
            spans.append((start, separator.start()))
        start = separator.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def piece_spans(text: str) -> list[tuple[int, int]]:
    """Where each piece of a note is: between punctuation and dashes ("but" stays inside)."""
    return clause_spans(text, _PIECE)


def reports_pain(text: str) -> bool:
    """Whether a text says something hurts; "no pain", "knee didn't hurt" do not."""
    low = text.lower().replace("’", "'")
    if low.rstrip().endswith("?") and _HYPOTHETICAL.match(low.strip()):
        return False
    parts = clauses(low)
    said = [_clause_pain(part) for part in parts]
    if "strong" in said:
        return True
    # "knee was clicking, no pain tho": a sore or clicking joint the lifter says didn't hurt.
    denied = any(pain is None and _names_pain(part) for part, pain in zip(parts, said, strict=True))
    return "soft" in said and not denied


def _names_pain(clause: str) -> bool:
    return bool(_PAIN.search(clause) or (_JOINT_PAIN.search(clause) and _JOINT.search(clause)))


def negated_pain(clause: str) -> bool:
    """A clause that only says nothing hurt ("pain free", "no knee pain today")."""
    low = clause.lower()
    return _names_pain(low) and not any(_clause_pain(part) for part in clauses(low))
