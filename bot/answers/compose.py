"""Answer texts built from the content, as phone-sized parts: a first message, then "more"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.content import Exercise, Library, Mistake, Muscle
from bot.content.schema import Reference

# The answer limit is ~600 characters; stay a little under so a caller can add a prefix.
LIMIT = 590
_LEVELS = {"beginner": 0, "intermediate": 1, "advanced": 2}
_ROLE_WORDS = {
    "primary": "the main mover",
    "assisting": "a secondary mover: it assists the main one",
    "stabilising": "a stabiliser: it holds you steady rather than moving you",
    "minor": "a minor helper with a small role",
}
Parts = list[str]


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


def pages(lines: Iterable[str], limit: int = LIMIT) -> Parts:
    """Lines grouped into messages under the limit, in order: nothing is dropped."""
    out: Parts = []
    current = ""
    for line in lines:
        if not line:
            continue
        line = shorten(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
        else:
            out.append(current)
            current = line
    return [*out, current] if current else out


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def bullets(items: Sequence[str]) -> list[str]:
    return [f"• {item}" for item in items]


def mid(ex: Exercise) -> str:
    """The name as it reads mid-sentence: "the glute bridge", but "the GHR" stays."""
    name = ex.name
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def names_of(library: Library) -> str:
    return ", ".join(ex.name for ex in library.values())


def detail(text: str, cue: str | None) -> str:
    """One fact, with its cue when it has one."""
    return fit([text, f"Cue: {cue}" if cue else ""])


def overview(ex: Exercise) -> Parts:
    sides = ", one side at a time" if ex.unilateral else ""
    head = f"{ex.name} ({ex.level.value}{sides}): {ex.summary}"
    gear = f"You need: {', '.join(ex.equipment)}." if ex.equipment else ""
    return [fit([head, gear, "Ask me how to do it, what it works, or for tips."])]


def kit(ex: Exercise) -> str:
    """ "what do I need": the exercise's equipment, from its overview's "You need" line."""
    return fit([f"For the {mid(ex)} you need: {', '.join(ex.equipment)}.", ex.summary])


def no_kit(ex: Exercise, instead_of: Exercise | None) -> str:
    """ "zero equipment": the exercise that needs only the floor, and what it is."""
    swap = f" in place of the {mid(instead_of)}" if instead_of is not None else ""
    need = ", ".join(ex.equipment)
    return fit([f"No equipment? Do the {mid(ex)}{swap}. You need: {need}.", ex.summary])


def muscles(ex: Exercise, asked: Sequence[str]) -> Parts:
    """All muscles by role, or, when the user names one, whether and how this works it."""
    by_role = ex.muscles.by_role()
    if asked:
        hits = [(role, m) for role, m in by_role if any(a in m.name.lower() for a in asked)]
        if hits:
            role, muscle = hits[0]
            lines = [
                f"{'A little' if role == 'minor' else 'Yes'}: the {mid(ex)} works the "
                f"{muscle.name} ({_ROLE_WORDS[role]}).",
                muscle.does,
            ]
            lines += [f"Also: {m.name} ({_ROLE_WORDS[r]})." for r, m in hits[1:3]]
            # "hams only?", "just a helper or the main mover": the other roles, where they fit.
            main = ", ".join(m.name for m in ex.muscles.primary)
            lines += [f"Main mover: {main}.", _muscle_roles(ex)] if role != "primary" else []
            lines += [_muscle_roles(ex)] if role == "primary" else []
            return [fit(lines)]
        main = ", ".join(m.name for m in ex.muscles.primary)
        return [
            fit(
                [
                    f"Not much: that isn't one of the muscles the {mid(ex)} trains.",
                    f"It's mainly the {main}.",
                    _muscle_roles(ex),
                ]
            )
        ]
    primary = ex.muscles.primary[0]
    return [fit([f"{ex.name} works:", f"Main: {primary.name}. {primary.does}", _muscle_roles(ex)])]


def _muscle_roles(ex: Exercise) -> str:
    groups: list[tuple[str, list[Muscle]]] = [
        ("Secondary, assisting", ex.muscles.assisting),
        ("Stabilising", ex.muscles.stabilising),
        ("Minor role", ex.muscles.minor),
    ]
    return "\n".join(f"{label}: {', '.join(m.name for m in ms)}." for label, ms in groups if ms)


def steps(ex: Exercise, setup_only: bool = False) -> Parts:
    """Set-up and movement, complete: one message if it fits, else set-up first, then the rest."""
    setup = [f"{ex.name}, set-up:", *(f"{i}. {s}" for i, s in enumerate(ex.setup, 1))]
    start = len(ex.setup) + 1
    moves = ["Then the movement:", *(f"{i}. {s}" for i, s in enumerate(ex.steps, start))]
    if setup_only:
        return [*pages(setup), *pages(moves)]  # "set it up": the movement is one "more" away
    whole = "\n".join([*setup, *moves])
    if len(whole) <= LIMIT:
        return [whole]
    return [*pages(setup), *pages(moves)]


def weighted(ex: Exercise) -> Parts:
    if ex.loaded_steps:
        numbered = [f"{i}. {s}" for i, s in enumerate(ex.loaded_steps, 1)]
        return pages([f"Adding weight to the {mid(ex)}:", *numbered])
    related = [t.text for t in ex.tips if re.search(r"weight|load|band|harder", t.text, re.I)]
    related += [n for n in ex.programming.notes if re.search(r"weight|load|band", n, re.I)]
    return pages(
        [f"My notes have no loaded version of the {mid(ex)}.", *related, ex.level_note or ""]
    )


def tips(ex: Exercise, focus: int | None) -> Parts:
    if focus is not None:
        tip = ex.tips[focus]
        return [fit([f"{tip.name}: {tip.text}", f"Cue: {tip.cue}"])]
    return pages([f"Tips for the {mid(ex)}:", *bullets([f"{t.name}: {t.cue}" for t in ex.tips])])


def mistakes(ex: Exercise, focus: int | None) -> Parts:
    if focus is not None:
        return [_one_mistake(ex.mistakes[focus], lead="Watch out for")]
    lines = bullets([f"{m.name}: {m.cue}" for m in ex.mistakes])
    return pages([f"Common mistakes on the {mid(ex)}:", *lines])


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


def reason(m: Mistake) -> str:
    """ "why is that bad?": the fault's reason first, then what to do about it."""
    return fit([f"Why it matters ({m.name.lower()}): {m.why}", f"Fix: {m.fix}", f"Cue: {m.cue}"])


