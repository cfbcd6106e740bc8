"""The house's shape: arrows point inward, no package cycle, modules and functions stay small."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
# What the engine must not know of: features, storage and the transports.
COACH_MUST_NOT_IMPORT = {"progress", "reminders", "storage", "telegram", "terminal"}
MODULE_LINES_MAX = 400
FUNCTION_LINES_MAX = 60


def _package(path: Path) -> str:
    parts = path.relative_to(BOT).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imports() -> dict[str, set[str]]:
    """bot's packages (and top-level modules) -> the others they import."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in BOT.rglob("*.py"):
        here = _package(path)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "bot" and len(parts) > 1 and parts[1] != here:
                    graph[here].add(parts[1])
    return graph


def _reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += graph.get(name, ())
    return seen


def test_no_package_of_bot_imports_one_that_imports_it_back() -> None:
    graph = _imports()
    cycles = sorted(name for name in graph if name in _reaches(graph, name))
    assert cycles == [], f"packages in an import cycle: {cycles}"


def test_the_engine_imports_no_feature_no_storage_and_no_transport() -> None:
    assert _reaches(_imports(), "coach") & COACH_MUST_NOT_IMPORT == set()


@pytest.mark.parametrize("path", sorted(BOT.rglob("*.py")), ids=lambda p: str(p.relative_to(BOT)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text()
    assert len(source.splitlines()) <= MODULE_LINES_MAX
    if "migrations" in path.parts:
        return
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= FUNCTION_LINES_MAX, f"{node.name} is {length} lines"
