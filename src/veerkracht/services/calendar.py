"""Calendar files for the commands and the screens: the agreements, or the recovery plan,
as an iCalendar file. The user's own words go in only when they ask for it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from veerkracht.content import Content
from veerkracht.core.calendar import CalendarEvent, agreement_events, plan_events
from veerkracht.services.plans import plan_state
from veerkracht.store.store import Store

#: What a calendar file can hold.
Kind = Literal["agreements", "plan"]


def calendar_events(
    store: Store,
    kind: Kind,
    content: Content,
    *,
    include_text: bool = False,
    include_done: bool = False,
    now: datetime,
) -> list[CalendarEvent]:
    """The events of `kind`: agreements with a date (kept ones too with `include_done`),
    or the plan's check-ins, talks and review (none without a plan)."""
    if kind == "agreements":
        agreements = store.contents().agreements
        return agreement_events(
            agreements, content, with_text=include_text, include_done=include_done
        )
    state = plan_state(store, now.date())
    return [] if state is None else plan_events(state, content, with_text=include_text)


def calendar_text(events: list[CalendarEvent], now: datetime) -> str:
    """The events as an iCalendar file, stamped `now`."""
    from veerkracht.render.ics import to_ics

    return to_ics(events, now)