def remedy(m: Mistake) -> str:
    """ "how do I stop doing it": the fault's fix first, then its cue and why it matters."""
    return fit([f"To stop {m.name.lower()}: {m.fix}", f"Cue: {m.cue}", f"Why: {m.why}"])


def troubleshoot(ex: Exercise, focus: int | None, pain: bool) -> Parts:
    prefix = [ex.safety] if pain else []
    if focus is not None:
        return [_one_mistake(ex.mistakes[focus], lead="Sounds like", prefix=prefix)]
    checks = bullets([f"{m.name}: {m.cue}" for m in ex.mistakes])
    return [fit([*prefix, f"On the {mid(ex)}, check these:", *checks])]


def _harder(ex: Exercise, library: Library, slug: str, step: str | None) -> int:
    """+1 if slug is harder than ex, -1 if easier, 0 if the content doesn't say."""
    if step is not None:
        return 1 if step == "harder" else -1
    gap = _LEVELS[library[slug].level.value] - _LEVELS[ex.level.value]
    return (gap > 0) - (gap < 0)


def _related_refs(ex: Exercise, library: Library, kind: str, direction: int) -> list[Reference]:
    refs = list(getattr(ex, kind))
    other_kind = "alternatives" if kind == "variations" else "variations"
    if not refs or direction:
        refs += [r for r in getattr(ex, other_kind) if r.slug not in {x.slug for x in refs}]
    if direction:
        refs = [r for r in refs if _harder(ex, library, r.slug, r.step) == direction]
        refs.sort(key=lambda r: _LEVELS[library[r.slug].level.value] * direction)
    return refs


def related_slugs(ex: Exercise, library: Library, kind: str, direction: int = 0) -> list[str]:
    """The exercises a variations or alternatives answer lists, in the order it lists them."""
    return [r.slug for r in _related_refs(ex, library, kind, direction)]


def related(ex: Exercise, library: Library, kind: str, direction: int = 0) -> Parts:
    """Variations or alternatives; direction -1 keeps only easier ones, +1 only harder ones."""
    borrowed = not getattr(ex, kind) and not direction
    refs = _related_refs(ex, library, kind, direction)
    lines = bullets([f"{library[r.slug].name}: {r.note}" for r in refs])
    if direction > 0 and ex.loaded_steps:
        lines.insert(
            0, f"• Add weight: {first_sentence(ex.loaded_steps[min(1, len(ex.loaded_steps) - 1)])}"
        )
    head = {
        (-1, "variations"): f"Easier than the {mid(ex)}:",
        (1, "variations"): f"To make the {mid(ex)} harder:",
        (0, "variations"): f"Variations of the {mid(ex)}:",
        (0, "alternatives"): f"Instead of the {mid(ex)}, try:",
    }.get((direction, kind), f"Options next to the {mid(ex)}:")
    if borrowed:
        head = f"I have no {kind} of the {mid(ex)} noted; close relatives:"
    if not lines:
        what = "easier" if direction < 0 else ("harder" if direction > 0 else "else")
        return [fit([f"I have nothing {what} than the {mid(ex)} noted.", ex.level_note or ""])]
    return pages([head, *lines])


def benefits(ex: Exercise) -> Parts:
    return pages([f"Why do the {mid(ex)}:", *bullets(ex.benefits)])


def level(ex: Exercise) -> Parts:
    article = "an" if ex.level.value[0] in "aeiou" else "a"
    return [fit([f"The {mid(ex)} is {article} {ex.level.value} exercise.", ex.level_note or ""])]


