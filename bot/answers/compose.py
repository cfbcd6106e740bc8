"""Answer texts built from the content: short, friendly, readable between sets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.content import Exercise, Library, Mistake, Muscle

# The answer limit is ~600 characters; stay a little under so a caller can add a prefix.
LIMIT = 590
_LEVELS = {"beginner": 0, "intermediate": 1, "advanced": 2}
_ROLE_WORDS = {
    "primary": "the main worker",
    "assisting": "a helper",
    "stabilising": "a stabiliser",
    "minor": "a small helper",
}


def shorten(text: str, limit: int = LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:. ")
    return cut + "…"


def fit(parts: Iterable[str], limit: int = LIMIT) -> str:
    """Join parts line by line, skipping any that would push the answer past the limit."""
    out = ""
    for part in parts:
        if not part:
            continue
        candidate = f"{out}\n{part}" if out else part
        if len(candidate) <= limit:
            out = candidate
        elif not out:
            out = shorten(part, limit)
    return out


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def bullets(items: Sequence[str]) -> list[str]:
    return [f"• {item}" for item in items]


def _mid(ex: Exercise) -> str:
    """The name as it reads mid-sentence: "the glute bridge", but "the GHR" stays."""
    name = ex.name
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def names_of(library: Library) -> str:
    return ", ".join(ex.name for ex in library.values())


def overview(ex: Exercise) -> str:
    sides = ", one side at a time" if ex.unilateral else ""
    head = f"{ex.name} ({ex.level.value}{sides}): {ex.summary}"
    gear = f"You need: {', '.join(ex.equipment)}." if ex.equipment else ""
    return fit([head, gear, "Ask me how to do it, what it works, or for tips."])


def muscles(ex: Exercise, asked: Sequence[str]) -> str:
    """All muscles by role, or, when the user names one, whether and how this works it."""
    by_role = ex.muscles.by_role()
    if asked:
        hits = [(role, m) for role, m in by_role if any(a in m.name.lower() for a in asked)]
        if hits:
            role, muscle = hits[0]
            lines = [
                f"Yes: the {_mid(ex)} works the {muscle.name} ({_ROLE_WORDS[role]}).",
                muscle.does,
            ]
            lines += [f"Also: {m.name} ({_ROLE_WORDS[r]})." for r, m in hits[1:3]]
            return fit(lines)
        main = ", ".join(m.name for m in ex.muscles.primary)
        return fit(
            [
                f"Not much: that isn't one of the muscles the {_mid(ex)} trains.",
                f"It's mainly the {main}.",
                _muscle_roles(ex),
            ]
        )
    primary = ex.muscles.primary[0]
    return fit([f"{ex.name} works:", f"Main: {primary.name}. {primary.does}", _muscle_roles(ex)])


def _muscle_roles(ex: Exercise) -> str:
    groups: list[tuple[str, list[Muscle]]] = [
        ("Helping", ex.muscles.assisting),
        ("Steadying", ex.muscles.stabilising),
        ("A little", ex.muscles.minor),
    ]
    return "\n".join(f"{label}: {', '.join(m.name for m in ms)}." for label, ms in groups if ms)


def steps(ex: Exercise, setup_only: bool) -> str:
    if setup_only:
        numbered = [f"{i}. {s}" for i, s in enumerate(ex.setup, 1)]
        return fit([f"Setting up the {_mid(ex)}:", *numbered])
    full = [f"{i}. {s}" for i, s in enumerate(ex.steps, 1)]
    short = [f"{i}. {first_sentence(s)}" for i, s in enumerate(ex.steps, 1)]
    setup = "Set-up: " + " ".join(ex.setup_cues)
    for numbered in (full, short):
        text = "\n".join([f"{ex.name}, step by step:", setup, *numbered])
        if len(text) <= LIMIT:
            return text
    return fit([f"{ex.name}, step by step:", *short, setup])


def weighted(ex: Exercise) -> str:
    if ex.loaded_steps:
        numbered = [f"{i}. {s}" for i, s in enumerate(ex.loaded_steps, 1)]
        return fit([f"Adding weight to the {_mid(ex)}:", *numbered])
    related = [t.text for t in ex.tips if re.search(r"weight|load|band|harder", t.text, re.I)]
    related += [n for n in ex.programming.notes if re.search(r"weight|load|band", n, re.I)]
    return fit(
        [f"My notes have no loaded version of the {_mid(ex)}.", *related, ex.level_note or ""]
    )


def tips(ex: Exercise, focus: int | None) -> str:
    if focus is not None:
        tip = ex.tips[focus]
        return fit([f"{tip.name}: {tip.text}", f"Cue: {tip.cue}"])
    return fit([f"Tips for the {_mid(ex)}:", *bullets([f"{t.name}: {t.cue}" for t in ex.tips])])


def mistakes(ex: Exercise, focus: int | None) -> str:
    if focus is not None:
        return _one_mistake(ex.mistakes[focus], lead="Watch out for")
    lines = bullets([f"{m.name}: {m.cue}" for m in ex.mistakes])
    return fit([f"Common mistakes on the {_mid(ex)}:", *lines])


def _one_mistake(m: Mistake, lead: str, prefix: Sequence[str] = ()) -> str:
    full = [
        *prefix,
        f"{lead}: {m.name.lower()}.",
        f"Why: {m.why}",
        f"Fix: {m.fix}",
        f"Cue: {m.cue}",
    ]
    text = "\n".join(part for part in full if part)
    if len(text) <= LIMIT:
        return text
    return fit([*prefix, f"{lead}: {m.name.lower()}.", f"Fix: {m.fix}", f"Cue: {m.cue}"])


def troubleshoot(ex: Exercise, focus: int | None, pain: bool) -> str:
    prefix = [ex.safety] if pain else []
    if focus is not None:
        return _one_mistake(ex.mistakes[focus], lead="Sounds like", prefix=prefix)
    checks = bullets([f"{m.name}: {m.cue}" for m in ex.mistakes])
    return fit([*prefix, f"On the {_mid(ex)}, check these:", *checks])


def related(ex: Exercise, library: Library, kind: str, direction: int = 0) -> str:
    """Variations or alternatives; direction -1 keeps easier ones, +1 harder ones."""
    refs = list(getattr(ex, kind))
    other_kind = "alternatives" if kind == "variations" else "variations"
    borrowed = not refs and not direction
    if not refs or direction:
        refs += [r for r in getattr(ex, other_kind) if r.slug not in {x.slug for x in refs}]
    here = _LEVELS[ex.level.value]
    if direction:
        refs = [r for r in refs if (_LEVELS[library[r.slug].level.value] - here) * direction >= 0]
        refs.sort(key=lambda r: _LEVELS[library[r.slug].level.value] * direction)
        if direction < 0:
            refs = [r for r in refs if library[r.slug].level.value != ex.level.value] or refs
    lines = bullets([f"{library[r.slug].name}: {r.note}" for r in refs])
    if direction > 0 and ex.loaded_steps:
        lines.insert(0, f"• Add weight: {first_sentence(ex.loaded_steps[1])}")
    head = {
        (-1, "variations"): f"Easier than the {_mid(ex)}:",
        (1, "variations"): f"To make the {_mid(ex)} harder:",
        (0, "variations"): f"Variations of the {_mid(ex)}:",
        (0, "alternatives"): f"Instead of the {_mid(ex)}, try:",
    }.get((direction, kind), f"Options next to the {_mid(ex)}:")
    if borrowed:
        head = f"I have no {kind} of the {_mid(ex)} noted; close relatives:"
    if not lines:
        return f"I have nothing {'easier' if direction < 0 else 'else'} than the {_mid(ex)} noted."
    return fit([head, *lines])


def benefits(ex: Exercise) -> str:
    return fit([f"Why do the {_mid(ex)}:", *bullets(ex.benefits)])


def level(ex: Exercise) -> str:
    return fit([f"The {_mid(ex)} is a {ex.level.value} exercise.", ex.level_note or ""])


def programming(ex: Exercise) -> str:
    p = ex.programming
    side = " per leg" if ex.unilateral else ""
    return fit(
        [
            f"{ex.name}: {p.sets.low}–{p.sets.high} sets of {p.reps.low}–{p.reps.high} reps{side}.",
            f"When: {p.placement}",
            f"Tempo: {p.tempo}",
            *bullets(p.notes),
        ]
    )


def compare(ex: Exercise, other: Exercise | None, library: Library, unknown: Sequence[str]) -> str:
    missing = f"I have no notes on {unknown[0]}, so I can't compare them." if unknown else ""
    if other is not None:
        note = _note_between(ex, other) or _note_between(other, ex)
        if note:
            return fit([f"{ex.name} vs {other.name}:", note, missing])
        return fit(
            [
                f"{ex.name} ({ex.level.value}): {first_sentence(ex.summary)}",
                f"{other.name} ({other.level.value}): {first_sentence(other.summary)}",
                missing,
            ]
        )
    notes = bullets([f"vs {library[r.slug].name}: {r.note}" for r in ex.comparisons])
    if not notes:
        return fit([missing, overview(ex)])
    return fit([missing, f"The {_mid(ex)} compared:", *notes])


def _note_between(ex: Exercise, other: Exercise) -> str | None:
    return next((r.note for r in ex.comparisons if r.slug == other.slug), None)
