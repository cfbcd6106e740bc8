"""Follow-ups that carry a thread: the next step, further along, the kit in talk, a referral."""

from __future__ import annotations

from bot.answers import compose
from bot.answers.answerer import Answerer
from bot.answers.model import Topic
from bot.content import Library


def test_the_next_step_is_the_next_part(answerer: Answerer) -> None:
    first = answerer.answer("how do I do a single leg hip thrust")
    assert first.more is not None
    second = answerer.answer("whats the next step", previous=first.subject)
    assert second.text == first.more


def test_even_harder_goes_on_from_the_top_of_the_list(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("how can I make glute bridges harder")
    top = compose.related_slugs(library["glute-bridge"], library, "variations", 1)[0]
    second = answerer.answer("and even harder than that?", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.VARIATIONS, top)
    assert second.subject is not None and "harder" in second.subject.focus


def test_easier_still_goes_down_from_the_top_of_the_list(
    answerer: Answerer, library: Library
) -> None:
    first = answerer.answer("an easier version of the glute ham raise?")
    top = compose.related_slugs(library["glute-ham-raise"], library, "variations", -1)[0]
    second = answerer.answer("easier still pls", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.VARIATIONS, top)


def test_the_easier_one_after_a_plain_list(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("variations of the single leg hip thrust")
    easier = compose.related_slugs(library["single-leg-hip-thrust"], library, "variations", -1)
    second = answerer.answer("the easier one", previous=first.subject)
    assert second.exercise == easier[0]


def test_outgrowing_an_exercise_asks_for_harder(answerer: Answerer) -> None:
    first = answerer.answer("how do I do the two up one down")
    second = answerer.answer("I've nailed it, what now", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.VARIATIONS, "two-up-one-down-hip-thrust")
    assert second.subject is not None and "harder" in second.subject.focus


def test_where_the_named_kit_sits_after_another_topic(answerer: Answerer) -> None:
    first = answerer.answer("benefits of the banded single leg hip thrust")
    second = answerer.answer("where do i put the band", previous=first.subject)
    assert second.exercise == "banded-single-leg-hip-thrust"
    assert "above your knees" in second.text


def test_where_the_named_kit_sits_with_it_in_hand(answerer: Answerer) -> None:
    answer = answerer.answer("wheres the kettlebell meant to sit", "single-leg-hip-thrust")
    assert answer.topic is Topic.WEIGHTED and "crease" in answer.text


def test_a_question_about_the_kit_in_talk(answerer: Answerer, library: Library) -> None:
    first = answerer.answer("where does the band go", "banded-single-leg-hip-thrust")
    second = answerer.answer("and what strength", previous=first.subject)
    strength = library["banded-single-leg-hip-thrust"].fact("band-strength")
    assert strength is not None and second.text.startswith(strength.text)
    # Asked cold, the same words name nothing the coach can answer from.
    assert answerer.answer("and what strength").topic is Topic.NONE


def test_without_the_kit_is_the_plain_exercise(answerer: Answerer) -> None:
    first = answerer.answer("benefits of the banded single leg hip thrust")
    second = answerer.answer("and without a band?", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.BENEFITS, "single-leg-hip-thrust")


def test_what_else_works_a_muscle_is_alternatives(answerer: Answerer) -> None:
    first = answerer.answer("what muscles does the glute bridge work")
    second = answerer.answer("what other moves work the glutes", previous=first.subject)
    assert second.topic is Topic.ALTERNATIVES


def test_a_referral_carries_to_another_version(answerer: Answerer) -> None:
    first = answerer.answer("I have a herniated disc, are hip thrusts ok")
    assert first.topic is Topic.MEDICAL
    second = answerer.answer("what about with a barbell", previous=first.subject)
    assert second.topic is Topic.MEDICAL and second.exercise == "hip-thrust"


def test_a_referral_after_a_list_is_about_the_one_on_top(
    answerer: Answerer, library: Library
) -> None:
    first = answerer.answer("alternatives to the glute ham raise")
    top = compose.related_slugs(library["glute-ham-raise"], library, "alternatives")[0]
    second = answerer.answer("i had knee surgery last month tho", previous=first.subject)
    assert (second.topic, second.exercise) == (Topic.MEDICAL, top)


def test_one_word_asks_the_detail_about_the_exercise_in_talk(answerer: Answerer) -> None:
    first = answerer.answer("what muscles does the glute ham raise work")
    knees = answerer.answer("knees?", previous=first.subject)
    assert knees.exercise == "glute-ham-raise" and knees.topic is not Topic.NONE
    assert "knee" in knees.text.lower()
    first = answerer.answer("how do i do the hip thrust")
    bench = answerer.answer("and the bench?", previous=first.subject)
    assert bench.topic is Topic.STEPS and "bench" in bench.text.lower()


def test_one_muscle_word_still_asks_about_the_muscle(answerer: Answerer) -> None:
    first = answerer.answer("how do i do the glute ham raise")
    second = answerer.answer("hamstrings?", previous=first.subject)
    assert second.topic is Topic.MUSCLES
