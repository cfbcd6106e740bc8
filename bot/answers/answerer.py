"""Answers a question about an exercise: topic, exercise, the fact asked for, follow-ups."""

from __future__ import annotations

import re
import unicodedata

from bot.answers import compose, english, faults, followup, medical, rephrase, scene, signals
from bot.answers.backrefs import BackReferences
from bot.answers.corrections import Corrections
from bot.answers.exercises import ExerciseFinder, phrase_tokens
from bot.answers.facts import FactIndex, Hit
from bot.answers.focus import Focus
from bot.answers.help import help_text
from bot.answers.kit_words import KitWords
from bot.answers.model import Answer, Subject, Topic
from bot.answers.parsed import Parsed, without
from bot.answers.same_question import SameQuestion
from bot.answers.subject_parts import render
from bot.answers.symptoms import BODY, SymptomIndex, SymptomMatch
from bot.answers.text import IRREGULAR, Speller, clean, stem, words
from bot.answers.topics import TopicScorer
from bot.answers.vocabulary import (
    COMMON,
    CUES,
    GREETINGS,
    LIFT_WANTED,
    MUSCLE_WORDS,
    OFF_TOPIC,
    OTHER_BODY_PARTS,
    OTHER_EXERCISES,
    PLAN_WORDS,
    PRONOUNS,
    SCENE,
    WORKED_ELSEWHERE,
)
from bot.answers.votes import FACT_VOTE, PROSE_VOTE, FactVotes
from bot.content import Library

# Longer than any real question; a pasted essay gets a polite "one question, please".
MAX_QUESTION_CHARS = 500
# When several topics score the same, the more specific one wins.
# Who asks ("for beginners") matters less than what is asked ("tips", "mistakes").
_PRIORITY = [
    Topic.COMPARE, Topic.TROUBLESHOOT, Topic.WEIGHTED, Topic.MISTAKES, Topic.TIPS,
    Topic.PROGRAMMING, Topic.VARIATIONS, Topic.ALTERNATIVES, Topic.LEVEL, Topic.BENEFITS,
    Topic.MUSCLES, Topic.STEPS, Topic.OVERVIEW,
]  # fmt: skip
# What an unsure refusal opens with, and how clearly one fact of the exercise in talk must
# match before a line mid-conversation is taken as a question about it.
UNSURE = "I'm not sure what you mean"
THREAD_COVERAGE, THREAD_MARGIN = 0.3, 0.1
_PLACEHOLDER = "it"  # a named exercise reads as "it" to the cues: "what does <it> work"
_PLACING_REST = frozenset(phrase_tokens("rest rests"))


