"""The /help text: what to ask the coach, and how to log a set."""

from __future__ import annotations

from bot.answers.compose import LIMIT, mid
from bot.content import Library


def help_text(library: Library) -> str:
    """What to ask and how to log, short enough for one phone message at any step."""
    names = list(library.values())
    other = mid(names[-1]) if names else "glute bridge"
    text = "\n".join(
        [
            "Ask me anything, any time, in your own words:",
            '• "how do I do it?" · "where do my arms go?"',
            '• "what muscles does it work?" · "I feel it in my quads"',
            '• "how long should I rest?" · "something easier?"',
            f'Then "more" for the rest of a long answer, or "and the {other}?" for the same on '
            "another exercise.",
            "Logging a set: type your reps.",
            "• 12 · with a weight: 12 @ 12.5kg · how it felt: 10 hard",
            "• undo: take back the last set · skip: skip this set · stop: end the workout",
            "Pain? Say so and we stop.",
        ]
    )
    assert len(text) <= LIMIT, len(text)  # the content of this text is fixed; a test guards it
    return text
