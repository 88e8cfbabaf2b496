"""Dates where people look: agreements and the recovery plan's check-ins, dialogue talks
and review as calendar events. Calendars are often synced to an employer's or a cloud
account, so an event carries a neutral title unless the user includes their own words."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from veerkracht.content import Content
from veerkracht.core.plan import Plan
from veerkracht.core.progress import PlanState
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
    """Each agreement with a date (open ones; kept ones too when asked for), by date."""
    events = []
    for agreement in sorted(agreements, key=lambda agreement: agreement.due or date.min):
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


def plan_events(state: PlanState, content: Content, *, with_text: bool) -> list[CalendarEvent]:
    """A check-in on the first day of each week of the plan (a stopped plan: those that
    have begun), its dialogue talks on the day they were written, and the review: on its
    date, else when the last week is over, until the plan is evaluated."""
    plan, today = state.plan, state.today

    def words(key: str, **params: object) -> str:
        return str(content.text("exchange", "calendar", key, **params))

    goal = f" · {visible(plan.goals[0])}" if with_text and plan.goals else ""
    events = [
        CalendarEvent(
            f"plan-{plan.uuid}-week-{week}@veerkracht",
            begins,
            words("checkin", week=week, weeks=plan.weeks) + goal,
            words("checkin_explain"),
        )
        for week, begins in enumerate(week_starts(plan, today), start=1)
        if plan.is_open() or begins <= today
    ]
    for talk in state.dialogues:
        partner = visible(talk.partner) if with_text else ""
        title = words("dialogue_with", week=talk.week, partner=partner) if partner else ""
        events.append(
            CalendarEvent(
                f"dialogue-{talk.uuid}@veerkracht",
                talk.created.date(),
                title or words("dialogue", week=talk.week),
                words("dialogue_explain" if talk.held else "dialogue_prepared"),
            )
        )
    review = plan.review
    if review is None and plan.is_open() and not plan.evaluation:
        review = lived_day(plan, today, 7 * plan.weeks)
    if review is not None:
        uid = f"plan-{plan.uuid}-review@veerkracht"
        events.append(CalendarEvent(uid, review, words("review"), words("review_explain")))
    return events


def week_starts(plan: Plan, today: date) -> list[date]:
    """The first day of each week of the plan, as `Plan.week` counts it: paused days do
    not count (a pause still open as if it ended today: later weeks move when it goes on)."""
    return [lived_day(plan, today, 7 * week) for week in range(plan.weeks)]


def lived_day(plan: Plan, today: date, days: int) -> date:
    """The first day on which `days` days of the plan have been lived."""
    current, left = plan.start, days
    for begun, ended in _pauses(plan, today):
        if current + timedelta(days=left) <= begun:
            break
        if begun > current:
            left -= (begun - current).days
        current = max(current, ended)
    return current + timedelta(days=left)


def _pauses(plan: Plan, today: date) -> Iterator[tuple[date, date]]:
    spans = []
    for pause in plan.pauses:
        begun = date.fromisoformat(pause["from"])
        ended = date.fromisoformat(pause["to"]) if pause.get("to") else max(today, begun)
        spans.append((begun, ended))
    return iter(sorted(spans))
