"""Reads one content file's YAML strictly (no duplicate keys) and remembers where each field is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_MERGE_TAG = "tag:yaml.org,2002:merge"


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice: PyYAML would silently keep the last one."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _MERGE_TAG:
                continue
            first = seen.setdefault(key_node.value, key_node.start_mark.line)
            if first != key_node.start_mark.line:
                raise yaml.constructor.ConstructorError(
                    problem=f"{key_node.value!r} is given twice (first on line {first + 1})",
                    problem_mark=key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


def parse(text: str) -> tuple[Any, Node | None]:
    """The document's data and its node tree (for line numbers); raises yaml.YAMLError."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def line_of(root: Node | None, loc: Sequence[int | str]) -> int | None:
    """1-based line of the field at loc, or of its nearest written parent; None if neither is."""
    node, found = root, None
    for part in loc:
        child: Node | None = None
        if isinstance(node, MappingNode) and isinstance(part, str):
            child = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = found = child
    return found.start_mark.line + 1 if found is not None else None