def programming(ex: Exercise) -> Parts:
    p = ex.programming
    side = " per leg" if ex.unilateral else ""
    return pages(
        [
            f"{ex.name}: {p.sets.low}-{p.sets.high} sets of {p.reps.low}-{p.reps.high} reps{side}.",
            f"When: {p.placement}",
            f"Tempo: {p.tempo}",
            *bullets(p.notes),
        ]
    )


def _off(value: int | None, low: int, high: int, what: str) -> str | None:
    if value is None or low <= value <= high:
        return None
    return f"{value} {what} is {'on the low side' if value < low else 'more than you need'}"


def counted(ex: Exercise, sets: int | None, reps: int | None) -> str:
    """ "is 3x10 ok": the numbers asked about against the exercise's usual range."""
    p = ex.programming
    side = " per leg" if ex.unilateral else ""
    usual = f"{p.sets.low}-{p.sets.high} sets of {p.reps.low}-{p.reps.high} reps{side}"
    asked = " of ".join(
        f"{n} {what}" for n, what in ((sets, "sets"), (reps, "reps")) if n is not None
    )
    off = [
        v
        for v in (
            _off(sets, p.sets.low, p.sets.high, "sets"),
            _off(reps, p.reps.low, p.reps.high, "reps"),
        )
        if v is not None
    ]
    if not off:
        return f"Yes: {asked} fits the usual {usual}."
    return (
        f"{'; '.join(off).capitalize()}: the usual is {usual}. Clean reps first, then add weight."
    )


def compare(
    ex: Exercise,
    other: Exercise | None,
    library: Library,
    unknown: Sequence[str],
    verdict: str | None = None,
) -> Parts:
    missing = f"I have no notes on {unknown[0]}, so I can't compare them." if unknown else ""
    if other is not None:
        lead = _verdict(ex, other, verdict) if verdict else ""
        # A note says "here" of the exercise it belongs to: that one is named first.
        mine, theirs = _note_between(ex, other), _note_between(other, ex)
        first, second = (ex, other) if mine or not theirs else (other, ex)
        note = mine or theirs
        if note:
            return [fit([lead, f"{first.name} vs {second.name}:", note, missing])]
        return [
            fit(
                [
                    lead,
                    f"{ex.name} ({ex.level.value}): {first_sentence(ex.summary)}",
                    f"{other.name} ({other.level.value}): {first_sentence(other.summary)}",
                    missing,
                ]
            )
        ]
    notes = bullets([f"vs {library[r.slug].name}: {r.note}" for r in ex.comparisons])
    if not notes:
        return [fit([missing, *overview(ex)])]
    return pages([missing, f"The {mid(ex)} compared:", *notes])


def _step_up(ex: Exercise, other: Exercise) -> int:
    """+1 if the content lists other as a harder step from ex, -1 if easier, 0 if it doesn't."""
    for a, b, sign in ((ex, other, 1), (other, ex, -1)):
        for ref in (*a.variations, *a.alternatives):
            if ref.slug == b.slug and ref.step is not None:
                return sign if ref.step == "harder" else -sign
    return 0


def harder_than(library: Library, slug: str, other: str) -> int:
    """+1 if other is harder than slug, -1 if easier, 0 if the content can't say: by level,
    and where the levels tie, by the step the content sets between them."""
    a, b = library[slug], library[other]
    gap = _LEVELS[b.level.value] - _LEVELS[a.level.value]
    return (gap > 0) - (gap < 0) or _step_up(a, b)


def _verdict(ex: Exercise, other: Exercise, asked: str) -> str:
    """ "which is harder": which one, by level (beginner < intermediate < advanced), and
    where the levels tie, by the step the content sets between them; "which is best for the
    hamstrings": the one whose main mover that muscle is."""
    if asked.startswith("muscle:"):
        muscle = asked.removeprefix("muscle:")
        return f"For the {muscle}, the {mid(ex)}: it trains them as its main mover."
    gap = _LEVELS[other.level.value] - _LEVELS[ex.level.value]
    order = (gap > 0) - (gap < 0) or _step_up(ex, other)
    if not order:
        return f"They're about as hard as each other: both are {ex.level.value}-level."
    easy, hard = (ex, other) if order > 0 else (other, ex)
    tie = f"both are {easy.level.value}-level, and the {mid(hard)} is the step up"
    up = f"{easy.level.value} vs {hard.level.value}" if gap else tie
    down = f"{hard.level.value} vs {easy.level.value}" if gap else tie
    if asked == "beginner":
        return f"For a beginner, the {mid(easy)}: it's easier than the {mid(hard)} ({up})."
    if asked == "easier":
        return f"The {mid(easy)} is easier than the {mid(hard)} ({up})."
    return f"The {mid(hard)} is harder than the {mid(easy)} ({down})."


def _note_between(ex: Exercise, other: Exercise) -> str | None:
    return next((r.note for r in ex.comparisons if r.slug == other.slug), None)
