"""Dates as people type them in a form: "5 december", "5 dec", "5-12", "5/12/2026",
"morgen", as well as 2026-12-05. Without a year, the first such day from today on.
(Files keep the ISO dates of their contract; this is for what is typed on screen.)"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2,
    "mrt": 3, "maart": 3, "mar": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8, "augustus": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oct": 10, "oktober": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
RELATIVE = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}

_NUMBERS = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{2}|\d{4}))?")
_WORDS = re.compile(r"(\d{1,2})\s*([a-z]+)\.?(?:\s+(\d{4}))?")


def typed_day(text: str, today: date, *, ahead: bool = True) -> str:
    """`text` as an ISO date when it reads as one, else `text` unchanged (so the usual
    check names it). Without a year: the first such day from today on (a due date), or
    with `ahead=False` the nearest one, before or after (a start date)."""
    cleaned = text.strip().lower()
    if cleaned in RELATIVE:
        return (today + timedelta(days=RELATIVE[cleaned])).isoformat()
    numbers, words = _NUMBERS.fullmatch(cleaned), _WORDS.fullmatch(cleaned)
    if numbers is not None:
        day, month, year = int(numbers[1]), int(numbers[2]), numbers[3]
    elif words is not None and words[2] in MONTHS:
        day, month, year = int(words[1]), MONTHS[words[2]], words[3]
    else:
        return text
    if year is not None:
        full = int(year) + (2000 if len(year) == 2 else 0)
        found = _valid(full, month, day)
        return found.isoformat() if found else text
    years = range(today.year - (0 if ahead else 1), today.year + 9)  # 29 Feb: a leap year
    days = [found for y in years if (found := _valid(y, month, day)) is not None]
    if ahead:
        days = [found for found in days if found >= today]
    if not days:
        return text
    return min(days, key=lambda found: abs((found - today).days)).isoformat()


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
