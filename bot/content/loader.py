"""Reads content/ into one validated, immutable Library, or says exactly what is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml
from pydantic import ValidationError

from bot.content.schema import Exercise


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
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

    def __getitem__(self, slug: str) -> Exercise:
        return self._by_slug[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_slug)

    def __len__(self) -> int:
        return len(self._by_slug)

    def names(self) -> dict[str, str]:
        """Every normalised name and alias -> slug."""
        out: dict[str, str] = {}
        for ex in self._by_slug.values():
            for name in (ex.name, ex.slug.replace("-", " "), *ex.aliases):
                out[normalise_name(name)] = ex.slug
        return out


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _read_file(path: Path, problems: list[Problem]) -> Exercise | None:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problems.append(Problem(path.name, "", f"YAML syntax error at {line}{exc.problem}"))
        return None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(path.name, "", f"cannot be read: {exc}"))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(path.name, "", "must be a mapping of fields, not a list or text"))
        return None
    if "slug" in raw and raw["slug"] != path.stem:
        problems.append(
            Problem(path.name, "slug", f"is {raw['slug']!r}; the file name says {path.stem!r}")
        )
        return None
    try:
        return Exercise.model_validate({**raw, "slug": path.stem})
    except ValidationError as exc:
        for err in exc.errors():
            field = _field_path(err["loc"])
            message = "is missing" if err["type"] == "missing" else err["msg"]
            problems.append(Problem(path.name, field, message))
        return None


def _check_references(exercises: list[Exercise], problems: list[Problem]) -> None:
    slugs = {e.slug for e in exercises}
    for ex in exercises:
        for kind in ("variations", "alternatives", "comparisons"):
            for i, ref in enumerate(getattr(ex, kind)):
                if ref.slug not in slugs:
                    problems.append(
                        Problem(
                            f"{ex.slug}.yaml",
                            f"{kind}[{i}].slug",
                            f"no exercise {ref.slug!r} in the store",
                        )
                    )
                elif ref.slug == ex.slug:
                    problems.append(
                        Problem(f"{ex.slug}.yaml", f"{kind}[{i}].slug", "refers to itself")
                    )


def _check_aliases(exercises: list[Exercise], problems: list[Problem]) -> None:
    owner: dict[str, str] = {}
    for ex in exercises:
        names = [("name", ex.name)] + [(f"aliases[{i}]", a) for i, a in enumerate(ex.aliases)]
        for field, name in names:
            key = normalise_name(name)
            other = owner.setdefault(key, ex.slug)
            if other != ex.slug:
                problems.append(
                    Problem(f"{ex.slug}.yaml", field, f"{name!r} is already a name of {other!r}")
                )


def load_library(directory: Path) -> Library:
    """Load and validate every *.yaml file in directory; raise ContentError listing all problems."""
    if not directory.is_dir():
        raise ContentError([Problem(str(directory), "", "is not a folder")])
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    if not files:
        problems.append(Problem(str(directory), "", "holds no exercise files (*.yaml)"))
    for path in files:
        exercise = _read_file(path, problems)
        if exercise is not None:
            exercises.append(exercise)
    _check_references(exercises, problems)
    _check_aliases(exercises, problems)
    if problems:
        raise ContentError(problems)
    return Library(exercises)
