"""Telegram's HTML parse mode, strictly: unknown tags, stray < and & are refused."""

from __future__ import annotations

import html
import re

ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "blockquote",
    }
)
# Telegram understands only these named entities (and numeric ones).
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>[^<>]*)>"
    r"|&(?P<entity>#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);"
    r"|(?P<stray>[<>&])"
)


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML; the message is Telegram's wording."""


def parse_html(source: str) -> str:
    """The plain text Telegram would show for this HTML, or EntityParseError."""
    out: list[str] = []
    open_tags: list[str] = []
    position = 0
    for match in _TOKEN.finditer(source):
        out.append(source[position : match.start()])
        position = match.end()
        offset = len(source[: match.start()].encode())
        if match.group("stray") is not None:
            if match.group("stray") == ">":
                out.append(">")  # Telegram tolerates a bare '>'
                continue
            raise EntityParseError(
                f"Bad Request: can't parse entities: Unexpected character at byte offset {offset}"
            )
        if match.group("entity") is not None:
            out.append(_entity(match.group("entity"), offset))
            continue
        tag = match.group("tag").lower()
        if tag not in ALLOWED_TAGS:
            raise EntityParseError(
                f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}" '
                f"at byte offset {offset}"
            )
        if match.group("close"):
            if not open_tags or open_tags[-1] != tag:
                raise EntityParseError(
                    f"Bad Request: can't parse entities: Unexpected end tag at byte offset {offset}"
                )
            open_tags.pop()
        else:
            open_tags.append(tag)
    out.append(source[position:])
    if open_tags:
        raise EntityParseError(
            f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag "
            f'"{open_tags[-1]}"'
        )
    return "".join(out)


def _entity(name: str, offset: int) -> str:
    if name.startswith("#"):
        return html.unescape(f"&{name};")
    if name in NAMED_ENTITIES:
        return NAMED_ENTITIES[name]
    raise EntityParseError(
        f'Bad Request: can\'t parse entities: Unsupported entity "&{name};" at byte offset {offset}'
    )


def utf16_length(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2
