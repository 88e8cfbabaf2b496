"""Shared test data: a fixed moment to create records at, so no test depends on today."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

#: When test records are made, unless a test says otherwise (a Monday, CET).
NOW = datetime.fromisoformat("2026-11-23T10:00:00+01:00")


def moment_from(text: str) -> datetime:
    """`2026-12-31T23:30 Europe/Amsterdam` (or an ISO date-time with an offset)."""
    stamp, _, zone = text.strip().partition(" ")
    moment = datetime.fromisoformat(stamp)
    return moment.replace(tzinfo=ZoneInfo(zone)) if zone else moment
