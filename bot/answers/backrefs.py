"""Follow-ups that point back past the last answer's words: lists, pairs, "it"."""

from __future__ import annotations

from dataclasses import replace

from bot.answers import compose, described, durations, faults, followup, gear, signals
from bot.answers.exercises import phrase_tokens
from bot.answers.model import Subject, Topic
from bot.answers.moving import Progressions
from bot.answers.parsed import Parsed, without
from bot.answers.symptoms import BODY
from bot.answers.topics import TopicScorer
from bot.answers.vocabulary import MUSCLE_WORDS
from bot.answers.votes import FactVotes
from bot.content import Library

# Where a one-word follow-up ("knees?", "bench?") finds its detail: how the lift is done.
_DETAIL_TOPICS = {Topic.STEPS, Topic.WEIGHTED, Topic.TIPS}
# A body word that names a muscle asks what that muscle does ("hamstrings?"), not a detail.
_MUSCLES = frozenset(phrase_tokens(" ".join(MUSCLE_WORDS)))
# Talk of a fault or a referral goes on about that; a word alone is not a new question there.
_OWN_THREAD = {Topic.TROUBLESHOOT, Topic.MISTAKES, Topic.MEDICAL, Topic.NONE}
# Asking for another exercise, or about one: what a way round missing kit can answer.
_WAYS_ROUND = {Topic.ALTERNATIVES, Topic.VARIATIONS, Topic.OVERVIEW, Topic.BENEFITS, Topic.LEVEL}
_ATOM_KINDS = ("facts:", "setup:", "steps:", "loaded:", "tips:")


