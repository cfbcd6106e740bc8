"""RawSets -> ImportedSets: each exercise's sets in a workout, their stable keys, the coach's
exercise, the side, and whether (and why not) each set is imported."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.coach.ports import Side
from bot.imports.imported_sets import ImportedSet, LeftOut, SetKind, SideFrom, SourceApp
from bot.imports.mapping import ExerciseMap
from bot.imports.raw import RawNote, RawSet
from bot.imports.side_marks import alternating_side, alternation, note_side, split_name

_TAG_LETTER = {SetKind.WARMUP: "W", SetKind.DROP: "D", SetKind.FAILURE: "F"}


@dataclass
class _Block:
    """One exercise done once in one workout: its sets in order (the same exercise done again
    later in the workout, its set numbers starting over, is a block of its own)."""

    workout_id: str
    exercise_name: str
    occurrence: int
    sets: list[RawSet] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # each set's own ordinal, as the app has it


def _token(app: SourceApp, raw: RawSet, block: _Block) -> str:
    if app is SourceApp.FITNOTES:
        return f"n{len(block.sets) + 1}"  # FitNotes numbers no sets: file order is the order
    if raw.ordinal is not None:
        return f"i{raw.ordinal}" if app is SourceApp.HEVY else str(raw.ordinal)
    # Strong's tagged sets carry no number: the nth warm-up (drop, failure) of the block.
    letter = _TAG_LETTER.get(raw.kind, "?")
    return f"{letter}{1 + sum(t.startswith(letter) for t in block.tokens)}"


def blocks(app: SourceApp, sets: list[RawSet]) -> list[_Block]:
    """Sets grouped per exercise per workout; a set number not above the last one starts a
    new block (Strong and Hevy number each exercise's sets afresh), unless the row repeats one
    of the block's rows cell for cell: then it is the same set listed twice, and shares its key."""
    out: list[_Block] = []
    current: dict[tuple[str, str], _Block] = {}
    last_ordinal: dict[tuple[str, str], int] = {}
    for raw in sets:
        ident = (raw.workout_id, raw.exercise_name)
        block = current.get(ident)
        if block is not None and app is not SourceApp.FITNOTES:
            twin = _twin(block, raw)
            if twin is not None:
                block.tokens.append(twin)
                block.sets.append(raw)
                continue
        restarts = raw.ordinal is not None and raw.ordinal <= last_ordinal.get(ident, -1)
        if block is None or (restarts and app is not SourceApp.FITNOTES):
            block = _Block(raw.workout_id, raw.exercise_name, block.occurrence + 1 if block else 0)
            current[ident] = block
            last_ordinal.pop(ident, None)
            out.append(block)
        if raw.ordinal is not None:
            last_ordinal[ident] = raw.ordinal
        block.tokens.append(_token(app, raw, block))
        block.sets.append(raw)
    return out


def _twin(block: _Block, raw: RawSet) -> str | None:
    """The token of a numbered row in the block that raw repeats exactly (its line aside)."""
    if raw.ordinal is None:
        return None
    for token, earlier in zip(block.tokens, block.sets, strict=True):
        if earlier.ordinal == raw.ordinal and replace(earlier, line=raw.line) == raw:
            return token
    return None


def source_key(app: SourceApp, block: _Block, token: str) -> str:
    """Same app, workout start, exercise, occurrence and set number: the same set, however
    the export that carries it is sliced or ordered."""
    name = " ".join(block.exercise_name.split()).casefold()
    material = "\x1f".join((app.value, block.workout_id, name, str(block.occurrence), token))
    return f"{app.value}:{hashlib.sha256(material.encode()).hexdigest()[:32]}"


def _sides(
    block: _Block, slug: str | None, unilateral: bool, named: Side | None, notes: list[str]
) -> list[tuple[Side, SideFrom]]:
    if slug is None:  # not one of the coach's exercises: left out, and no side claimed
        return [(Side.UNKNOWN, SideFrom.NONE)] * len(block.sets)
    if not unilateral:
        return [(Side.BOTH, SideFrom.BILATERAL)] * len(block.sets)
    if named is not None:
        return [(named, SideFrom.NAME)] * len(block.sets)
    odd = next((s for s in map(alternation, notes) if s is not None), None)
    out: list[tuple[Side, SideFrom]] = []
    working = 0
    for raw in block.sets:
        marked = note_side(raw.note)
        if raw.kind is not SetKind.WARMUP:
            working += 1
        if marked is not None:
            out.append((marked, SideFrom.NOTE))
        elif odd is not None and raw.kind is not SetKind.WARMUP:
            out.append((alternating_side(odd, working), SideFrom.ALTERNATION))
        else:
            out.append((Side.UNKNOWN, SideFrom.NONE))
    return out


def _left_out(raw: RawSet, slug: str | None, key: str, seen: set[str]) -> LeftOut | None:
    if slug is None:
        return LeftOut.NOT_COACHED
    if key in seen:
        return LeftOut.REPEATED
    seen.add(key)
    if raw.kind is SetKind.WARMUP:
        return LeftOut.WARMUP
    if raw.reps is None:
        return LeftOut.NO_REPS
    return None


def assemble(
    app: SourceApp, sets: list[RawSet], notes: list[RawNote], exercises: ExerciseMap
) -> list[ImportedSet]:
    """Every set of the file, oldest workout first, each with its key, exercise and side."""
    exercise_notes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for note in notes:
        exercise_notes[(note.workout_id, note.exercise_name)].append(note.text)
    out: list[ImportedSet] = []
    seen: set[str] = set()
    mapped: dict[str, tuple[str | None, Side | None]] = {}
    for block in blocks(app, sets):
        if block.exercise_name not in mapped:
            mapped[block.exercise_name] = _exercise(block.exercise_name, exercises)
        slug, named_side = mapped[block.exercise_name]
        unilateral = slug is not None and exercises.library[slug].unilateral
        texts = [*exercise_notes[(block.workout_id, block.exercise_name)]]
        texts += [t for raw in block.sets for t in (raw.note, raw.exercise_note) if t]
        sides = _sides(block, slug, unilateral, named_side, list(dict.fromkeys(texts)))
        for position, (raw, token, (side, side_from)) in enumerate(
            zip(block.sets, block.tokens, sides, strict=True), start=1
        ):
            key = source_key(app, block, token)
            out.append(_imported(app, raw, key, slug, position, side, side_from, seen))
    out.sort(key=lambda s: (s.workout_date, s.workout_start or datetime.min, s.line))
    return out


def _exercise(name: str, exercises: ExerciseMap) -> tuple[str | None, Side | None]:
    """The slug an app's name maps to and the side it marks; a side on a two-leg exercise
    ("Hip Thrust (Left)") means its one-leg version, or nothing the coach can file."""
    named = split_name(name)
    slug = exercises.slug(named.name)
    if slug is not None and named.side is not None and not exercises.library[slug].unilateral:
        slug = exercises.one_leg_version(slug)
    return slug, named.side


def _imported(
    app: SourceApp,
    raw: RawSet,
    key: str,
    slug: str | None,
    position: int,
    side: Side,
    side_from: SideFrom,
    seen: set[str],
) -> ImportedSet:
    return ImportedSet(
        source=app,
        source_key=key,
        line=raw.line,
        workout_date=raw.workout_date,
        workout_start=raw.workout_start,
        workout_end=raw.workout_end,
        workout_title=raw.workout_title,
        workout_note=raw.workout_note,
        exercise_name=raw.exercise_name,
        exercise=slug,
        set_order=position,
        kind=raw.kind,
        side=side,
        side_from=side_from,
        reps=raw.reps,
        load=raw.load,
        unit=raw.unit,
        unit_assumed=raw.unit_assumed,
        rpe=raw.rpe,
        note=raw.note,
        left_out=_left_out(raw, slug, key, seen),
    )
