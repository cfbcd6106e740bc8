"""The simpler answerer we rejected, scored on the same sets: a plain bag of keywords."""

from __future__ import annotations

import re
from pathlib import Path

from bot.answers.evaluate import Case, load_cases
from bot.answers.model import Topic
from bot.answers.vocabulary import CUES
from bot.content import Library, load_library

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev set": ROOT.parent / "shared" / "data" / "qa-dev.tsv",
    "own test questions": ROOT / "tests" / "answers" / "questions.tsv",
}


class BagOfKeywords:
    """Lower-case substring hits: the most keywords wins; names by exact substring; no fuzz."""

    def __init__(self, library: Library) -> None:
        self.names = sorted(
            ((n.lower(), slug) for slug, ex in library.items() for n in (ex.name, *ex.aliases)),
            key=lambda pair: -len(pair[0]),
        )

    def answer(self, question: str, exercise: str | None) -> tuple[str, str | None]:
        text = " " + re.sub(r"[^a-z0-9 ]+", " ", question.lower().replace("-", " ")) + " "
        named = next((slug for name, slug in self.names if f" {name} " in text), None)
        hits = {t: sum(f" {p} " in text for p in phrases) for t, phrases in CUES.items()}
        topic, count = max(hits.items(), key=lambda kv: kv[1])
        slug = named or exercise
        if count == 0 or topic is Topic.NONE or slug is None:
            return ("overview", named) if named else ("none", None)
        return topic.value, slug


def main() -> None:
    library = load_library(ROOT / "content")
    baseline = BagOfKeywords(library)
    for label, path in SETS.items():
        cases: list[Case] = load_cases(path)
        right = 0
        for case in cases:
            topic, slug = baseline.answer(case.question, case.exercise)
            right += topic in case.topics and slug in case.exercises
        print(f"bag of keywords, {label}: {right}/{len(cases)} = {right / len(cases):.1%}")


if __name__ == "__main__":
    main()
