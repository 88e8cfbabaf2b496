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


@pytest.mark.parametrize("typed", ["31-2", "veertig", "5 decembr", "volgende week"])
def test_what_is_no_date_stays_as_typed_so_it_is_named(typed: str) -> None:
    assert typed_day(typed, TODAY) == typed


def test_29_february_is_the_next_leap_day() -> None:
    assert typed_day("29 feb", TODAY) == "2028-02-29"


def test_a_start_date_without_a_year_is_the_nearest_such_day() -> None:
    assert typed_day("1 november", TODAY, ahead=False) == "2026-11-01"
    assert typed_day("3 jan", TODAY, ahead=False) == "2027-01-03"
    assert typed_day("1 november", TODAY) == "2027-11-01"  # a due date lies ahead
