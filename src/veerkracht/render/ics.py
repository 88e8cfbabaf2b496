"""Calendar events as an iCalendar file (RFC 5545), for any calendar app."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from veerkracht import __version__
from veerkracht.core.calendar import CalendarEvent


def to_ics(events: Sequence[CalendarEvent], now: datetime) -> str:
    """All-day events, stamped `now` (UTC)."""
    from icalendar import Calendar, Event  # only when a calendar is asked for

    calendar = Calendar()
    calendar.add("prodid", f"-//veerkracht//{__version__}//NL")
    calendar.add("version", "2.0")
    stamp = now.astimezone(UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
