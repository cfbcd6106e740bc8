"""Splitting long replies under Telegram's limit, counted the way Telegram counts."""

from __future__ import annotations

from bot.telegram.render import TEXT_LIMIT, split_text, utf16_length


def test_a_short_reply_is_one_message_unchanged() -> None:
    assert split_text("Set 1 of 3 · Left leg") == ["Set 1 of 3 · Left leg"]


def test_a_long_reply_is_cut_at_paragraphs_under_the_limit() -> None:
    paragraph = "Drive through the heel, ribs down, pause at the top. " * 20
    text = "\n\n".join([paragraph.strip()] * 12)  # about 12 000 characters
    pieces = split_text(text)
    assert len(pieces) > 2
    assert all(utf16_length(piece) <= TEXT_LIMIT for piece in pieces)
    assert all(piece == paragraph.strip() or "\n\n" in piece for piece in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    text = "💪" * 3000  # 3000 characters, 6000 UTF-16 units: over the limit
    pieces = split_text(text)
    assert len(pieces) == 2
    assert all(utf16_length(piece) <= TEXT_LIMIT for piece in pieces)
    assert "".join(pieces) == text


def test_text_without_spaces_is_cut_hard_and_nothing_is_lost() -> None:
    text = "x" * (TEXT_LIMIT * 2 + 5)
    pieces = split_text(text)
    assert [len(piece) for piece in pieces] == [TEXT_LIMIT, TEXT_LIMIT, 5]
