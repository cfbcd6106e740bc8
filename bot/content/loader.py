"""Reads content/ into one validated, immutable Library, or says exactly what is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import Node

from bot.content.schema import SEED, SLUG_PATTERN, Exercise
from bot.content.yaml_source import line_of, parse


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        if self.line is not None:
            where += f" (line {self.line})"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """The content folder is invalid; each problem names the file, the field and what is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def normalise_name(text: str) -> str:
    """Lower-case, apostrophes dropped, punctuation to spaces: how aliases are compared."""
    text = text.lower().replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


class Library(Mapping[str, Exercise]):
    """Every exercise in the store by slug, in a stable order (unilateral ones first)."""

    def __init__(self, exercises: list[Exercise]) -> None:
        ordered = sorted(exercises, key=lambda e: (not e.unilateral, e.slug))
        self._by_slug: Mapping[str, Exercise] = MappingProxyType({e.slug: e for e in ordered})
        # Worked out once: every /workout and every reminder's exercise resolves a typed name.
        self._names: Mapping[str, str] = MappingProxyType(_names(ordered))

    def __getitem__(self, slug: str) -> Exercise:
        return self._by_slug[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_slug)

    def __len__(self) -> int:
        return len(self._by_slug)

    def names(self) -> Mapping[str, str]:
        """Every normalised name and alias -> slug."""
        return self._names


def _names(exercises: list[Exercise]) -> dict[str, str]:
    out: dict[str, str] = {}
    for ex in exercises:
        for name in (ex.name, ex.slug.replace("-", " "), *ex.aliases):
            out[normalise_name(name)] = ex.slug
    return out


@dataclass(frozen=True)
class _Parsed:
    exercise: Exercise
    file: str
    tree: Node | None

    def problem(self, loc: tuple[int | str, ...], message: str) -> Problem:
        return Problem(self.file, _field_path(loc), message, line_of(self.tree, loc))


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _explain(err: ErrorDetails) -> str:
    """Pydantic's message, reworded where a content author would otherwise have to guess."""
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field the coach knows (a typo?)"
    if kind == "string_too_long" and isinstance(err["input"], str):
        # Measured as the schema sees it: surrounding spaces are stripped before the check.
        length = len(err["input"].strip())
        return f"is {length} characters; the most is {ctx.get('max_length')}"
    if kind == "too_long" and isinstance(err["input"], list):
        return f"has {len(err['input'])} entries; the most is {ctx.get('max_length')}"
    return err["msg"]


def _read_file(path: Path, problems: list[Problem]) -> _Parsed | None:
    name = path.name
    if not re.fullmatch(SLUG_PATTERN, path.stem):
        message = "the file name is the slug: lower-case words and digits joined by hyphens"
        problems.append(Problem(name, "", message))
        return None
    try:
        raw, tree = parse(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problems.append(Problem(name, "", f"invalid YAML{where}: {exc.problem}", line))
        return None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(name, "", f"cannot be read: {exc}"))
        return None
    if raw is None:
        problems.append(Problem(name, "", "is empty"))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(name, "", "must be a mapping of fields, not a list or text"))
        return None
    return _validate(name, path.stem, raw, tree, problems)


def _validate(
    name: str, slug: str, raw: dict[Any, Any], tree: Node | None, problems: list[Problem]
) -> _Parsed | None:
    if "slug" in raw and raw["slug"] != slug:
        line = line_of(tree, ("slug",))
        message = f"is {raw['slug']!r}; the file name says {slug!r} (leave slug out)"
        problems.append(Problem(name, "slug", message, line))
        return None
    try:
        exercise = Exercise.model_validate({**raw, "slug": slug})
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(Problem(name, _field_path(loc), _explain(err), line_of(tree, loc)))
        return None
    return _Parsed(exercise, name, tree)


_LEVEL_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}