class Answerer:
    def __init__(self, library: Library) -> None:
        self.library = library
        english.load()
        self._scorer = TopicScorer()
        self._symptoms = SymptomIndex(library)
        self._facts = FactIndex(library)
        self._votes = FactVotes(self._facts)
        surface = set(COMMON) | OFF_TOPIC | set(IRREGULAR) | GREETINGS | medical.WORDS
        for phrases in CUES.values():
            surface.update(w for p in phrases for w in p.split())
        for name in (*OTHER_EXERCISES, *MUSCLE_WORDS):
            surface.update(name.split())
        for ex in library.values():
            surface.update(words(clean(ex.model_dump_json())))
        self._speller = Speller((w for w in surface if w.isalpha()), english.is_english)
        everyday = (
            self._scorer.words | {stem(w) for w in (*COMMON, *OFF_TOPIC, *MUSCLE_WORDS)} | BODY
        )
        self._finder = ExerciseFinder(library, everyday, OTHER_EXERCISES, self._speller.stems)
        self._muscle_words = {stem(k): v for k, v in MUSCLE_WORDS.items()}
        self._pronouns = frozenset(stem(w) for w in PRONOUNS)
        self._back = BackReferences(library, self._votes, self._scorer, self._pronouns)
        # Kit words that are also weighted cues ("barbell", "dumbbell"): how much each says
        # "weighted", so a question about another fact can take it back.
        kit = {t for ex in library.values() for item in ex.equipment for t in phrase_tokens(item)}
        weighted = self._scorer.single_word_weights(Topic.WEIGHTED)
        self._kit_cues = {t: w for t, w in weighted.items() if t in kit}
        self._equipment = {
            slug: frozenset(t for item in ex.equipment for t in phrase_tokens(item))
            for slug, ex in library.items()
        }
        self._all_kit = frozenset(t for kit in self._equipment.values() for t in kit)
        self._kit = KitWords(self._scorer, self._votes, self._kit_cues, self._equipment)
        self._focus = Focus(self._facts, self._votes, self._equipment)
        self._corrections = Corrections(library, self._all_kit)
        self._again = SameQuestion(library, self._back, self._facts, self._votes, self._equipment)
        # The exercise the others are built around answers a question that names none.
        self._hub = max(library, key=lambda s: len(library[s].variations + library[s].alternatives))

    def answer(
        self, question: str, exercise: str | None = None, previous: Subject | None = None
    ) -> Answer:
        """The answer to question, with the exercise in hand and the last answer's subject."""
        if not isinstance(question, str):
            question = ""
        in_hand = exercise if exercise in self.library else None
        if not isinstance(previous, Subject):
            previous = None
        if len(question) > MAX_QUESTION_CHARS:
            return self._refuse("That's a lot to read mid-set! Ask me one short question.")
        parsed = self._parse(question, in_hand)
        if parsed is None:
            return self._refuse("I didn't catch a question there.")
        if previous is not None and followup.asks_for_more(parsed.toks):
            return self._more(previous)
        if previous is not None and followup.asks_for_examples(parsed.toks):
            # "like what?": the fact again (its examples are in it), else the next part.
            more = None if followup.has_detail(previous) else self._more(previous)
            if more is not None and more.subject is not None and more.subject.part > previous.part:
                return more
            return self._about(followup.detailed(previous))
        if tuple(parsed.toks) in signals.HELP:
            return Answer(Topic.NONE, None, help_text(self.library), Subject(topic=Topic.NONE))
        decided = self._decide(parsed, in_hand, previous)
        if isinstance(decided, Subject):
            return self._about(followup.remembered(decided, previous))
        if previous is not None and decided.topic is Topic.NONE:
            # An off-topic line mid-conversation leaves the conversation's subject as it was.
            return Answer(decided.topic, decided.exercise, decided.text, previous, None)
        return decided

    def help(self) -> str:
        return help_text(self.library)

    def repaired(self, word: str) -> str:
        """What the typo repair makes of one lower-case word."""
        return self._speller.correct(word)

    def _about(self, subject: Subject) -> Answer:
        parts = render(subject, self.library, self._facts) or ["I have nothing on that."]
        more = parts[1] if len(parts) > 1 else None
        return Answer(subject.topic, subject.exercise, parts[0], subject, more)

    def _more(self, previous: Subject) -> Answer:
        parts = render(previous, self.library, self._facts)
        nxt = previous.part + 1
        if previous.topic is Topic.NONE or not parts:
            return self._refuse('Ask me a question first, then "more" gives the rest.')
        if nxt >= len(parts):
            text = "That's all I have on that. Ask me another question any time."
            return Answer(previous.topic, previous.exercise, text, previous, None)
        subject = previous.model_copy(update={"part": nxt})
        more = parts[nxt + 1] if nxt + 1 < len(parts) else None
        return Answer(previous.topic, previous.exercise, parts[nxt], subject, more)

    def _parse(self, question: str, in_hand: str | None) -> Parsed | None:
        # Emoji alone are no question, even the ones that carry a word ("🔥" -> "burn").
        if not re.search(r"[a-z0-9]", unicodedata.normalize("NFKC", question), re.IGNORECASE):
            return None
        fixed = [self._speller.correct(w) for w in words(clean(question))]
        unknown = [w for w in fixed if w.isalpha() and len(w) >= 3 and not self._speller.knows(w)]
        toks = [stem(w) for w in fixed]
        found = self._finder.find(toks, in_hand)
        named = [False] * len(toks)
        for m in found.mentions:
            named[m.start : m.end] = [True] * (m.end - m.start)
            # "the banded version": the word after a name belongs to the name.
            if m.end < len(toks) and toks[m.end] in signals.VERSION:
                named[m.end] = True
        cue_toks: list[str] = []
        for i, tok in enumerate(toks):
            if not named[i]:
                cue_toks.append(tok)
            elif i == 0 or not named[i - 1]:
                cue_toks.append(_PLACEHOLDER)
        free = [t for i, t in enumerate(toks) if not named[i]]
        # A one-word name that is also equipment is the detail asked about ("where does the
        # band go"); other names ("bridges") say which exercise, not which fact.
        single = {
            m.start for m in found.mentions
            if m.end - m.start == 1 and toks[m.start] in self._equipment.get(m.slug, ())
        }  # fmt: skip
        # Words the coach doesn't know can't point to a fact; the unsure check weighs them.
        unknown_stems = {stem(w) for w in unknown}
        query = [
            t for i, t in enumerate(toks)
            if (not named[i] or i in single) and t not in unknown_stems
        ]  # fmt: skip
        parsed = Parsed(fixed, toks, cue_toks, free, query, unknown, found)
        # "where do my shoulders rest": a place, not a break between sets.
        return without(parsed, _PLACING_REST) if set(free) & signals.WHERE else parsed

    def _decide(self, p: Parsed, in_hand: str | None, previous: Subject | None) -> Subject | Answer:
        last = previous.exercise if previous is not None else None
        last = last if last in self.library else None
        p = rephrase.reread(self._back.reread(p, previous, in_hand))
        named = p.found.slugs
        counted = () if named else self._back.counted(p, previous)
        if counted:
            # "the second one" names an exercise; its words ask nothing ("second" is no tempo).
            named, p = counted, without(p, followup.ORDINAL_WORDS)
        kind = medical.classify(p.toks, exercise_known=bool(named or in_hand or last))
        if kind is not None:
            exercise = named[0] if named else (in_hand or self._back.in_talk(previous))
            return Subject(topic=Topic.MEDICAL, exercise=exercise, focus=(f"medical:{kind}",))
        talked_of = named[0] if named else (in_hand or last)
        scene_set = scene.only_the_scene(p, talked_of, self._hub, self._votes, self._all_kit)
        points_back = in_hand is not None and any(t in self._pronouns for t in p.free)
        if p.found.others and not named and not points_back and not scene_set:
            return self._unknown_exercise(p.found.others[0])
        if (placed := self._back.carried_on(p, previous, in_hand)) is not None:
            return placed
        listed = self._back.listed(previous)
        pick = self._corrections.best_for(p, listed, last, self._muscle_words)
        if (pick := pick or self._corrections.extreme_of(p, listed)) is not None:
            return pick
        if previous is not None and not counted:
            named = self._back.exercises(p, previous, named, in_hand)
            p, named = self._corrections.meant(p, named)
            named = self._corrections.back_to(p, named, last)
        subject = named[0] if named else (last or in_hand)
        p = rephrase.judged_choice(p, subject, self._symptoms)
        scores, named, symptom, asked_muscles, cue_best = self._scores(p, subject, named)
        topic, best = max(
            ((t, scores.get(t, 0.0)) for t in _PRIORITY), key=lambda ts: ts[1]
        )  # max keeps the first of equals, so _PRIORITY breaks ties
        same_question = best < 1.0 or followup.only_names(self._again.beyond_kit(p, named))
        again = self._again.of(previous, named[0]) if named and not counted else None
        if again is not None and same_question:
            return again
        asked_fact = self._votes.best_fact(subject or self._hub, p.query) is not None
        refusal = self._refusal(
            p, scores, best, cue_best, named, in_hand or last, asked_fact, scene_set
        )
        if refusal is not None:
            return self._thread_fact(p, last or in_hand, refusal, named) or refusal
        if best < (1.0 if (named or in_hand or last) else 1.5):
            topic = Topic.OVERVIEW
        guessed = topic is Topic.TROUBLESHOOT and subject is None
        if guessed:
            subject, symptom = self._symptoms.best_anywhere(p.toks, self._hub)
        slug = subject or self._hub
        if symptom is None or symptom.slug != slug:
            symptom = self._symptoms.match(p.toks, slug)
        named = (*named, *(s for s in (in_hand, last) if s and s not in named))
        focus = self._focus.of(topic, slug, p, named, symptom, asked_muscles)
        if (who := signals.prescriber(p.toks)) is not None:
            focus = (*focus, f"prescribed:{who}")
        # No exercise in hand: the fault is a guess at one, and the answer says which.
        focus = (*focus, "guess") if guessed else focus
        said = Subject(topic=topic, exercise=slug, focus=focus)
        return faults.listed_fault(p.toks, previous, said, self.library)

    def _scores(
        self, p: Parsed, subject: str | None, named: tuple[str, ...]
    ) -> tuple[dict[Topic, float], tuple[str, ...], SymptomMatch | None, list[str], float]:
        scores = self._scorer.score(p.cue_toks)
        shape = self._scorer.shape(p.free)
        for topic_, extra in shape.items():
            scores[topic_] = scores.get(topic_, 0) + extra
        symptom = self._symptoms.match(p.toks, subject) if subject is not None else None
        if symptom is not None and symptom.telling and symptom.coverage >= 0.5:
            scores[Topic.TROUBLESHOOT] = scores.get(Topic.TROUBLESHOOT, 0) + 3 * symptom.coverage
        asked_muscles = [name for t in p.free for name in self._muscle_words.get(t, ())]
        slug = subject or self._hub
        fact = self._kit.kitless_fact(p, slug, scores) or self._votes.best_fact(slug, p.query)
        self._kit.other_kit(p, slug, fact, scores)
        # With no exercise in sight, shared words alone ("how do I bench press") prove nothing.
        prose = self._votes.prose(slug, p.query) if fact is None and subject else None
        located = fact or prose
        # "where do my shoulders go", "the bench keeps sliding back": a body word that says
        # where a detail sits, not which muscle works.
        placed = located is not None and located.atom.topic is not Topic.MUSCLES
        if (
            asked_muscles
            and not scores.get(Topic.TROUBLESHOOT)
            and Topic.STEPS not in shape
            and not (placed and not set(p.free) & signals.FEELING)
        ):
            scores[Topic.MUSCLES] = scores.get(Topic.MUSCLES, 0) + 1.5
        cue_best = max(scores.values(), default=0.0)
        if prose is not None:
            # No way of asking for a fact said in full: the best-matching atoms still know
            # their topic; they weigh most when no cue word spoke.
            weight = FACT_VOTE if cue_best < 1.0 else PROSE_VOTE
            scores[prose.atom.topic] = scores.get(prose.atom.topic, 0) + weight * prose.coverage
        if fact is not None:
            scores[fact.atom.topic] = scores.get(fact.atom.topic, 0) + FACT_VOTE * fact.coverage
        if self._working_as_it_should(p, fact, asked_muscles):
            # "is it normal to feel it in my hammies": a muscle that works here is no fault.
            scores[Topic.MUSCLES] = max(scores.values()) + 1
        named = self._than_partner(p, named)
        if len(named) == 1 and scores.get(Topic.COMPARE, 0) >= 3:
            # "banded vs regular single leg hip thrust": a telltale word is the other side.
            partners = [m.slug for m in self._finder.telltales(p.free) if m.slug != named[0]]
            named = (*named, *partners[:1])
        if len(named) >= 2:
            scores[Topic.COMPARE] = scores.get(Topic.COMPARE, 0) + 2.5
        elif not named and signals.than_itself(p.free, self._pronouns):
            scores.pop(Topic.COMPARE, None)  # "got anything harder than this": a variation
        elif not p.found.others and (
            not set(p.free) & (signals.COMPARING | self._pronouns) or signals.sides_compared(p.free)
        ):
            # "one side weaker than the other", "easier than the GHR": one exercise is no
            # comparison; "than" says more or less of something else ("left weaker than
            # right, is that normal": sides, whatever "that" points at).
            scores.pop(Topic.COMPARE, None)
        return scores, named, symptom, asked_muscles, cue_best

    def _than_partner(self, p: Parsed, named: tuple[str, ...]) -> tuple[str, ...]:
        """ "is the banded one better than no band": the named one against itself without
        its kit (the single-leg hip thrust)."""
        if len(named) != 1 or "than" not in p.free:
            return named
        plain = self._back.without_kit(p, Subject(topic=Topic.NONE, exercise=named[0]))
        return (*named, *(s for s in plain[:1] if s != named[0]))

    def _working_as_it_should(self, p: Parsed, fact: Hit | None, asked_muscles: list[str]) -> bool:
        """ "is it normal to feel it in my hammies", "is my lower back supposed to be working":
        asks whether a muscle at work is expected, and names no fault."""
        free = set(p.free)
        normal_feel = (
            fact is not None
            and fact.atom.topic is Topic.MUSCLES
            and bool(free & signals.NORMAL and free & signals.FEELING)
        )
        # A muscle named as working right now ("be working", "burn"), not sore the next day.
        expected_work = bool(
            asked_muscles
            and free & (signals.NORMAL | signals.EXPECTED)
            and signals.working_now(p.surface)
        )
        return (normal_feel or expected_work) and not self._names_a_fault(p)

    def _names_a_fault(self, p: Parsed) -> bool:
        """ "is arching my back bad": a fault word beyond feeling, body and "is it ok"."""
        rest = set(p.free) - signals.FEELING - signals.NORMAL - signals.EXPECTED - BODY
        rest -= self._pronouns  # "in this one" points at the exercise, not at a fault
        return bool(rest & self._symptoms.words)

    def _refusal(
        self,
        p: Parsed,
        scores: dict[Topic, float],
        best: float,
        cue_best: float,
        named: tuple[str, ...],
        in_hand: str | None,
        asked_fact: bool = False,
        scene_set: bool = False,
    ) -> Answer | None:
        surface = set(p.surface)
        vetoing = surface & OFF_TOPIC - (SCENE if scene_set else frozenset())
        off_topic = (
            bool(vetoing)
            or 0 < best <= scores.get(Topic.NONE, 0)
            or bool(surface & OTHER_BODY_PARTS and surface & PLAN_WORDS)
            or bool(not named and surface & WORKED_ELSEWHERE and surface & LIFT_WANTED)
        )
        if off_topic and not (named and best >= 3):
            return self._refuse("That's outside what I coach, sorry!")
        about_the_body = bool(set(p.toks) & BODY) or any(t in self._muscle_words for t in p.free)
        # An unknown word only passes when the cues alone say the topic outright.
        unsure = len(p.unknown) >= 2 or (len(p.unknown) == 1 and cue_best < 2.5)
        if not named and unsure and not about_the_body and not (in_hand and asked_fact):
            return self._refuse(f"{UNSURE} by \u201c{p.unknown[0]}\u201d.")
        if best >= (1.0 if (named or in_hand) else 1.5) or named:
            return None
        if any(w in GREETINGS for w in p.surface):
            return self._refuse("Hi! I'm your coach for glute work between sets.")
        return self._refuse(f"{UNSURE}.")

    def _thread_fact(
        self, p: Parsed, last: str | None, refusal: Answer, named: tuple[str, ...]
    ) -> Subject | None:
        """ "is a couch stable enough", "my gym doesnt have the machine": a line the cues can't
        place, in talk of an exercise, that one fact of it clearly matches. Only for an unsure
        refusal (never off-topic), with no word the coach doesn't know ("a good running shoe")."""
        if last is None or named or p.unknown or not refusal.text.startswith(UNSURE):
            return None
        hits = self._facts.search(last, p.query)
        if not hits or hits[0].coverage < THREAD_COVERAGE:
            return None
        runner_up = hits[1].coverage if len(hits) > 1 else 0.0
        if hits[0].coverage - runner_up < THREAD_MARGIN:
            return None  # "and after that?": every atom with "after" in it, none above the rest
        return Subject(topic=hits[0].atom.topic, exercise=last, focus=(hits[0].atom.id,))

    def _refuse(self, opening: str) -> Answer:
        first = self.library[self._hub]
        hint = (
            f"Ask me about an exercise I know ({compose.names_of(self.library)}): e.g. "
            f'"how do I do the {first.name.lower()}?", "what muscles does it work?", '
            '"tips" or "my quads are burning".'
        )
        return Answer(Topic.NONE, None, compose.fit([opening, hint]), Subject(topic=Topic.NONE))

    def _unknown_exercise(self, other: str) -> Answer:
        return self._refuse(f"I don't have notes on {other}, so I won't guess.")
