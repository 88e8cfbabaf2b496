"""Dates as people type them in a form."""

from __future__ import annotations

from datetime import date

import pytest

from veerkracht.core.typed_dates import typed_day

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("5 december", "2026-12-05"),
        ("5 Dec", "2026-12-05"),
        ("5-12", "2026-12-05"),
        ("5/12/2027", "2027-12-05"),
        ("5.12.26", "2026-12-05"),
        ("3 jan", "2027-01-03"),  # without a year: the first such day from today on
        ("12 mei 2027", "2027-05-12"),
        ("25 november", "2026-11-25"),
        ("morgen", "2026-11-26"),
        ("2026-12-05", "2026-12-05"),
    ],
)
def test_dates_as_people_type_them(typed: str, meant: str) -> None:
    assert typed_day(typed, TODAY) == meant


@pytest.mark.parametrize("typed", ["31-2", "veertig", "5 decembr", "ergens in de lente"])
def test_what_is_no_date_stays_as_typed_so_it_is_named(typed: str) -> None:
    assert typed_day(typed, TODAY) == typed


def test_29_february_is_the_next_leap_day() -> None:
    assert typed_day("29 feb", TODAY) == "2028-02-29"


def test_a_start_date_without_a_year_is_the_nearest_such_day() -> None:
    assert typed_day("1 november", TODAY, ahead=False) == "2026-11-01"
    assert typed_day("3 jan", TODAY, ahead=False) == "2027-01-03"
    assert typed_day("1 november", TODAY) == "2027-11-01"  # a due date lies ahead


#: A Monday: every phrase below is said on it.
MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("vandaag", "2026-12-07"),
        ("morgen", "2026-12-08"),
        ("overmorgen", "2026-12-09"),
        ("vrijdag", "2026-12-11"),
        ("op vrijdag", "2026-12-11"),
        ("deze vrijdag", "2026-12-11"),
        ("maandag", "2026-12-14"),  # said on a Monday: the next one
        ("volgende week vrijdag", "2026-12-18"),
        ("vrijdag volgende week", "2026-12-18"),
        ("volgende week", "2026-12-14"),
        ("over drie dagen", "2026-12-10"),
        ("over 10 dagen", "2026-12-17"),
        ("over een week", "2026-12-14"),
        ("over twee weken", "2026-12-21"),
        ("Over Twee  Weken", "2026-12-21"),
        ("twee weken later", "2026-12-21"),
        ("over een maand", "2027-01-07"),
        ("eind van de maand", "2026-12-31"),
        ("einde van de maand", "2026-12-31"),
        ("eind deze maand", "2026-12-31"),
        ("eind volgende maand", "2027-01-31"),
        ("today", "2026-12-07"),
        ("tomorrow", "2026-12-08"),
        ("the day after tomorrow", "2026-12-09"),
        ("friday", "2026-12-11"),
        ("next Friday", "2026-12-11"),
        ("friday next week", "2026-12-18"),
        ("next week", "2026-12-14"),
        ("in 3 days", "2026-12-10"),
        ("in a week", "2026-12-14"),
        ("in two weeks", "2026-12-21"),
        ("two weeks from now", "2026-12-21"),
        ("in a month", "2027-01-07"),
        ("end of the month", "2026-12-31"),
        ("end of next month", "2027-01-31"),
    ],
)
def test_dates_as_people_say_them(typed: str, meant: str) -> None:
    assert typed_day(typed, MONDAY) == meant


@pytest.mark.parametrize("typed", ["ooit", "someday", "over weken", "in many weeks", "vrijdagg"])
def test_what_says_no_day_stays_as_typed(typed: str) -> None:
    assert typed_day(typed, MONDAY) == typed


def test_a_month_later_on_the_31st_is_the_last_day_of_a_shorter_month() -> None:
    assert typed_day("over een maand", date(2027, 1, 31)) == "2027-02-28"
