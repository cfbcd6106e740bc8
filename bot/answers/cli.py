"""`coach ask`: one question, or JSON lines in and out (with "previous" for follow-ups)."""

from __future__ import annotations

import json
import sys
from typing import BinaryIO, TextIO

from pydantic import ValidationError

from bot.answers.answerer import Answerer
from bot.answers.model import Answer, Subject, Topic
from bot.content import Library


def run_ask(
    library: Library,
    question: str | None,
    exercise: str | None,
    *,
    as_json: bool,
    stdin: bool,
    source: BinaryIO | None = None,
    out: TextIO | None = None,
) -> int:
    """Answer one question (exit 2 on a bad slug or none given), or every line of stdin."""
    out = out or sys.stdout
    answerer = Answerer(library)
    if stdin:
        lines = source if source is not None else sys.stdin.buffer
        for raw in lines:
            # Undecodable bytes become U+FFFD: a bad line gets an answer, not a crash.
            line = raw.decode("utf-8", errors="replace").strip()
            if not line:
                continue
            answer = _answer_line(answerer, library, line) if as_json else answerer.answer(line)
            _write(out, answer, as_json)
        return 0
    if question is None:
        print('Ask a question: coach ask "how do I do a glute bridge?"', file=sys.stderr)
        return 2
    if exercise is not None and exercise not in library:
        _write(out, _unknown_slug(library, exercise), as_json)
        return 2
    _write(out, answerer.answer(question, exercise), as_json)
    return 0


def _answer_line(answerer: Answerer, library: Library, line: str) -> Answer:
    try:
        request = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return _bad('That line is not JSON: send {"question": "...", "exercise": "slug or null"}.')
    if not isinstance(request, dict):
        return _bad('Send one JSON object per line: {"question": "...", "exercise": null}.')
    question = request.get("question")
    exercise = request.get("exercise")
    if not isinstance(question, str):
        return _bad('The line has no "question" text.')
    if exercise in ("", "-"):
        exercise = None  # the dev set's own spelling of "no exercise in hand"
    if exercise is not None and not isinstance(exercise, str):
        return _bad('"exercise" must be a slug or null.')
    if exercise is not None and exercise not in library:
        return _unknown_slug(library, exercise)
    previous = None
    if request.get("previous") is not None:
        try:
            previous = Subject.model_validate(request["previous"])
        except ValidationError:
            return _bad('"previous" must be the "subject" of an earlier answer, or null.')
    return answerer.answer(question, exercise, previous)


def _unknown_slug(library: Library, slug: str) -> Answer:
    shown = slug if len(slug) <= 60 else slug[:57] + "..."
    return _bad(f"I have no exercise {shown!r}. I know: {', '.join(library)}.")


def _bad(message: str) -> Answer:
    return Answer(Topic.NONE, None, message)


def _write(out: TextIO, answer: Answer, as_json: bool) -> None:
    if as_json:
        record = {
            "topic": answer.topic.value,
            "exercise": answer.exercise,
            "answer": answer.text,
            "more": answer.more,
            # Send it back as "previous" with the next question for a follow-up.
            "subject": answer.subject.model_dump(mode="json") if answer.subject else None,
        }
        out.write(json.dumps(record) + "\n")
    else:
        where = f" · {answer.exercise}" if answer.exercise else ""
        more = f"[more]\n{answer.more}\n" if answer.more else ""
        out.write(f"[{answer.topic.value}{where}]\n{answer.text}\n{more}")
    # The caller may be a pipe waiting for this line before it sends the next question.
    out.flush()
