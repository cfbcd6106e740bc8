"""Typed text made plain for reading sets: keycap digits, number words, quotes, spacing."""

from __future__ import annotations

import re
import unicodedata

# Limits shared with bot/coach/parsing.py (REPS_MAX, NOTE_MAX, TEXT_MAX): the same refusals.
REPS_MAX = 200
NOTE_MAX = 200
TEXT_MAX = 500

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
ORDINAL_WORDS = r"(?:[0-9]{1,3}(?:st|nd|rd|th)?|" + "|".join(_ORDINALS) + ")"
_TENS_WORDS = "|".join(_TENS)
_DIGIT_WORDS = "|".join(_ONES[1:10])
_WORD_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{_TENS_WORDS})(?:[\s-]+(?P<unit>{_DIGIT_WORDS}))?"
    r"|(?P<ones>" + "|".join(_ONES) + r"))\b",
    re.IGNORECASE,
)
# A digit followed by the keycap sign (and maybe the emoji selector): 1️⃣0️⃣ is 10.
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "−": "-", "×": "x"})


# Speech-to-text writes counts as the words that sound like them ("ate reps"); only before
# "reps", or as the whole message, where no other reading is likely.
_SOUNDS_LIKE = {"won": 1, "to": 2, "too": 2, "tree": 3, "for": 4, "fore": 4, "ate": 8}
_HEARD = re.compile(
    r"^(?P<lead>(?:i\s+)?(?:did|got|done|made|make|managed)\s+)?"
    r"(?P<word>" + "|".join(_SOUNDS_LIKE) + r")(?=\s+reps?\b|\s*[.!]*$)",
    re.IGNORECASE,
)
# Dictation and careful typists write the word out: "ten repetitions".
_REPETITIONS = re.compile(r"\brep[ei]titions?\b", re.IGNORECASE)
# "twelve and a half", "12 point 5", "12 & a half": a decimal said in words.
_HALF = re.compile(r"\b([0-9]+)\s*(?:and|&|n)\s+(?:a\s+)?half\b", re.IGNORECASE)
_POINT = re.compile(r"\b([0-9]+)\s+point\s+([0-9]+)\b", re.IGNORECASE)
# A letter o typed for a zero next to a digit: "1o", "2O".
_LETTER_O = re.compile(r"\b([1-9])[oO]\b")


def _number(match: re.Match[str]) -> str:
    if match["tens"]:
        value = _TENS[match["tens"].lower()]
        if match["unit"]:
            value += _ONES.index(match["unit"].lower())
        return str(value)
    return str(_ONES.index(match["ones"].lower()))


def ordinal(word: str) -> int | None:
    """ "8th", "8", "eighth" -> 8."""
    word = word.lower()
    if word in _ORDINALS:
        return _ORDINALS.index(word) + 1
    digits = re.fullmatch(r"([0-9]{1,3})(?:st|nd|rd|th)?", word)
    return int(digits[1]) if digits else None


def normalise(text: str) -> str:
    """NFKC, keycaps and number words as digits, control characters dropped, spaces collapsed.

    Case is kept, so a note reads as it was typed.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _KEYCAP.sub(r"\1", text.replace("🔟", "10"))
    text = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c != "\u200d" else c
        for c in text
    )
    text = text.replace("\ufe0f", "")
    text = " ".join(text.split())
    text = _REPETITIONS.sub("reps", text)
    text = _HEARD.sub(lambda m: (m["lead"] or "") + str(_SOUNDS_LIKE[m["word"].lower()]), text)
    text = _WORD_NUMBER.sub(_number, text)
    text = _HALF.sub(r"\1.5", _POINT.sub(r"\1.\2", text))
    return _LETTER_O.sub(r"\g<1>0", text)


def plain(text: str) -> str:
    """The text made plain but for number words, for phrases that hold one ("wrong one")."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def simplify(text: str) -> str:
    """Lower-case words and digits only, for matching phrases: "I'm done!" -> "im done"."""
    text = text.casefold().replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def as_float(digits: str) -> float:
    """ "12,5" and "12.5" alike."""
    return float(digits.replace(",", "."))
