"""Another lift, a sport or a place as the scene of a question about these exercises."""

from __future__ import annotations

from bot.answers import signals
from bot.answers.exercises import phrase_tokens
from bot.answers.parsed import Parsed
from bot.answers.vocabulary import PRONOUNS, SCENE
from bot.answers.votes import FACT_COVERAGE, FactVotes

_POINTING = frozenset(phrase_tokens(" ".join(PRONOUNS))) - frozenset(phrase_tokens("one"))
_OURS = frozenset(phrase_tokens(" ".join(PRONOUNS))) | signals.GLUTE


def only_the_scene(
    p: Parsed, talked_of: str | None, hub: str, votes: FactVotes, kit: frozenset[str]
) -> bool:
    """ "do I do these before or after squats": another lift or sport is only the scene.

    True when the question asks a coaching fact in full about an exercise here (named, in
    talk, or pointed at with "these" or a glute word), the scene's words set aside.
    """
    if talked_of is None and not set(p.free) & _OURS:
        return False
    # "how do I bench press": a lift named after kit of ours is only a scene when the question
    # points at one of ours in so many words ("do these before or after bench press").
    kit_named = any(set(phrase_tokens(name)) & kit for name in p.found.others)
    if kit_named and not p.found.slugs and not set(p.free) & _POINTING:
        return False
    scene = SCENE | {t for name in p.found.others for t in phrase_tokens(name)}
    rest = [t for t in p.query if t not in scene]
    # Asked for in so many words, the fact may share the question with the scene.
    return votes.best_fact(talked_of or hub, rest, FACT_COVERAGE * 0.6) is not None
