"""Dates as people type them in a form: "5 december", "5 dec", "5-12", "5/12/2026",
as well as 2026-12-05, and as people say them: "morgen", "vrijdag", "volgende week
vrijdag", "over twee weken", "eind van de maand"; "tomorrow", "next Friday", "in two
weeks", "end of the month". Without a year, the first such day from today on. (Files
keep the ISO dates of their contract; this is for what is typed on screen.)"""

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
RELATIVE = {
    "vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2,
    "the day after tomorrow": 2, "day after tomorrow": 2, "gisteren": -1, "yesterday": -1,
}  # fmt: skip
WEEKDAYS = {
    "maandag": 0, "ma": 0, "monday": 0, "mon": 0, "dinsdag": 1, "di": 1, "tuesday": 1,
    "tue": 1, "woensdag": 2, "wo": 2, "wednesday": 2, "wed": 2, "donderdag": 3, "do": 3,
    "thursday": 3, "thu": 3, "vrijdag": 4, "vr": 4, "friday": 4, "fri": 4, "zaterdag": 5,
    "za": 5, "saturday": 5, "sat": 5, "zondag": 6, "zo": 6, "sunday": 6, "sun": 6,
}  # fmt: skip
COUNTS = {
    "een": 1, "één": 1, "a": 1, "an": 1, "one": 1, "twee": 2, "two": 2, "drie": 3,
    "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7,
    "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10,
    "paar": 2, "couple of": 2, "a couple of": 2,
}  # fmt: skip
#: Days per unit ("maand"/"month" counts calendar months).
UNITS = {
    "dag": 1, "dagen": 1, "day": 1, "days": 1, "week": 7, "weken": 7, "weeks": 7,
    "maand": 0, "maanden": 0, "month": 0, "months": 0,
}  # fmt: skip
_NEXT = ("volgende", "komende", "aanstaande", "next", "coming")
_THIS = ("deze", "this")

_NUMBERS = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{2}|\d{4}))?")
_WORDS = re.compile(r"(\d{1,2})\s*([a-z]+)\.?(?:\s+(\d{4}))?")


def typed_day(text: str, today: date, *, ahead: bool = True) -> str:
    """`text` as an ISO date when it reads as one, else `text` unchanged (so the usual
    check names it). Without a year: the first such day from today on (a due date), or
    with `ahead=False` the nearest one, before or after (a start date)."""
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    said = as_said(cleaned, today)
    if said is not None:
        return said.isoformat()
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


def as_said(cleaned: str, today: date) -> date | None:
    """A day said in words relative to `today`, or None. "vrijdag" is the first Friday
    after today; "volgende week vrijdag" (or "vrijdag volgende week") is the Friday of
    next week; "next Friday" is the first Friday after today, as most people mean it."""
    cleaned = cleaned.removeprefix("op ").removeprefix("on ")
    if cleaned in RELATIVE:
        return today + timedelta(days=RELATIVE[cleaned])
    words = cleaned.split()
    if words and words[0] in ("over", "in") and words[-1] in UNITS:  # over twee weken
        count = COUNTS.get(" ".join(words[1:-1])) or _number(" ".join(words[1:-1]))
        return _later(today, count, words[-1]) if count else None
    if cleaned.endswith((" later", " from now")):  # twee weken later, two weeks from now
        words = cleaned.removesuffix(" later").removesuffix(" from now").split()
        if len(words) > 1 and words[-1] in UNITS:
            count = COUNTS.get(" ".join(words[:-1])) or _number(" ".join(words[:-1]))
            return _later(today, count, words[-1]) if count else None
    return _weekday(words, today) or _month_end(cleaned, today)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and 0 < int(text) < 1000 else None


def _later(today: date, count: int, unit: str) -> date:
    if UNITS[unit]:
        return today + timedelta(days=count * UNITS[unit])
    month = today.month - 1 + count
    year, month = today.year + month // 12, month % 12 + 1
    return _clipped(year, month, today.day)


def _weekday(words: list[str], today: date) -> date | None:
    """vrijdag, deze/volgende vrijdag, volgende week vrijdag, vrijdag volgende week;
    friday, this/next friday, friday next week; volgende week, next week."""
    next_week = ("volgende", "week") if words[:2] == ["volgende", "week"] else None
    next_week = next_week or (("next", "week") if words[:2] == ["next", "week"] else None)
    if words[-2:] in (["volgende", "week"], ["next", "week"], ["komende", "week"]):
        next_week, words = ("next", "week"), words[:-2]
    elif next_week:
        words = words[2:]
    if not words:  # "volgende week": a week from today
        return today + timedelta(days=7) if next_week else None
    if len(words) == 2 and words[0] in (*_NEXT, *_THIS):
        words = words[1:]
    if len(words) != 1 or words[0] not in WEEKDAYS:
        return None
    day = WEEKDAYS[words[0]]
    if next_week:  # that day in the week after this one (Monday to Sunday)
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return monday + timedelta(days=day)
    ahead = (day - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


_MONTH_END = re.compile(
    r"(?:(?:aan het |tegen het |het )?eind(?:e)? (?:van )?(?:de|deze) maand"
    r"|(?:at |by )?(?:the )?end of (?:the|this) month|end of month)"
)
_NEXT_MONTH_END = re.compile(
    r"(?:(?:aan het |het )?eind(?:e)? (?:van )?volgende maand"
    r"|(?:at |by )?(?:the )?end of next month)"
)


def _month_end(cleaned: str, today: date) -> date | None:
    if _MONTH_END.fullmatch(cleaned):
        return _clipped(today.year, today.month, 31)
    if _NEXT_MONTH_END.fullmatch(cleaned):
        later = _later(today, 1, "month")
        return _clipped(later.year, later.month, 31)
    return None


def _clipped(year: int, month: int, day: int) -> date:
    """The day in that month, or the month's last day when it has fewer."""
    while (found := _valid(year, month, day)) is None:
        day -= 1
    return found


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
