"""Dates users type: ISO (`2026-11-01`) or relative to today (`30d`, `8w`)."""

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
