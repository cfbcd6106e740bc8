"""Reads a timezone the way people say it: an IANA name, a city (typos too), or a UTC offset."""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from datetime import timedelta, timezone, tzinfo
from functools import cache

from rapidfuzz import fuzz, process

from bot.reminders.parsing import MAX_INPUT, NotUnderstood

ZONE_HINT = "Send a city (London), a zone (Europe/Berlin) or an offset (UTC+2)."

# Areas of real places; the others (US/, Etc/, "GB", "Factory") are legacy links or not places.
_AREAS = {
    "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
    "Australia", "Europe", "Indian", "Pacific",
}  # fmt: skip

# Big cities and countries whose zone is named after another city, and the abbreviations people
# use for a region's clock (EST in July still means New York's clock, not a fixed -05:00).
_ALIASES = {
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles", "san diego": "America/Los_Angeles",
    "portland": "America/Los_Angeles", "california": "America/Los_Angeles",
    "boston": "America/New_York", "washington": "America/New_York",
    "washington dc": "America/New_York", "miami": "America/New_York",
    "atlanta": "America/New_York", "philadelphia": "America/New_York",
    "nyc": "America/New_York", "montreal": "America/Toronto", "ottawa": "America/Toronto",
    "houston": "America/Chicago", "dallas": "America/Chicago", "austin": "America/Chicago",
    "minneapolis": "America/Chicago", "salt lake city": "America/Denver",
    "mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata", "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
    "chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "pune": "Asia/Kolkata",
    "india": "Asia/Kolkata", "beijing": "Asia/Shanghai", "shenzhen": "Asia/Shanghai",
    "guangzhou": "Asia/Shanghai", "china": "Asia/Shanghai", "osaka": "Asia/Tokyo",
    "kyoto": "Asia/Tokyo", "japan": "Asia/Tokyo", "hanoi": "Asia/Ho_Chi_Minh",
    "saigon": "Asia/Ho_Chi_Minh", "abu dhabi": "Asia/Dubai", "tel aviv": "Asia/Jerusalem",
    "manchester": "Europe/London", "birmingham": "Europe/London",
    "edinburgh": "Europe/London", "glasgow": "Europe/London", "liverpool": "Europe/London",
    "uk": "Europe/London", "england": "Europe/London", "scotland": "Europe/London",
    "munich": "Europe/Berlin", "hamburg": "Europe/Berlin", "frankfurt": "Europe/Berlin",
    "cologne": "Europe/Berlin", "germany": "Europe/Berlin", "france": "Europe/Paris",
    "barcelona": "Europe/Madrid", "spain": "Europe/Madrid", "milan": "Europe/Rome",
    "italy": "Europe/Rome", "bern": "Europe/Zurich", "geneva": "Europe/Zurich",
    "krakow": "Europe/Warsaw", "poland": "Europe/Warsaw", "st petersburg": "Europe/Moscow",
    "saint petersburg": "Europe/Moscow", "kiev": "Europe/Kyiv", "netherlands": "Europe/Amsterdam",
    "rotterdam": "Europe/Amsterdam", "rio": "America/Sao_Paulo",
    "rio de janeiro": "America/Sao_Paulo", "canberra": "Australia/Sydney",
    "wellington": "Pacific/Auckland", "new zealand": "Pacific/Auckland",
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "bst": "Europe/London", "cet": "Europe/Berlin", "cest": "Europe/Berlin",
    "ist": "Asia/Kolkata", "jst": "Asia/Tokyo", "aest": "Australia/Sydney",
}  # fmt: skip

