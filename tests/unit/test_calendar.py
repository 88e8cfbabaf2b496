"""Where the plan's weeks fall in a calendar: the same weeks `Plan.week` counts, with
paused days left out, so a check-in in the calendar is the day its week begins."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from veerkracht.core.calendar import week_starts
from veerkracht.core.plan import Plan

START = date(2026, 11, 2)
LATE = date(2027, 12, 31)  # after every pause: they are all closed


def plan_with(pauses: list[tuple[int, int]], weeks: int = 8) -> Plan:
    """A plan from START with closed pauses one after another, each (days lived before
    it, its length in days), as pausing and carrying on make them."""
    plan = Plan(start=START, created=datetime(2026, 11, 2, 9), weeks=weeks)
    day = START
    for lived, length in pauses:
        begun, day = day + timedelta(days=lived), day + timedelta(days=lived + length)
        plan.pauses.append({"from": begun.isoformat(), "to": day.isoformat()})
    return plan


def test_without_pauses_each_week_begins_seven_days_later() -> None:
    assert week_starts(plan_with([], weeks=3), LATE) == [
        date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16),
    ]  # fmt: skip


def test_a_pause_moves_the_weeks_after_it_and_an_open_one_counts_until_today() -> None:
    assert week_starts(plan_with([(10, 14)], weeks=3), LATE)[1:] == [
        date(2026, 11, 9), date(2026, 11, 30),
    ]  # fmt: skip
    paused = plan_with([], weeks=3)
    paused.pause(date(2026, 11, 5))
    assert week_starts(paused, date(2026, 11, 20))[1:] == [date(2026, 11, 24), date(2026, 12, 1)]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 20)), max_size=3), st.integers(1, 12))
def test_each_week_begins_on_the_first_day_plan_week_says_it_is(
    pauses: list[tuple[int, int]], weeks: int
) -> None:
    plan = plan_with(pauses, weeks)
    for number, begins in enumerate(week_starts(plan, LATE), start=1):
        assert plan.week(begins) == number
        if number > 1:
            assert plan.week(begins - timedelta(days=1)) == number - 1
