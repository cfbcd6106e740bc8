"""Files refused as a whole (too big, too long, not text, empty) and rows refused one by one."""

from __future__ import annotations

import pytest

from bot.imports import MAX_BYTES, MAX_ROWS, ImportRefused
from tests.imports.conftest import STRONG_HEADER, Reader

ROW = '2026-01-01 10:00:00,"W",10m,"Glute Bridge",{n},0,15,0,0,"","",\n'


def test_a_file_over_10_mb_is_refused_before_it_is_read(read: Reader) -> None:
    data = STRONG_HEADER.encode() + b" " * (MAX_BYTES - len(STRONG_HEADER) + 1)
    with pytest.raises(ImportRefused, match="10 MB"):
        read(data)


def test_a_file_of_exactly_10_mb_is_read(read: Reader) -> None:
    body = (STRONG_HEADER + ROW.format(n=1)).encode()
    parsed = read(body + b"\n" * (MAX_BYTES - len(body)))
    assert len(parsed.sets) == 1


FITNOTES_HEADER = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
)
SHORT_ROW = "2026-01-05,Glute Bridge,Legs,,,20,,,,\n"  # short, so 200,000 of them fit in 10 MB


def test_more_than_200_000_rows_is_refused(read: Reader) -> None:
    with pytest.raises(ImportRefused, match="200,000 rows"):
        read((FITNOTES_HEADER + SHORT_ROW * (MAX_ROWS + 1)).encode())


def test_200_000_rows_are_read(read: Reader) -> None:
    parsed = read((FITNOTES_HEADER + SHORT_ROW * MAX_ROWS).encode())
    assert len(parsed.sets) == MAX_ROWS


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\n\n\r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ],
)
def test_empty_and_binary_files_get_a_clear_line(read: Reader, data: bytes, message: str) -> None:
    with pytest.raises(ImportRefused, match=message):
        read(data)


def test_a_row_with_a_stray_delimiter_is_a_bad_row_not_a_shifted_guess(read: Reader) -> None:
    rows = (
        ROW.format(n=1)
        + '2026-01-01 10:00:00,"W",10m,"Glute Bridge",2,0,15,0,0,slow, controlled,"",\n'
        + ROW.format(n=3)
    )
    parsed = read((STRONG_HEADER + rows).encode())
    assert [s.set_order for s in parsed.sets] == [1, 2]
    assert [(b.line, b.reason) for b in parsed.bad_rows] == [
        (3, "has 13 fields but the header has 12")
    ]


def test_bad_rows_name_the_physical_line_after_a_quoted_newline(read: Reader) -> None:
    rows = (
        '2026-01-01 10:00:00,"W",10m,"Glute Bridge",1,0,15,0,0,"two\nlines","",\n'
        '2026-01-01 10:00:00,"W",10m,"Glute Bridge",2,heavy,15,0,0,"","",\n'
    )
    parsed = read((STRONG_HEADER + rows).encode())
    assert [(b.line, b.reason) for b in parsed.bad_rows] == [(4, "weight 'heavy' is not a number")]


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ("2026-13-01 10:00:00,1,0,15,", "is not a date"),
        ("yesterday,1,0,15,", "'yesterday' is not a date and time"),
        ("2026-01-01 10:00:00,1,-20,15,", "weight '-20' is below zero"),
        ("2026-01-01 10:00:00,1,0,15,11", "RPE '11' is outside 1 to 10"),
        ("2026-01-01 10:00:00,0,0,15,", "Set Order '0' is not a set number"),
        ("2026-01-01 10:00:00,,0,15,", "Set Order is empty"),
    ],
)
def test_each_kind_of_bad_cell_is_named(read: Reader, cells: str, reason: str) -> None:
    day, order, weight, reps, rpe = cells.split(",")
    row = f'{day},"W",10m,"Glute Bridge",{order},{weight},{reps},0,0,"","",{rpe}\n'
    parsed = read((STRONG_HEADER + row).encode())
    assert parsed.sets == ()
    (bad,) = parsed.bad_rows
    assert bad.line == 2
    assert reason in bad.reason


def test_a_windows_code_page_file_is_read(read: Reader) -> None:
    row = '2026-01-01 10:00:00,"Séance","10m","Glute Bridge",1,0,15,0,0,"très lent","",\n'
    parsed = read((STRONG_HEADER + row).encode("cp1252"))
    assert (parsed.sets[0].workout_title, parsed.sets[0].note) == ("Séance", "très lent")