class BackReferences:
    def __init__(
        self, library: Library, votes: FactVotes, scorer: TopicScorer, pronouns: frozenset[str]
    ) -> None:
        self._library = library
        self._votes = votes
        self._scorer = scorer
        self._pronouns = pronouns
        self._moving = Progressions(library, votes, self.in_talk)
        self._kit_words = described.kit_words(library)

    def reread(self, p: Parsed, previous: Subject | None, in_hand: str | None) -> Parsed:
        """The question as the thread reads it: the kit in talk added where its words find
        nothing; "the two legged one" and "the full one" as the exercises they mean."""
        p = self.kit_in_talk(p, previous)
        return (
            self.two_legged(p, previous, in_hand)
            or self.described(p, previous, in_hand)
            or self._moving.full_one(p, previous, in_hand)
            or p
        )

    def described(self, p: Parsed, previous: Subject | None, in_hand: str | None) -> Parsed | None:
        """ "the one on the floor", "the band one", "the normal one": the exercise its kit
        (or, for the normal one, the lack of it) describes; the question as if it named it."""
        where = described.span(p.toks, self._kit_words, previous is not None)
        if where is None:
            return None
        start, end, word = where
        # "the bench one" may read as a telltale of one exercise; the thread says which.
        if any(not (start <= m.start and m.end <= end) for m in p.found.mentions):
            return None
        talk = self.in_talk(previous) or in_hand
        if word in described.PLAIN:
            slug = self._plain_version(talk)
        else:
            pair = [f[6:] for f in previous.focus if f.startswith("other:")] if previous else []
            earlier = previous.earlier if previous else None
            near = (talk, *pair, earlier, in_hand, *self.listed(previous))
            slug = described.choose(self._kit_words[word], near, self._library)
        said = previous.exercise if previous is not None else in_hand
        if slug is None or p.found.slugs == (slug,) or slug == said:
            return None  # "the band one", "and on the bench?": nothing new is pointed at
        found = replace(p.found, slugs=(slug,), mentions=())
        return replace(without(p, frozenset(p.toks[start:end])), found=found)

    def listed(self, previous: Subject | None) -> list[str]:
        """The exercises the last answer listed, if it was a list of them."""
        if previous is None or previous.topic not in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            return []
        ex = self._library.get(previous.exercise or "")
        return compose.related_slugs(ex, self._library, previous.topic.value) if ex else []

    def _plain_version(self, talk: str | None) -> str | None:
        """The exercise in talk without the kit it is named after, else its two-leg version."""
        if talk is None:
            return None
        ex = self._library[talk]
        name = set(phrase_tokens(ex.name))
        kit = {t for item in ex.equipment for t in phrase_tokens(item)} & name
        plain = [s for s, o in self._library.items() if set(phrase_tokens(o.name)) == name - kit]
        return plain[0] if kit and plain else self._two_leg_version(talk)

    def counted(self, p: Parsed, previous: Subject | None) -> tuple[str, ...]:
        """ "the second one" after a list of exercises: the one listed second."""
        if previous is None or previous.topic not in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            return ()
        place = followup.ordinal(p.free)
        ex = self._library.get(previous.exercise or "")
        if ex is None:
            return ()
        direction = -1 if "easier" in previous.focus else (1 if "harder" in previous.focus else 0)
        way = signals.direction(p.free)
        if place is None and way and not direction and set(p.free) & followup.ORDINAL_WORDS:
            # "the harder one" after a plain list: the first of the listed ones that way.
            place, direction = 0, (1 if way == ["harder"] else -1)
        if place is None:
            return ()
        listed = compose.related_slugs(ex, self._library, previous.topic.value, direction)
        if not set(listed) & set(compose.related_slugs(ex, self._library, previous.topic.value)):
            listed = compose.related_slugs(ex, self._library, "variations", direction)
        return (listed[place],) if -len(listed) <= place < len(listed) else ()

    def carried_on(
        self, p: Parsed, previous: Subject | None, in_hand: str | None
    ) -> Subject | None:
        """A follow-up whose subject comes from the thread, not from its own words."""
        return (
            self.referral_carried(p, previous)
            or self.reason(p, previous)
            or self.fault_again(p, previous)
            or self.kit_needed(p, previous, in_hand)
            or self.no_kit(p)
            or durations.again(p, previous, in_hand, self._votes)
            or self.where_it_goes(p, previous, in_hand)
            or self._moving.moving_on(p, previous, in_hand)
            or self.further(p, previous)
            or self.one_word(p, previous)
        )

    def in_talk(self, previous: Subject | None) -> str | None:
        """The exercise in talk: after a list, the one offered on top."""
        offered = self.counted_on_top(previous)
        last = previous.exercise if previous is not None else None
        return offered[0] if offered else (last if last in self._library else None)

    def counted_on_top(self, previous: Subject | None) -> tuple[str, ...]:
        if previous is None or previous.topic not in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            return ()
        ex = self._library.get(previous.exercise or "")
        direction = -1 if "easier" in previous.focus else (1 if "harder" in previous.focus else 0)
        listed = (
            compose.related_slugs(ex, self._library, previous.topic.value, direction) if ex else []
        )
        return tuple(listed[:1])

    def referral_carried(self, p: Parsed, previous: Subject | None) -> Subject | None:
        """ "and with weight?", "what about the banded one" after a referral: the same one."""
        if previous is None or previous.topic is not Topic.MEDICAL:
            return None
        ex = self._library.get(previous.exercise or "")
        kit = frozenset(t for item in ex.equipment for t in phrase_tokens(item)) if ex else None
        if not followup.only_a_version(p.free, kit or frozenset()):
            return None
        named = p.found.slugs
        exercise = named[0] if named else previous.exercise
        return previous.model_copy(update={"exercise": exercise, "part": 0})

    def reason(self, p: Parsed, previous: Subject | None) -> Subject | None:
        """ "why?", "how come", "why does that matter": the reason for what was just said.

        After a fault, that fault's why (the first listed after a list of them); after tips, the
        first tip in full; after a referral, the same referral; else why do the exercise.
        """
        if previous is None or p.found.slugs or not signals.bare_why(p.toks):
            return None
        if previous.topic is Topic.MEDICAL:
            return previous.model_copy(update={"part": 0})
        slug = self.in_talk(previous)
        ex = self._library.get(slug or "")
        if ex is None or slug is None:
            return None
        atoms = [f for f in previous.focus if f.startswith(_ATOM_KINDS)]
        if previous.topic in (Topic.MISTAKES, Topic.TROUBLESHOOT):
            fault = next((f for f in previous.focus if f.startswith("mistakes:")), None)
            if fault is None and atoms:
                return previous.model_copy(update={"part": 0})  # a fix that gives its reason
            if fault is None and not ex.mistakes:
                return None
            kept = tuple(f for f in previous.focus if f == "guess")
            return Subject(
                topic=previous.topic, exercise=slug, focus=(fault or "mistakes:0", "why", *kept)
            )
        if previous.topic is Topic.TIPS and not atoms and ex.tips:
            return Subject(topic=Topic.TIPS, exercise=slug, focus=("tips:0",))
        tip = self._tip_behind(slug, atoms) if previous.topic is Topic.TIPS else None
        return tip or Subject(topic=Topic.BENEFITS, exercise=slug)

    def _tip_behind(self, slug: str, atoms: list[str]) -> Subject | None:
        """ "ok but why" after a tip given as a fact (pause at the top): the tip that says why."""
        fact = self._votes.facts.atom(slug, atoms[0]) if atoms else None
        if fact is None or not atoms[0].startswith("facts:"):
            return None
        asked = sorted({t for ask in fact.asks for t in ask})
        hits = [h for h in self._votes.facts.search(slug, asked, {Topic.TIPS}) if h.coverage]
        tips = [h for h in hits if h.atom.id.startswith("tips:")]
        if not tips:
            return None
        best = max(tips, key=lambda h: h.score)
        return Subject(topic=Topic.TIPS, exercise=slug, focus=(best.atom.id,))

    def fault_again(self, p: Parsed, previous: Subject | None) -> Subject | None:
        """ "is that bad?", "how do I stop doing it" after a fault: its reason, or its fix."""
        if p.found.slugs:
            return None
        slug = self.in_talk(previous)
        ex = self._library.get(slug or "")
        count = len(ex.mistakes) if ex else 0
        return faults.after_fault(p.toks, previous, slug if ex else None, count)

    def kit_needed(
        self, p: Parsed, previous: Subject | None, in_hand: str | None
    ) -> Subject | None:
        """ "need special gear for that?", "what do I need": the kit of the exercise named, in
        talk (the one on top after a list) or in hand."""
        if not gear.asked(p.free):
            return None
        slug = p.found.slugs[0] if p.found.slugs else (self.in_talk(previous) or in_hand)
        if slug not in self._library:
            return None
        return Subject(topic=Topic.OVERVIEW, exercise=slug, focus=("kit",))

    def no_kit(self, p: Parsed) -> Subject | None:
        """ "best glute move with zero equipment", "no gear sub for hip thrusts": the exercise
        that needs only the floor, as the way round (unless another topic is asked)."""
        if not gear.missing(p.free):
            return None
        free = gear.kit_free(self._library)
        if not free or set(p.found.slugs) & set(free):
            return None
        scores = self._scorer.score(p.cue_toks)
        if any(w >= 2 for t, w in scores.items() if t not in _WAYS_ROUND):
            return None  # "how many reps with no equipment"
        other = [f"other:{s}" for s in p.found.slugs[:1]]
        return Subject(topic=Topic.ALTERNATIVES, exercise=free[0], focus=("no-kit", *other))

    def one_word(self, p: Parsed, previous: Subject | None) -> Subject | None:
        """ "knees?", "and the bench?", "band?": one body or kit word about the exercise in
        talk asks the detail its set-up, loading or tips say most about that word."""
        if previous is None or previous.topic in _OWN_THREAD:
            return None
        slug = previous.exercise or ""
        ex = self._library.get(slug)
        if ex is None or any(s != slug for s in p.found.slugs):
            return None
        core = [t for t in p.query if t not in followup.ELLIPSIS and t not in self._pronouns]
        kit = {t for item in ex.equipment for t in phrase_tokens(item)}
        if len(core) != 1 or core[0] in _MUSCLES or core[0] not in BODY | kit:
            return None
        hits = [h for h in self._votes.facts.search(slug, core, _DETAIL_TOPICS) if h.coverage]
        if not hits:
            return None
        best = max(hits, key=lambda h: (h.atom.asked_by(set(core)), h.score))
        return Subject(topic=best.atom.topic, exercise=slug, focus=(best.atom.id,))

    def further(self, p: Parsed, previous: Subject | None) -> Subject | None:
        """ "harder still", "even easier": the same way again, from the top of the last list;
        "ok it's easy now, then what": harder than the exercise in talk."""
        if previous is None or previous.exercise not in self._library:
            return None
        if signals.outgrown(p.toks) and not p.found.slugs:
            return Subject(topic=Topic.VARIATIONS, exercise=previous.exercise, focus=("harder",))
        if previous.topic not in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            return None
        way = signals.direction(p.free)
        ex = self._library.get(previous.exercise or "")
        if p.found.slugs or not way or way[0] not in previous.focus or ex is None:
            return None
        if not set(p.free) & followup.FURTHER:
            return None
        step = 1 if way == ["harder"] else -1
        listed = compose.related_slugs(ex, self._library, "variations", step)
        if not listed:
            return None
        return Subject(topic=Topic.VARIATIONS, exercise=listed[0], focus=(way[0],))

    def kit_in_talk(self, p: Parsed, previous: Subject | None) -> Parsed:
        """ "what strength should it be", "when do I go up": a question that finds no fact on
        its own words asks about the kit the last answer was about (the band, the weight)."""
        last = previous.exercise if previous is not None else None
        if previous is None or last is None or last not in self._library or p.found.slugs:
            return p
        if not previous.focus:
            return p
        if self._votes.best_fact(last, p.query) is not None:
            return p
        atom = self._votes.facts.atom(last, previous.focus[0])
        if previous.topic is Topic.WEIGHTED:
            kit = "weight"
        else:
            named = followup.referent(previous, self._library[last])
            kit = next((t for t in named if atom is not None and t in atom.toks), "")
        added = replace(p, query=[*p.query, kit])
        return added if kit and self._votes.best_fact(last, added.query) is not None else p

    def two_legged(self, p: Parsed, previous: Subject | None, in_hand: str | None) -> Parsed | None:
        """ "and the two legged one", "with both legs": said of a one-leg exercise (named, in
        talk or in hand), the two-leg exercise whose name is inside its name (the classic hip
        thrust for the single-leg one). The question as if it had named that one."""
        span = signals.two_legged(p.toks)
        if span is None:
            return None
        start, end = span
        inside = [m for m in p.found.mentions if start <= m.start and m.end <= end]
        others = [m for m in p.found.mentions if m not in inside]
        if any(m.start < end and m.end > start for m in others):
            return None  # "the two leg glute bridge": a name of its own
        last = previous.exercise if previous is not None else None
        named = [m.slug for m in others]
        base = next((s for s in named if self._library[s].unilateral), None)
        if base is None and not named:
            base = next((s for s in (last, in_hand) if s in self._library), None)
        plain = self._two_leg_version(base) if base is not None else None
        if plain is None:
            return None
        found = replace(
            p.found, slugs=tuple(dict.fromkeys([*named, plain])), mentions=tuple(others)
        )
        said = frozenset(p.toks[start:end])
        return replace(without(p, said), found=found)

    def _two_leg_version(self, slug: str) -> str | None:
        ex = self._library[slug]
        if not ex.unilateral:
            return None
        name = set(phrase_tokens(ex.name))
        plain = [
            (len(words), s)
            for s, other in self._library.items()
            if not other.unilateral and (words := set(phrase_tokens(other.name))) <= name
        ]
        return max(plain)[1] if plain else None

    def without_kit(self, p: Parsed, previous: Subject) -> tuple[str, ...]:
        """ "without the band?": the exercise in talk minus the kit it is named after."""
        ex = self._library.get(previous.exercise or "")
        if ex is None or not set(p.free) & followup.WITHOUT:
            return ()
        name = set(phrase_tokens(ex.name)) - set(p.query)
        if name == set(phrase_tokens(ex.name)):
            return ()
        plain = [s for s, other in self._library.items() if set(phrase_tokens(other.name)) == name]
        return tuple(plain[:1])

    def exercises(
        self, p: Parsed, previous: Subject, named: tuple[str, ...], in_hand: str | None
    ) -> tuple[str, ...]:
        """The exercises a follow-up means: "which one is harder" (the last two), "steps?"
        after a list (the one on top), "why that instead of single leg" (the last one and X)."""
        last = previous.exercise if previous.exercise in self._library else None
        if last is None:
            return named
        free = set(p.free)
        plain = self.without_kit(p, previous)
        if plain:
            return plain
        if len(named) == 1 and previous.topic is Topic.COMPARE and signals.difficulty(p.toks):
            # "so the one on the floor is easier?" after two were compared: against the other.
            other = next((f[6:] for f in previous.focus if f.startswith("other:")), "")
            rest = [s for s in (last, other) if s in self._library and s != named[0]]
            if len(rest) == 1 and named[0] in (last, other):
                return (named[0], rest[0])
        if followup.weighs_up(p.free) and len(named) <= 1:
            compared = [f[6:] for f in previous.focus if f.startswith("other:")]
            pair = [*named, last, *(s for s in (*compared, previous.earlier, in_hand) if s)]
            return tuple(dict.fromkeys(pair))[:2]
        if named and named[0] != last and free & self._pronouns and free & followup.INSTEAD:
            return (last, named[0])
        if not named and previous.topic in (Topic.VARIATIONS, Topic.ALTERNATIVES):
            listed = self.counted(replace(p, free=["that", "one"]), previous)
            if listed and self._scorer.score(p.cue_toks).get(Topic.STEPS, 0) >= 1:
                return listed
        return named

    def where_it_goes(
        self, p: Parsed, previous: Subject | None, in_hand: str | None
    ) -> Subject | None:
        """ "where does it go" mid-conversation: where the kit talked about sits; "wheres the
        band", "where does the kb sit": where the kit named sits, on the exercise in talk."""
        last = previous.exercise if previous is not None else None
        slug = p.found.slugs[0] if p.found.slugs else (last or in_hand)
        if slug is None or slug not in self._library:
            return None
        ex = self._library[slug]
        own = {t for item in ex.equipment for t in phrase_tokens(item)}
        named_kit = [t for t in p.query if t in own]
        if named_kit and set(p.free) & signals.WHERE:
            kit = named_kit
        elif previous is not None and not p.found.slugs and last == slug:
            if not (set(p.free) & self._pronouns and followup.asks_where(p.free)):
                return None
            kit = list(followup.referent(previous, ex))
        else:
            return None
        best = self._votes.where_it_goes(slug, kit, asked=frozenset(p.query))
        if best is None:
            return None
        return Subject(topic=best.atom.topic, exercise=slug, focus=(best.atom.id,))
