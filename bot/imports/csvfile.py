"""Bytes to rows: size and row limits, text decoding, the delimiter, and each row's line number."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 200_000


class ImportRefused(Exception):
    """The file as a whole cannot be imported; the message is the one line the user reads."""


@dataclass(frozen=True)
class Row:
    line: int  # physical line the row starts on (a quoted newline makes a row span lines)
    cells: list[str]


@dataclass(frozen=True)
class Table:
    header: list[str]
    delimiter: str
    rows: list[Row]


def too_big(size: int) -> str:
    """The one line for a file over MAX_BYTES (said before a download when the size is known)."""
    return f"The file is {size / (1024 * 1024):.1f} MB; the most I can read is 10 MB."


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else the Windows code page Excel saves in."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(too_big(len(data)))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportRefused("This is not a text file, so not a CSV export.")
    return text


def _sniff_delimiter(first_line: str) -> str:
    """Strong on Android writes `;`, everything else `,`: count them outside quotes."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_table(text: str) -> Table:
    """The header and every non-blank row, each with the line it starts on."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = _sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    rows: list[Row] = []
    line_after_previous = 1
    for cells in reader:
        start = line_after_previous
        line_after_previous = reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
            continue
        rows.append(Row(start, cells))
        if len(rows) > MAX_ROWS:
            raise ImportRefused(
                f"The file has more than {MAX_ROWS:,} rows; export a shorter date range."
            )
    if header is None:
        raise ImportRefused("The file is empty.")
    return Table(header, delimiter, rows)
