"""`coach ask`: one question, and the JSON-lines round trip the evaluation uses."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.__main__ import main
from bot.answers.cli import run_ask
from bot.content import Library


def _ask_lines(library: Library, data: bytes) -> list[dict[str, object]]:
    out = io.StringIO()
    code = run_ask(library, None, None, as_json=True, stdin=True, source=io.BytesIO(data), out=out)
    assert code == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_json_lines_answer_in_order_one_line_each(library: Library) -> None:
    requests = [
        {"question": "how do I do a glute bridge", "exercise": None},
        {"question": "what muscles does this work", "exercise": "glute-ham-raise"},
        {"question": "tell me a joke", "exercise": "hip-thrust"},
        {"question": "my hips tilt", "exercise": "single-leg-hip-thrust"},
    ]
    data = "".join(json.dumps(r) + "\n" for r in requests).encode()
    replies = _ask_lines(library, data)
    got = [(r["topic"], r["exercise"]) for r in replies]
    assert got == [
        ("steps", "glute-bridge"),
        ("muscles", "glute-ham-raise"),
        ("none", None),
        ("troubleshoot", "single-leg-hip-thrust"),
    ]
    assert all(set(r) == {"topic", "exercise", "answer", "more", "subject"} for r in replies)
    assert all(isinstance(r["answer"], str) and r["answer"] for r in replies)


@pytest.mark.parametrize(
    "line",
    [
        b"not json at all",
        b'["a", "list"]',
        b'{"question": 42}',
        b'{"exercise": "hip-thrust"}',
        b'{"question": "tips", "exercise": "bench-press"}',
        b'{"question": "tips", "exercise": 7}',
        b'{"question": "tips\xff\xfe", "exercise": null',
        b"[" * 5000,
    ],
)
def test_a_bad_line_gets_topic_none_and_the_next_line_still_answers(
    library: Library, line: bytes
) -> None:
    good = b'{"question": "how many reps", "exercise": "glute-bridge"}'
    replies = _ask_lines(library, line + b"\n" + good + b"\n")
    assert len(replies) == 2
    assert (replies[0]["topic"], replies[0]["exercise"]) == ("none", None)
    assert replies[0]["answer"]
    assert (replies[1]["topic"], replies[1]["exercise"]) == ("programming", "glute-bridge")


def test_unknown_slug_says_which_exercises_exist(library: Library) -> None:
    reply = _ask_lines(library, b'{"question": "tips", "exercise": "squat"}\n')[0]
    assert "squat" in str(reply["answer"]) and "glute-bridge" in str(reply["answer"])


def test_one_question_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "--exercise", "glute-bridge", "any tips?"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert (reply["topic"], reply["exercise"]) == ("tips", "glute-bridge")


def test_one_question_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what is a ghr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[overview · glute-ham-raise]")


def test_an_unknown_slug_or_no_question_exits_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--exercise", "nope", "tips"]) == 2
    assert "I have no exercise 'nope'" in capsys.readouterr().out
    assert main(["ask"]) == 2
    assert "Ask a question" in capsys.readouterr().err


def test_stdin_round_trip_through_the_coach_command() -> None:
    """The evaluation's way in: a real process, a pipe, one JSON object per line."""
    lines = [
        {"question": "single leg vs double leg hip thrust", "exercise": None},
        {"question": "I feel this in my lower back", "exercise": "single-leg-hip-thrust"},
        {"question": "", "exercise": None},
    ]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--stdin"],
        input="\n".join(json.dumps(x) for x in lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    replies = [json.loads(x) for x in done.stdout.splitlines()]
    assert [r["topic"] for r in replies] == ["compare", "troubleshoot", "none"]
    assert replies[0]["exercise"] in {"single-leg-hip-thrust", "hip-thrust"}


def test_a_dash_or_empty_exercise_means_none_in_hand(library: Library) -> None:
    data = (
        b'{"question": "glute bridge tips", "exercise": "-"}\n{"question": "hi", "exercise": ""}\n'
    )
    replies = _ask_lines(library, data)
    assert (replies[0]["topic"], replies[0]["exercise"]) == ("tips", "glute-bridge")
    assert (replies[1]["topic"], replies[1]["exercise"]) == ("none", None)
