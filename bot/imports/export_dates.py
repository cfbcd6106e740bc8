"""The three apps' date and time spellings, read strictly: a cell that fits none is a bad row."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache

# Hevy writes the month as the phone's language abbreviates it ("8 Apr 2026", "8 avr. 2026",
# "8 Okt. 2026"). Accents and dots are dropped before the lookup.
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("jan", "january", "janv", "janvier", "januar", "ene", "enero", "janeiro", "gen",
        "gennaio", "januari", "sty", "styczen", "stycznia", "янв", "январь", "января", "oca",
        "ocak", "tammi", "tammikuu"),
    2: ("feb", "february", "fev", "fevr", "fevrier", "februar", "febrero", "fevereiro",
        "febbraio", "februari", "lut", "luty", "lutego", "фев", "февр", "февраль", "февраля",
        "sub", "subat", "helmi", "helmikuu"),
    3: ("mar", "march", "mars", "marz", "maerz", "mrz", "marzo", "marco", "maart", "mrt",
        "marzec", "marca", "мар", "март", "марта", "maalis", "maaliskuu"),
    4: ("apr", "april", "avr", "avril", "abr", "abril", "aprile", "kwi", "kwiecien",
        "kwietnia", "апр", "апрель", "апреля", "nis", "nisan", "huhti", "huhtikuu"),
    5: ("may", "mai", "mayo", "maio", "mag", "maggio", "mei", "maj", "maja", "май", "мая",
        "mayis", "touko", "toukokuu"),
    6: ("jun", "june", "juin", "juni", "junio", "junho", "giu", "giugno", "cze", "czerwiec",
        "czerwca", "июн", "июнь", "июня", "haz", "haziran", "kesa", "kesakuu"),
    7: ("jul", "july", "juil", "juillet", "juli", "julio", "julho", "lug", "luglio", "lip",
        "lipiec", "lipca", "июл", "июль", "июля", "tem", "temmuz", "heina", "heinakuu"),
    8: ("aug", "august", "aout", "ago", "agosto", "augustus", "sie", "sierpien", "sierpnia",
        "авг", "август", "августа", "agu", "agustos", "elo", "elokuu"),
    9: ("sep", "sept", "september", "septembre", "sep", "septiembre", "set", "setembro",
        "settembre", "wrz", "wrzesien", "wrzesnia", "сен", "сент", "сентябрь", "сентября",
        "eyl", "eylul", "syys", "syyskuu"),
    10: ("oct", "october", "octobre", "okt", "oktober", "octubre", "out", "outubro", "ott",
         "ottobre", "paz", "pazdziernik", "pazdziernika", "окт", "октябрь", "октября", "eki",
         "ekim", "loka", "lokakuu"),
    11: ("nov", "november", "novembre", "noviembre", "novembro", "lis", "listopad",
         "listopada", "ноя", "нояб", "ноябрь", "ноября", "kas", "kasim", "marras", "marraskuu"),
    12: ("dec", "december", "decembre", "dez", "dezember", "dic", "diciembre", "dezembro",
         "dicembre", "des", "desember", "gru", "grudzien", "grudnia", "дек", "декабрь",
         "декабря", "ara", "aralik", "joulu", "joulukuu"),
}  # fmt: skip
_MONTHS = {word: month for month, words in _MONTH_WORDS.items() for word in words}


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().strip().strip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=512)
def month_number(word: str) -> int | None:
    """A month in any of the listed languages, full or abbreviated; None if unsure."""
    key = _plain(word)
    if key in _MONTHS:
        return _MONTHS[key]
    if len(key) < 3:
        return None
    # Abbreviations not listed ("sept", "febr"): the prefix of exactly one month's words.
    months = {m for w, m in _MONTHS.items() if w.startswith(key) or key.startswith(w)}
    return months.pop() if len(months) == 1 else None


# Strong: "2025-07-23 19:16:49", and on a 12-hour phone "2024-01-15 6:30:00 PM", where the
# gap before PM is often a narrow no-break space (U+202F) and the period may be lower case.
_SPACES = "\u202f\u00a0\u2009"
_STRONG = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"(?:\s*([ap])\.?\s*m\.?)?$",
    re.IGNORECASE,
)
# Hevy: "8 Apr 2026, 16:50" (day padded or not), some locales "8. Apr. 2026, 16:50" or with
# "de"; newer exports "2024-01-07 17:15:00", which _STRONG reads.
_HEVY = re.compile(
    r"^(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_][^\s,\d]*)\s+(?:de\s+)?(\d{4}),?\s+(?:um\s+|à\s+|at\s+)?"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?$",
    re.IGNORECASE,
)
_DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def _clean(cell: str) -> str:
    for space in _SPACES:
        cell = cell.replace(space, " ")
    return " ".join(cell.split())


def _clock(hour: int, period: str | None) -> int:
    if period is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(f"hour {hour} is not on a 12-hour clock")
    return hour % 12 + (12 if period.lower() == "p" else 0)


def strong_datetime(cell: str) -> datetime:
    """Strong's Date (also Hevy's newer start_time); ValueError if it is not one."""
    match = _STRONG.match(_clean(cell))
    if not match:
        raise ValueError(f"{cell!r} is not a date and time")
    y, mo, d, h, mi, s, period = match.groups()
    return _moment(cell, int(y), int(mo), int(d), _clock(int(h), period), int(mi), int(s or 0))


def _moment(cell: str, y: int, mo: int, d: int, h: int, mi: int, s: int) -> datetime:
    try:
        return datetime(y, mo, d, h, mi, s)
    except ValueError:
        raise ValueError(f"{cell!r} is not a date and time") from None


def hevy_datetime(cell: str) -> datetime:
    """Hevy's start_time / end_time in any of its spellings; ValueError if none fits."""
    text = _clean(cell)
    match = _HEVY.match(text)
    if not match:
        return strong_datetime(text)
    d, month_word, y, h, mi, s, period = match.groups()
    month = month_number(month_word)
    if month is None:
        raise ValueError(f"{month_word!r} in {cell!r} is not a month I know")
    return _moment(cell, int(y), month, int(d), _clock(int(h), period), int(mi), int(s or 0))


def fitnotes_date(cell: str) -> date:
    """FitNotes' Date: a day, year first ("2026-08-04"); a day-first date would be a guess."""
    match = _DAY.match(cell.strip())
    if not match:
        raise ValueError(f"{cell!r} is not a year-month-day date")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValueError(f"{cell!r} is not a year-month-day date") from None


_DURATION_PART = re.compile(r"(\d+)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)")


def strong_duration(cell: str, in_seconds: bool) -> timedelta | None:
    """ "1h 43m", "38min", "264h 1m", or plain seconds under "Duration (sec)"; None if unreadable
    (a workout's length is a nicety, never a reason to refuse its sets)."""
    text = cell.strip().lower()
    if not text:
        return None
    if in_seconds or text.replace(".", "", 1).isdigit():
        try:
            return timedelta(seconds=float(text))
        except ValueError:
            return None
    parts = _DURATION_PART.findall(text)
    if not parts:
        return None
    seconds = 0
    for amount, unit in parts:
        scale = 3600 if unit.startswith("h") else 60 if unit.startswith("m") else 1
        seconds += int(amount) * scale
    return timedelta(seconds=seconds)