_PREFIXES = re.compile(
    r"^(?:i'?m in|i am in|i live in|im in|in|my timezone is|timezone|time zone|tz)\s+"
)
_OFFSET = re.compile(
    r"^(?:utc|gmt|z)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:\s*:?\s*(?P<minutes>\d{2}))?$"
)


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case IANA name -> name, city name -> name), built once from the zone database."""
    names = {n for n in zoneinfo.available_timezones() if n not in {"localtime", "Factory"}}
    exact = {n.lower(): n for n in names}
    cities: dict[str, str] = {}
    # Shorter names first: "America/Indianapolis" wins over "America/Indiana/Indianapolis".
    for name in sorted(names, key=lambda n: (n.count("/"), n)):
        area, _, city = name.partition("/")
        if area in _AREAS and city:
            cities.setdefault(city.rsplit("/", 1)[-1].replace("_", " ").lower(), name)
    cities.update(_ALIASES)
    return exact, cities


def _ascii(text: str) -> str:
    """ "São Paulo" -> "Sao Paulo": accents dropped, other non-ASCII left to be refused."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _offset_name(sign: str, hours: int, minutes: int) -> str | NotUnderstood:
    total = hours * 60 + minutes
    if minutes > 59 or (sign == "+" and total > 14 * 60) or (sign == "-" and total > 12 * 60):
        return NotUnderstood(f"UTC offsets run from -12:00 to +14:00. {ZONE_HINT}")
    return "UTC" if total == 0 else f"UTC{sign}{hours:02d}:{minutes:02d}"


def parse_zone(text: str) -> str | NotUnderstood:
    """The canonical zone name: an IANA name ("Europe/London") or "UTC+05:30"."""
    cleaned = " ".join(text.strip().replace("−", "-").split())
    if not cleaned:
        return NotUnderstood(f"I didn't get a timezone. {ZONE_HINT}")
    if len(cleaned) > MAX_INPUT:
        return NotUnderstood(f"That's too long to be a timezone. {ZONE_HINT}")
    lowered = _PREFIXES.sub("", _ascii(cleaned).lower()).strip(" .!,")
    if not lowered.isascii() or not lowered:
        return NotUnderstood(f"I couldn't read that as a timezone. {ZONE_HINT}")
    if lowered in {"utc", "gmt", "z", "zulu", "utc+0", "utc-0", "gmt+0", "gmt-0"}:
        return "UTC"
    match = _OFFSET.match(lowered)
    if match:
        return _offset_name(match["sign"], int(match["hours"]), int(match["minutes"] or 0))
    exact, cities = _tables()
    city = " ".join(lowered.replace("_", " ").replace("-", " ").replace(".", "").split())
    # A bare word is a place before it is a legacy link: "singapore" -> Asia/Singapore.
    if city in cities:
        return cities[city]
    key = lowered.replace(" ", "_")
    if key in exact:
        return exact[key]
    return _fuzzy(city, cities, text)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _fuzzy(city: str, cities: dict[str, str], original: str) -> str | NotUnderstood:
    shown = original.strip()[:30]
    # Short words are too easy to confuse ("rome"/"nome"): typos are forgiven from 5 letters.
    if len(city) < 5 or city.isdigit():
        return NotUnderstood(f"I don't know the timezone {shown!r}. {ZONE_HINT}")
    found = process.extract(city, list(cities), scorer=fuzz.ratio, limit=2, score_cutoff=80)
    if not found:
        return NotUnderstood(f"I don't know the timezone {shown!r}. {ZONE_HINT}")
    best = found[0][0]
    if len(found) == 1 or cities[found[1][0]] == cities[best] or found[0][1] - found[1][1] >= 4:
        return cities[best]
    # Two near-equal guesses: a dropped letter ("berln" -> berlin) is the likeliest typo.
    dropped = [name for name, _, _ in found if _is_subsequence(city, name)]
    if len(dropped) == 1:
        return cities[dropped[0]]
    first, second = (name.title() for name, _, _ in found)
    return NotUnderstood(f"Did you mean {first} or {second}? Send the city again, or a zone name.")


def zone(name: str) -> tzinfo:
    """The tzinfo for a canonical zone name as parse_zone returns it."""
    return _zone(name)


@cache
def _zone(name: str) -> tzinfo:
    match = re.fullmatch(r"UTC(?P<sign>[+-])(?P<h>\d\d):(?P<m>\d\d)", name)
    if match:
        delta = timedelta(hours=int(match["h"]), minutes=int(match["m"]))
        return timezone(delta if match["sign"] == "+" else -delta, name)
    return zoneinfo.ZoneInfo(name)
