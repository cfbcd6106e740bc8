"""Broken copies of content/: the check fails, naming the file, the field and the problem."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.__main__ import main
from bot.content import ContentError, load_library

from .conftest import CheckResult

Check = Callable[..., CheckResult]


def _edit(folder: Path, slug: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / f"{slug}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _problems(err: str) -> list[str]:
    """The problem lines of the report (the first line is the summary)."""
    return err.strip().splitlines()[1:]


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_missing_field(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "glute-bridge", lambda d: d.pop("summary"))
    code, out, err = run_check(str(content_copy))
    assert code == 1 and out == ""
    assert _problems(err) == ["glute-bridge.yaml: summary: is missing"]


def test_a_missing_nested_field_points_at_its_line(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "hip-thrust", lambda d: d["mistakes"][1].pop("fix"))
    path = content_copy / "hip-thrust.yaml"
    line = _line_of(path, "- name: Raising your hips too high")
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert _problems(err) == [f"hip-thrust.yaml: mistakes[1].fix (line {line}): is missing"]


def test_a_variation_naming_a_slug_that_does_not_exist(
    run_check: Check, content_copy: Path
) -> None:
    def point_at_bench_press(d: dict[str, Any]) -> None:
        d["variations"][1]["slug"] = "bench-press"

    _edit(content_copy, "single-leg-hip-thrust", point_at_bench_press)
    line = _line_of(content_copy / "single-leg-hip-thrust.yaml", "slug: bench-press")
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert _problems(err) == [
        f"single-leg-hip-thrust.yaml: variations[1].slug (line {line}): "
        "no exercise 'bench-press' in the store"
    ]


def test_an_exercise_pointing_at_itself(run_check: Check, content_copy: Path) -> None:
    def self_reference(d: dict[str, Any]) -> None:
        d["alternatives"][0]["slug"] = "glute-bridge"

    _edit(content_copy, "glute-bridge", self_reference)
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "glute-bridge.yaml: alternatives[0].slug" in err and "refers to itself" in err


@pytest.mark.parametrize("spelling", ["SL hip thrust", "sl-hip-thrust", "SL Hip Thrust!"])
def test_a_duplicate_alias_between_two_exercises(
    run_check: Check, content_copy: Path, spelling: str
) -> None:
    def steal_alias(d: dict[str, Any]) -> None:
        d["aliases"].append(spelling)

    _edit(content_copy, "hip-thrust", steal_alias)
    code, _, err = run_check(str(content_copy))
    assert code == 1
    # Files are read in name order, so the second owner found is the one reported; the message
    # names the other file and field so either can be fixed.
    [problem] = _problems(err)
    assert problem.startswith("single-leg-hip-thrust.yaml: aliases[1] (line ")
    assert "'SL hip thrust' is also a name of 'hip-thrust' (hip-thrust.yaml: aliases[" in problem


def test_an_alias_listed_twice_in_one_file(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "glute-ham-raise", lambda d: d["aliases"].append("ghr"))
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "glute-ham-raise.yaml: aliases[" in err and "repeats aliases[0]" in err


def test_one_symptom_under_two_mistakes(run_check: Check, content_copy: Path) -> None:
    added: list[int] = []

    def add(d: dict[str, Any]) -> None:
        symptoms = d["mistakes"][2]["symptoms"]
        added.append(len(symptoms))
        symptoms.append("My lower back hurts!")

    _edit(content_copy, "glute-bridge", add)
    code, _, err = run_check(str(content_copy))
    assert code == 1
    [problem] = _problems(err)
    assert problem.startswith(f"glute-bridge.yaml: mistakes[2].symptoms[{added[0]}] (line ")
    assert "is also a symptom of mistakes[0] ('Arching your lower back')" in problem


def test_a_yaml_syntax_error_names_its_line(run_check: Check, content_copy: Path) -> None:
    path = content_copy / "glute-ham-raise.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = _line_of(path, "level: advanced")
    lines[broken - 1] = "level: [advanced"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run_check(str(content_copy))
    assert code == 1
    [problem] = _problems(err)
    assert problem.startswith("glute-ham-raise.yaml (line ")
    assert "invalid YAML at line" in problem
    # PyYAML reports an unclosed bracket where it gives up: at or just after the broken line.
    reported = int(problem.split("invalid YAML at line ")[1].split(",")[0])
    assert broken <= reported <= broken + 2


def test_a_field_written_twice(run_check: Check, content_copy: Path) -> None:
    path = content_copy / "glute-bridge.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "level: advanced\n", encoding="utf-8")
    last = len(path.read_text(encoding="utf-8").splitlines())
    first = _line_of(path, "level: beginner")
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert (
        f"invalid YAML at line {last}, column 1: 'level' is given twice (first on line {first})"
        in err
    )


def test_a_cue_too_long_to_read_mid_set(run_check: Check, content_copy: Path) -> None:
    def ramble(d: dict[str, Any]) -> None:
        d["tips"][0]["cue"] = "Keep going, " * 10 + "and keep going."

    _edit(content_copy, "two-up-one-down-hip-thrust", ramble)
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "two-up-one-down-hip-thrust.yaml: tips[0].cue" in err
    assert "is 135 characters; the most is 120" in err


def test_a_misspelt_field(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "glute-bridge", lambda d: d.update(sumary="typo"))
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "glute-bridge.yaml: sumary" in err and "not a field the coach knows" in err


def test_a_level_outside_the_scale(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "glute-bridge", lambda d: d.update(level="expert"))
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "glute-bridge.yaml: level" in err and "'beginner', 'intermediate' or 'advanced'" in err


def test_a_slug_that_contradicts_the_file_name(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "glute-bridge", lambda d: d.update(slug="bridge"))
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "glute-bridge.yaml: slug (line" in err and "the file name says 'glute-bridge'" in err


def test_a_file_name_that_is_not_a_slug(run_check: Check, content_copy: Path) -> None:
    (content_copy / "glute-bridge.yaml").rename(content_copy / "Glute Bridge.yaml")
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert "Glute Bridge.yaml: the file name is the slug" in err


@pytest.mark.parametrize(
    ("text", "message"), [("", "is empty"), ("- a\n- b\n", "must be a mapping")]
)
def test_an_empty_or_list_file(
    run_check: Check, content_copy: Path, text: str, message: str
) -> None:
    (content_copy / "glute-bridge.yaml").write_text(text, encoding="utf-8")
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert f"glute-bridge.yaml: {message}" in err


def test_one_broken_file_is_reported_once(run_check: Check, content_copy: Path) -> None:
    # Five other exercises point at hip-thrust; none of them should be blamed for its fault.
    _edit(content_copy, "hip-thrust", lambda d: d.pop("steps"))
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert _problems(err) == ["hip-thrust.yaml: steps: is missing"]


def test_every_problem_is_listed_not_just_the_first(run_check: Check, content_copy: Path) -> None:
    _edit(content_copy, "glute-bridge", lambda d: d.pop("summary"))
    _edit(content_copy, "glute-ham-raise", lambda d: d.pop("safety"))
    code, _, err = run_check(str(content_copy))
    assert code == 1
    assert err.splitlines()[0].endswith("2 problem(s)")
    assert _problems(err) == [
        "glute-bridge.yaml: summary: is missing",
        "glute-ham-raise.yaml: safety: is missing",
    ]


def test_a_folder_that_does_not_exist(run_check: Check, tmp_path: Path) -> None:
    code, _, err = run_check(str(tmp_path / "nowhere"))
    assert code == 1 and "nowhere: is not a folder" in err


def test_an_empty_folder(run_check: Check, tmp_path: Path) -> None:
    code, _, err = run_check(str(tmp_path))
    assert code == 1 and "holds no exercise files" in err


def test_the_loader_raises_the_same_problems(content_copy: Path) -> None:
    _edit(content_copy, "glute-bridge", lambda d: d.pop("summary"))
    with pytest.raises(ContentError) as caught:
        load_library(content_copy)
    [problem] = caught.value.problems
    assert (problem.file, problem.field, problem.message) == (
        "glute-bridge.yaml",
        "summary",
        "is missing",
    )


def test_the_coach_refuses_to_start_on_broken_content(
    isolated_env: pytest.MonkeyPatch,
    content_copy: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _edit(content_copy, "glute-bridge", lambda d: d.pop("summary"))
    isolated_env.setenv("COACH_CONTENT_DIR", str(content_copy))
    with pytest.raises(SystemExit) as stopped:
        main(["ask", "what muscles does it work"])
    assert stopped.value.code == 2
    assert "glute-bridge.yaml: summary: is missing" in capsys.readouterr().err
