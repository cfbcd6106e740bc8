"""Answering speed and dev-set accuracy: p50/p99 per question, start-up, accuracy; JSON last."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bot.answers.answerer import Answerer
from bot.answers.evaluate import Case, load_cases
from bot.content import load_library

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "data" / "qa-dev.tsv"
OWN_SET = ROOT / "tests" / "answers" / "questions.tsv"


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _startup(content: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        Answerer(load_library(content))
        times.append((time.perf_counter() - start) * 1000)
    return times


def _latencies(answerer: Answerer, cases: list[Case], repeats: int) -> list[list[float]]:
    passes = []
    for _ in range(repeats):
        one_pass = []
        for case in cases:
            start = time.perf_counter()
            answerer.answer(case.question, case.exercise)
            one_pass.append((time.perf_counter() - start) * 1000)
        passes.append(one_pass)
    return passes


def _accuracy(answerer: Answerer, cases: list[Case], label: str) -> float:
    wrong = [c for c in cases if not c.accepts(answerer.answer(c.question, c.exercise))]
    off = [c for c in cases if c.off_topic]
    refused = [c for c in off if answerer.answer(c.question, c.exercise).topic.value == "none"]
    right = len(cases) - len(wrong)
    print(f"{label}: {right}/{len(cases)} right, off-topic refused {len(refused)}/{len(off)}")
    for case in wrong:
        got = answerer.answer(case.question, case.exercise)
        print(f"  miss: {case.question!r} [{case.exercise}] -> {got.topic.value} {got.exercise}")
    return right / len(cases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (under 40 s)")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--dev", type=Path, default=DEV_SET)
    args = parser.parse_args()
    repeats = 10 if args.quick else 50

    startup = _startup(args.content, 3 if args.quick else 10)
    print(
        f"start-up (content load + index build): first {startup[0]:.1f} ms, "
        f"median {statistics.median(startup):.1f} ms over {len(startup)} runs"
    )

    answerer = Answerer(load_library(args.content))
    cases = load_cases(args.dev)
    passes = _latencies(answerer, cases, repeats)
    cold = passes[0]
    samples = [t for one_pass in passes for t in one_pass]
    p50, p99 = _percentile(samples, 0.50), _percentile(samples, 0.99)
    print(
        f"per question over {len(cases)} dev questions x {repeats}: "
        f"p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {max(samples):.3f} ms"
    )
    print(f"first pass only (typo cache cold): p99 {_percentile(cold, 0.99):.3f} ms")

    dev_accuracy = _accuracy(answerer, cases, "dev set")
    if OWN_SET.exists():
        _accuracy(answerer, load_cases(OWN_SET), "own test questions")
    print(
        json.dumps(
            {
                "p50_ms": round(p50, 4),
                "p99_ms": round(p99, 4),
                "startup_ms": round(startup[0], 1),
                "dev_accuracy": round(dev_accuracy, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
