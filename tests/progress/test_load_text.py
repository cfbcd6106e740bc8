"""One unit per screen, one rounding rule: any load in the user's unit, to a plate step."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.ports import Unit
from bot.coach.units import PLATE_STEP, convert, in_unit, load_text


def test_loads_are_shown_in_the_users_unit_at_plate_precision() -> None:
    assert load_text(12.5, Unit.KG, Unit.LB) == "27.5 lb"  # 27.56: no 0.06 lb plate
    assert load_text(45, Unit.LB, Unit.KG) == "20.5 kg"  # 20.41
    assert load_text(25, Unit.LB, Unit.KG) == "11.25 kg"  # 11.34
    assert load_text(100, Unit.KG, Unit.LB) == "220.5 lb"  # 220.46
    assert load_text(12.5, Unit.KG, Unit.KG) == "12.5 kg"  # as logged: nothing to convert
    assert load_text(None, Unit.LB, Unit.KG) == "bodyweight"


def test_what_was_logged_in_the_users_unit_is_shown_as_logged() -> None:
    assert load_text(12.3, Unit.KG, Unit.KG) == "12.3 kg"  # an older log, not re-rounded
    assert load_text(27.5, Unit.LB, Unit.LB) == "27.5 lb"


@given(st.integers(1, 4000), st.sampled_from(list(Unit)), st.sampled_from(list(Unit)))
def test_a_converted_load_is_a_plate_step_within_half_a_step(
    quarters: int, source: Unit, target: Unit
) -> None:
    value = quarters * PLATE_STEP[source]
    shown = in_unit(value, source, target)
    steps = shown / PLATE_STEP[target]
    assert steps == int(steps)
    assert abs(shown - convert(value, source, target)) <= PLATE_STEP[target] / 2 + 1e-9
    number, unit = load_text(value, source, target).split()
    assert unit == target.value and float(number) == shown
