"""Typo repair fixes typos and never turns a real English word into another word."""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from bot.answers.english import is_english
from bot.answers.model import Topic


@pytest.mark.parametrize("word", ["prob", "disc", "write", "couch", "gaze", "sofa", "kettle"])
def test_real_words_are_left_as_typed(answerer: Answerer, word: str) -> None:
    assert is_english(word)
    assert answerer.repaired(word) == word


@pytest.mark.parametrize(
    ("typo", "meant"), [("hamstings", "hamstrings"), ("brige", "bridge"), ("musles", "muscles")]
)
def test_typos_are_repaired(answerer: Answerer, typo: str, meant: str) -> None:
    assert not is_english(typo)
    assert answerer.repaired(typo) == meant


def test_a_real_but_unknown_word_gets_an_honest_not_sure(answerer: Answerer) -> None:
    answer = answerer.answer("whats the best way to write my sets down")
    assert answer.topic is Topic.NONE
    assert "not sure" in answer.text and "write" in answer.text
    assert "Ask me about" in answer.text  # a hint at what the coach can do


def test_the_word_list_works_offline_from_the_package() -> None:
    # wordfreq reads its lists from inside the installed package; no network is needed.
    assert is_english("hamstring") or is_english("hamstrings")
    assert not is_english("xqzvbn")
