"""A subject back into its answer parts: the same subject always gives the same parts."""

from __future__ import annotations

from bot.answers import compose
from bot.answers.counts import parse_focus
from bot.answers.facts import FactIndex
from bot.answers.medical import Medical, referral
from bot.answers.model import Subject, Topic
from bot.content import Exercise, Library

_ATOM_KINDS = ("facts:", "setup:", "steps:", "loaded:", "tips:")


def _option(subject: Subject, prefix: str) -> str | None:
    return next((f.removeprefix(prefix) for f in subject.focus if f.startswith(prefix)), None)


def _index_of(subject: Subject, prefix: str, count: int) -> int | None:
    value = _option(subject, prefix)
    if value is None or not value.isdigit() or int(value) >= count:
        return None
    return int(value)


def render(subject: Subject, library: Library, facts: FactIndex) -> compose.Parts:
    """The parts of the answer about subject; a detail asked for comes first, then the topic."""
    if subject.topic is Topic.MEDICAL:
        kind = _option(subject, "medical:") or Medical.PAIN.value
        return [referral(Medical(kind) if kind in set(Medical) else Medical.PAIN)]
    ex = library.get(subject.exercise or "")
    if ex is None:
        return []
    return _deferring(subject, _parts(subject, ex, library, facts))


def _parts(subject: Subject, ex: Exercise, library: Library, facts: FactIndex) -> compose.Parts:
    parts = _topic_parts(subject, ex, library)
    counted = next((c for f in subject.focus if (c := parse_focus(f))), None)
    if counted is not None:
        # The verdict replaces the first line, which only states the usual range again.
        rest = parts[0].partition("\n")[2] if parts else ""
        return [compose.fit([compose.counted(ex, counted.sets, counted.reps), rest]), *parts[1:]]
    atom_id = next((f for f in subject.focus if f.startswith(_ATOM_KINDS)), None)
    atom = facts.atom(ex.slug, atom_id) if atom_id else None
    if atom is None:
        return parts
    lead = compose.detail(atom.text, atom.cue)
    if subject.topic is Topic.TROUBLESHOOT and "pain" in subject.focus:
        lead = compose.fit([lead, ex.safety])  # a fix for an ache still says when to stop
    # The detail first; the whole topic stays one "more" away, without repeating the detail.
    return [lead, *(p for p in parts if p != lead)]


def _deferring(subject: Subject, parts: compose.Parts) -> compose.Parts:
    """ "my physio gave me 3x10": their plan comes first, then what the coach knows."""
    who = _option(subject, "prescribed:")
    if who is None or not parts:
        return parts
    first = f"Your {who} set that plan for you: stick to it, and ask them before you change it."
    return [compose.fit([first, parts[0]]), *parts[1:]]


def _topic_parts(subject: Subject, ex: Exercise, library: Library) -> compose.Parts:
    topic, focus = subject.topic, set(subject.focus)
    mistake = _index_of(subject, "mistakes:", len(ex.mistakes))
    if topic is Topic.OVERVIEW:
        kit = [compose.kit(ex)] if "kit" in focus and ex.equipment else []
        return [*kit, *compose.overview(ex)]
    if topic is Topic.MUSCLES:
        asked = [f.removeprefix("muscle:") for f in subject.focus if f.startswith("muscle:")]
        return compose.muscles(ex, asked)
    if topic is Topic.STEPS:
        return compose.steps(ex, setup_only="setup-only" in focus)
    if topic is Topic.WEIGHTED:
        return compose.weighted(ex)
    if topic is Topic.TIPS:
        return compose.tips(ex, None)
    if topic in (Topic.MISTAKES, Topic.TROUBLESHOOT) and mistake is not None and "why" in focus:
        # "why is that bad?": the reason leads; after a list, the list is one "more" away.
        rest = compose.mistakes(ex, None) if topic is Topic.MISTAKES else []
        return [compose.reason(ex.mistakes[mistake]), *rest]
    if topic in (Topic.MISTAKES, Topic.TROUBLESHOOT) and mistake is not None and "fix" in focus:
        # "how do I stop doing it": the fix leads, then why it matters.
        rest = compose.mistakes(ex, None) if topic is Topic.MISTAKES else []
        return [compose.remedy(ex.mistakes[mistake]), *rest]
    if topic is Topic.MISTAKES:
        return compose.mistakes(ex, mistake)
    if topic is Topic.TROUBLESHOOT:
        parts = compose.troubleshoot(ex, mistake, pain="pain" in focus)
        if "guess" in focus:
            parts = [compose.fit([f"If this is on the {compose.mid(ex)}:", part]) for part in parts]
        return parts
    if topic is Topic.ALTERNATIVES and "no-kit" in focus:
        instead = library.get(_option(subject, "other:") or "")
        return [compose.no_kit(ex, instead), *compose.steps(ex)]
    if topic in (Topic.VARIATIONS, Topic.ALTERNATIVES):
        direction = -1 if "easier" in focus else (1 if "harder" in focus else 0)
        return compose.related(ex, library, topic.value, direction)
    if topic is Topic.BENEFITS:
        return compose.benefits(ex)
    if topic is Topic.LEVEL:
        return compose.level(ex)
    if topic is Topic.PROGRAMMING:
        return compose.programming(ex)
    if topic is Topic.COMPARE:
        other = _option(subject, "other:")
        unknown = [f.removeprefix("unknown:") for f in subject.focus if f.startswith("unknown:")]
        verdict = _option(subject, "verdict:")
        return compose.compare(
            ex, library.get(other) if other else None, library, unknown, verdict=verdict
        )
    return []
