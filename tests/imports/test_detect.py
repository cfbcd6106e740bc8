"""The app and layout come from the header row; anything else gets one line naming the formats."""

from __future__ import annotations

import pytest

from bot.imports import UNKNOWN_FORMAT, ImportRefused, SourceApp
from tests.imports.conftest import SAMPLES, Reader


@pytest.mark.parametrize(
    ("sample", "app", "layout"),
    [
        ("strong_iphone.csv", SourceApp.STRONG, "iPhone layout"),
        ("strong_iphone_12h_bom_crlf.csv", SourceApp.STRONG, "iPhone layout"),
        ("strong_android.csv", SourceApp.STRONG, "Android layout"),
        ("strong_android_quoted.csv", SourceApp.STRONG, "newer Android layout"),
        ("hevy_metric.csv", SourceApp.HEVY, "metric"),
        ("hevy_imperial_fr.csv", SourceApp.HEVY, "imperial"),
        ("fitnotes.csv", SourceApp.FITNOTES, "unit on every row"),
        ("fitnotes_old_lbs.csv", SourceApp.FITNOTES, "older layout, unit in the header"),
    ],
)
def test_each_layout_is_recognised_from_its_header(
    read: Reader, sample: str, app: SourceApp, layout: str
) -> None:
    parsed = read(sample)
    assert (parsed.app, parsed.layout) == (app, layout)
    assert parsed.bad_rows == () or sample == "strong_android.csv"


def test_a_file_of_no_known_format_gets_the_one_line_naming_the_formats(read: Reader) -> None:
    with pytest.raises(ImportRefused) as refused:
        read("not_a_workout_export.csv")
    message = str(refused.value)
    assert message == UNKNOWN_FORMAT
    assert "\n" not in message
    assert all(app in message for app in ("Strong", "Hevy", "FitNotes"))


@pytest.mark.parametrize(
    "header",
    [
        b"Date;Workout Name;Exercise Name;Reps\n",  # Strong without Set Order or a weight
        b"title,start_time,exercise_title,reps\n",  # Hevy without set_index
        b"Date,Exercise,Category,Weight,Reps\n",  # FitNotes with no unit anywhere
        b"Datum;Workout-Name;Name der \xc3\x9cbung;Reihenfolge festlegen;Gewicht;Wiederh.\n",
    ],
)
def test_headers_missing_what_a_set_needs_are_refused(read: Reader, header: bytes) -> None:
    with pytest.raises(ImportRefused, match="Strong, Hevy and FitNotes"):
        read(header + b"x,y,z,1\n")


def test_the_comma_form_of_strongs_quoted_layout_is_read_like_the_semicolon_one(
    read: Reader,
) -> None:
    semicolon = read("strong_android_quoted.csv")
    text = (SAMPLES / "strong_android_quoted.csv").read_text(encoding="utf-8").replace('";"', '","')
    comma = read(text.encode())
    assert comma.layout == semicolon.layout
    assert [s.source_key for s in comma.sets] == [s.source_key for s in semicolon.sets]
    assert [(s.reps, s.load, s.side) for s in comma.sets] == [
        (s.reps, s.load, s.side) for s in semicolon.sets
    ]


def test_fitnotes_2_on_ios_reads_whichever_weight_column_is_filled(read: Reader) -> None:
    parsed = read(
        b"Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,"
        b"Notes,Kind\n"
        b"2025-03-01,Hip Thrust,Legs,90,,8,,,,,wr\n"
        b"2025-03-01,Hip Thrust,Legs,,200,6,,,,R,wr\n"
    )
    assert (parsed.app, parsed.layout) == (SourceApp.FITNOTES, "iOS layout")
    assert [(s.load, s.unit.value) for s in parsed.sets] == [(90, "kg"), (200, "lb")]
