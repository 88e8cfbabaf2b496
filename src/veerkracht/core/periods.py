"""Dates users type: ISO (`2026-11-01`) or relative to today (`30d`, `8w`); ISO weeks."""

from __future__ import annotations

import re
from datetime import date, timedelta

_RELATIVE = re.compile(r"(\d{1,4})\s*([dw])")


def parse_day(text: str, today: date) -> date:
    """The date `text` means; raises ValueError when it is neither form."""
    cleaned = text.strip().lower()
    if match := _RELATIVE.fullmatch(cleaned):
        amount, unit = int(match[1]), match[2]
        return today - timedelta(days=amount if unit == "d" else 7 * amount)
    return date.fromisoformat(cleaned)


def week_of(day: date) -> str:
    """The ISO week `day` falls in, e.g. `2026-W47`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday_of(week: str) -> date:
    """The Monday of an ISO week written as `2026-W47`."""
    year, _, number = week.partition("-W")
    return date.fromisocalendar(int(year), int(number), 1)


def weeks_between(first: str, last: str) -> list[str]:
    """Every ISO week from `first` to `last`, both included (none when `last` is earlier)."""
    start, end = monday_of(first), monday_of(last)
    return [week_of(start + timedelta(weeks=step)) for step in range((end - start).days // 7 + 1)]
