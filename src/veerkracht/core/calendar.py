"""Dates where people look: agreements and the recovery plan's check-ins and review as
calendar events. Calendars are often synced to an employer's or a cloud account, so an
event carries a neutral title unless the user includes their own words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from veerkracht.content import Content
from veerkracht.core.plan import Plan
from veerkracht.core.records import Agreement
from veerkracht.core.textsafe import visible

#: `--include text`: the user's own words in the events.
TEXT_KEY = "text"


@dataclass(frozen=True)
class CalendarEvent:
    """An all-day event: a stable uid (importing again updates, never doubles)."""

    uid: str
    day: date
    summary: str
    description: str = ""


def agreement_events(
    agreements: Sequence[Agreement], content: Content, *, with_text: bool, include_done: bool
) -> list[CalendarEvent]:
    """Each agreement with a date (open ones; kept ones too when asked for)."""
    events = []
    for agreement in agreements:
        if agreement.due is None or (agreement.done and not include_done):
            continue
        if with_text:
            what = " · ".join(visible(p) for p in (agreement.what, agreement.who) if p)
            summary = content.text("exchange", "calendar", "agreement_text", what=what)
        else:
            summary = content.text("exchange", "calendar", "agreement", id=agreement.id)
        description = content.text("exchange", "calendar", "agreement_explain")
        uid = f"agreement-{agreement.uuid}@veerkracht"
        events.append(CalendarEvent(uid, agreement.due, summary, description))
    return events


def plan_events(plan: Plan, content: Content, *, with_text: bool) -> list[CalendarEvent]:
    """A check-in for each week of the plan, and the review when it has a date."""

    def words(key: str, **params: object) -> str:
        return content.text("exchange", "calendar", key, **params)

    goal = f" · {visible(plan.goals[0])}" if with_text and plan.goals else ""
    events = [
        CalendarEvent(
            f"plan-{plan.uuid}-week-{week}@veerkracht",
            plan.start + timedelta(weeks=week - 1),
            words("checkin", week=week, weeks=plan.weeks) + goal,
            words("checkin_explain"),
        )
        for week in range(1, plan.weeks + 1)
    ]
    if plan.review is not None:
        uid = f"plan-{plan.uuid}-review@veerkracht"
        events.append(CalendarEvent(uid, plan.review, words("review"), words("review_explain")))
    return events
