"""The fresh question batches: topic and exercise, the fact asked for, and follow-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.answerer import Answerer
from bot.answers.evaluate import load_cases, load_conversations, score_followups, score_single

BATCHES = Path(__file__).parent / "batches"
# Batch C ("fresh-") stays a record of a first score on unseen questions: bench/answers.py
# scores it; its misses are not fixed here, so it holds no bar.
SINGLE = sorted(p for p in BATCHES.glob("*-single.tsv") if not p.name.startswith("fresh-"))
FOLLOWUPS = sorted(BATCHES.glob("*-followups.tsv"))


# The two batches written by someone who never saw the code ("heldout1", "heldout2") were
# scored once unseen, then became development sets. Their floors are today's pass rates, so a
# change that loses ground on them fails; every other batch holds the goal itself.
# Batch "honest3" was written before round four changed anything and is never tuned on: it
# holds its first-pass score, so a change can't lose ground on questions nobody tuned for.
# name: (topic + exercise, fact stated, follow-ups)
# Round seven raised each development set's floors to its new rate.
FLOORS = {
    "heldout1": (0.91, 0.94, 0.88),  # round eight: 91.0 % topic, 94.6 % fact
    "heldout2": (0.90, 0.91, 0.97),  # round nine: 91.7 % fact
    "honest3": (0.87, 0.85, 0.78),
    # Batch "heldout3" (another writer, never saw the code): first passes 71.3 % then 73.8 %
    # topic, 79 % fact, 75 % follow-ups; now a development set held at its round-seven rate.
    "heldout3": (0.85, 0.93, 0.87),  # round nine: 85.0 % topic, 93.4 % fact
    # Batch "heldout5" (another writer, never saw the code): first pass 95.2 % topic, 93.4 %
    # fact, 78.6 % follow-ups; its misses were read as kinds in round seven, and it is now a
    # development set held at its round-seven rate.
    "heldout5": (0.98, 1.0, 0.96),
    # Batches "heldout6" and "heldout7" (two more writers, never saw the code) were scored
    # unseen on round six and again on round seven (heldout6: 88.0 -> 90.4 % topic, 74.1 ->
    # 88.9 % follow-up facts; heldout7: 86.0 -> 88.4 %, follow-ups 49.1 -> 52.8 %); held at
    # the round-seven rate. heldout7's referrals name any exercise ("*").
    # Round eight read both sets' misses as kinds (heldout6: 90.4 -> 92.8 % topic, follow-ups
    # 86.7 -> 90.0 %; heldout7: 88.4 -> 95.3 % topic, 89.5 -> 97.4 % fact, follow-ups 52.8 ->
    # 77.4 %, off-topic 5/5) and holds them at the round-eight rate.
    "heldout6": (0.92, 0.97, 0.90),
    "heldout7": (0.95, 0.97, 0.77),
    # Batch "heldout8" (another writer, never saw the code): scored unseen on round seven
    # (86.6 % topic, 90.0 % fact, follow-ups 73.1 % / 66.7 %) and on round eight (88.1 %,
    # 91.7 %, follow-ups unchanged); its follow-ups keep the first turn's exercise in hand on
    # every turn (the writer had put the exercise each turn should be about there). Held at
    # the round-eight rate. Round nine read its misses as kinds (88.1 -> 94.0 % topic, 91.7 ->
    # 100 % fact, follow-ups 73.1 -> 96.2 %) and holds it at the round-nine rate.
    "heldout8": (0.94, 1.0, 0.96),
    # Batch "heldout9" (another writer, never saw the code): scored unseen on round eight
    # (82.7 % topic, 97.9 % fact, off-topic 4/5, follow-ups 58.6 % / 86.2 %) and round nine
    # (82.7 %, 97.9 %, follow-ups 55.2 % / 86.2 %); then two kinds from it were fixed (a lift
    # for another body part refused; a line one fact of the thread clearly matches). Held at
    # that rate.
    "heldout9": (0.84, 0.97, 0.65),
}

GOAL = (0.97, 0.9, 0.9)


def _floors(path: Path) -> tuple[float, float, float]:
    return FLOORS.get(path.stem.rpartition("-")[0], GOAL)


@pytest.mark.parametrize("path", SINGLE, ids=[p.stem for p in SINGLE])
def test_single_questions(answerer: Answerer, path: Path) -> None:
    topic_floor, fact_floor, _ = _floors(path)
    score, counts = score_single(answerer, load_cases(path))
    assert score.right / score.asked >= topic_floor, score.misses
    assert score.with_fact / score.fact_cases >= fact_floor, score.misses
    assert counts["refused"] == counts["off_topic"]
    assert counts["referred"] == counts["medical"]


@pytest.mark.parametrize("path", FOLLOWUPS, ids=[p.stem for p in FOLLOWUPS])
def test_follow_up_conversations(answerer: Answerer, path: Path) -> None:
    score = score_followups(answerer, load_conversations(path))
    assert score.asked >= 5
    assert score.right / score.asked >= _floors(path)[2], score.misses
