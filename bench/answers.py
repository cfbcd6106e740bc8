"""Answering speed and accuracy: p50/p99 per question, cold start-up, question sets; JSON last."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bot.answers.answerer import Answerer
from bot.answers.evaluate import Case, load_cases, report
from bot.content import load_library

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "data" / "qa-dev.tsv"
OWN_SET = ROOT / "tests" / "answers" / "questions.tsv"
BATCHES = ROOT / "tests" / "answers" / "batches"
HELD_OUT = ROOT.parent.parent / "batches" / "questions"
_COLD = (
    "import time; t = time.perf_counter(); from pathlib import Path; "
    "from bot.answers.answerer import Answerer; from bot.content import load_library; "
    "Answerer(load_library(Path({content!r}))); print((time.perf_counter() - t) * 1000)"
)


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


def _cold_startup(content: Path, runs: int) -> list[float]:
    """A new interpreter each time: imports (the word list too), content load, index build."""
    code = _COLD.format(content=str(content))
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        out.append(float(done.stdout.strip()))
    return out


def _sets(answerer: Answerer, held_out: Path) -> dict[str, dict[str, object]]:
    """Every question batch: own ones under tests/, and the held-out one if it is there."""
    found: dict[str, tuple[Path | None, Path | None]] = {}
    for path in sorted(BATCHES.glob("*.tsv")):
        name, _, kind = path.stem.rpartition("-")
        single, follow = found.get(name, (None, None))
        found[name] = (path, follow) if kind == "single" else (single, path)
    if (held_out / "single.tsv").exists():
        found["held-out"] = (held_out / "single.tsv", held_out / "followups.tsv")
    figures: dict[str, dict[str, object]] = {}
    for name, (single, follow) in found.items():
        result = report(answerer, single, follow)
        for part, numbers in result.items():
            misses = numbers.pop("misses")
            print(f"{name} {part}: {json.dumps(numbers)}")
            for miss in misses if name != "held-out" else []:
                print(f"  miss: {miss}")
        figures[name] = result
    return figures


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
    parser.add_argument("--held-out", type=Path, default=HELD_OUT)
    args = parser.parse_args()
    repeats = 10 if args.quick else 50

    cold = _cold_startup(args.content, 2 if args.quick else 5)
    print(
        f"cold start-up (new process: imports, word list, content, indexes): "
        f"max {max(cold):.0f} ms, median {statistics.median(cold):.0f} ms over {len(cold)} runs"
    )
    startup = _startup(args.content, 3 if args.quick else 10)
    print(
        f"start-up in a warm process (content load + index build): first {startup[0]:.1f} ms, "
        f"median {statistics.median(startup):.1f} ms over {len(startup)} runs"
    )

    answerer = Answerer(load_library(args.content))
    cases = load_cases(args.dev) if args.dev.exists() else []
    timed = cases + [c for p in sorted(BATCHES.glob("*-single.tsv")) for c in load_cases(p)]
    passes = _latencies(answerer, timed, repeats)
    first_pass = passes[0]
    samples = [t for one_pass in passes for t in one_pass]
    p50, p99 = _percentile(samples, 0.50), _percentile(samples, 0.99)
    print(
        f"per question over {len(timed)} dev and batch questions x {repeats}: "
        f"p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {max(samples):.3f} ms"
    )
    print(f"first pass only (typo cache cold): p99 {_percentile(first_pass, 0.99):.3f} ms")

    dev_accuracy = _accuracy(answerer, cases, "dev set") if cases else None
    if OWN_SET.exists():
        _accuracy(answerer, load_cases(OWN_SET), "own test questions")
    figures = _sets(answerer, args.held_out)
    print(
        json.dumps(
            {
                "p50_ms": round(p50, 4),
                "p99_ms": round(p99, 4),
                "startup_ms": round(max(cold), 1),
                "load_average_1min": round(os.getloadavg()[0], 2),
                "dev_accuracy": round(dev_accuracy, 4) if dev_accuracy is not None else None,
                **{
                    f"{name}_{part}": {k: v for k, v in numbers.items() if k != "asked"}
                    for name, result in figures.items()
                    for part, numbers in result.items()
                },
            }
        )
    )


if __name__ == "__main__":
    main()