def _check_references(parsed: list[_Parsed], slugs: set[str], problems: list[Problem]) -> None:
    levels = {item.exercise.slug: item.exercise.level.value for item in parsed}
    for item in parsed:
        ex = item.exercise
        for kind in ("variations", "alternatives", "comparisons"):
            for i, ref in enumerate(getattr(ex, kind)):
                loc = (kind, i, "slug")
                if ref.slug not in slugs:
                    problems.append(item.problem(loc, f"no exercise {ref.slug!r} in the store"))
                elif ref.slug == ex.slug:
                    problems.append(item.problem(loc, "refers to itself"))
                elif ref.step is not None and ref.slug in levels:
                    gap = _LEVEL_ORDER[levels[ref.slug]] - _LEVEL_ORDER[ex.level.value]
                    if gap * (1 if ref.step == "easier" else -1) > 0:
                        message = f"is {ref.step}, but {ref.slug!r} is {levels[ref.slug]}"
                        problems.append(item.problem((kind, i, "step"), message))


def _check_names(parsed: list[_Parsed], problems: list[Problem]) -> None:
    """A name or alias must lead to exactly one exercise, and be listed once."""
    owner: dict[str, tuple[str, str]] = {}
    for item in parsed:
        ex = item.exercise
        names: list[tuple[tuple[int | str, ...], str]] = [(("name",), ex.name)]
        names += [(("aliases", i), alias) for i, alias in enumerate(ex.aliases)]
        for loc, name in names:
            key = normalise_name(name)
            if not key:
                problems.append(item.problem(loc, f"{name!r} has no letters or digits"))
                continue
            other_slug, other_field = owner.setdefault(key, (ex.slug, _field_path(loc)))
            if other_slug != ex.slug:
                where = f"{other_slug}.yaml: {other_field}"
                message = f"{name!r} is also a name of {other_slug!r} ({where}); pick one"
                problems.append(item.problem(loc, message))
            elif other_field != _field_path(loc):
                problems.append(item.problem(loc, f"{name!r} repeats {other_field}"))


def _check_symptoms(parsed: list[_Parsed], problems: list[Problem]) -> None:
    """A symptom must point at one mistake, or troubleshooting could not choose between them."""
    for item in parsed:
        owner: dict[str, int] = {}
        for i, mistake in enumerate(item.exercise.mistakes):
            for j, symptom in enumerate(mistake.symptoms):
                first = owner.setdefault(normalise_name(symptom), i)
                if first != i:
                    other = item.exercise.mistakes[first].name
                    message = f"{symptom!r} is also a symptom of mistakes[{first}] ({other!r})"
                    problems.append(item.problem(("mistakes", i, "symptoms", j), message))


def _check_facts(parsed: list[_Parsed], problems: list[Problem]) -> None:
    """Every fact names its source (the seed article or one of the file's sources), once."""
    for item in parsed:
        ex = item.exercise
        urls = {str(s.url).rstrip("/") for s in ex.sources}
        seen: set[str] = set()
        for i, fact in enumerate(ex.facts):
            if fact.id in seen:
                problems.append(item.problem(("facts", i, "id"), f"{fact.id!r} is listed twice"))
            seen.add(fact.id)
            if fact.source != SEED and fact.source.rstrip("/") not in urls:
                message = f"{fact.source!r} is not one of this file's sources (or 'seed')"
                problems.append(item.problem(("facts", i, "source"), message))


def load_library(directory: Path) -> Library:
    """Load and validate every *.yaml file in directory; raise ContentError listing all problems."""
    if not directory.is_dir():
        raise ContentError([Problem(str(directory), "", "is not a folder")])
    problems: list[Problem] = []
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    if not files:
        problems.append(Problem(str(directory), "", "holds no exercise files (*.yaml)"))
    stems = [path.stem for path in files]
    for stem in {s for s in stems if stems.count(s) > 1}:
        problems.append(Problem(f"{stem}.yaml", "", f"{stem}.yaml and {stem}.yml both exist"))
    parsed = [item for path in files if (item := _read_file(path, problems)) is not None]
    # Every file present counts as an exercise for references, so one broken file is reported
    # once, not again by every exercise that points at it.
    _check_references(parsed, set(stems), problems)
    _check_names(parsed, problems)
    _check_symptoms(parsed, problems)
    _check_facts(parsed, problems)
    if problems:
        raise ContentError(problems)
    return Library([item.exercise for item in parsed])
