"""Statistics over entries: what keeps coming back, how heavy it has been, and how
conversations went against what was feared. Plain data, no I/O, no clock."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from operator import attrgetter
from statistics import fmean
from typing import Any

from veerkracht.core.model import OPTIONS, Entry
from veerkracht.core.periods import weeks_between
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.core.tally import COUNTED_GROUPS, Tally

TREND_WEEKS = 4
TOP_PAIRS = 5
OUTCOMES = ("better", "same", "worse")


@dataclass(frozen=True)
class Filters:
    """Which entries to look at; every part optional, dates inclusive (local date)."""

    since: date | None = None
    until: date | None = None
    feeling: str | None = None
    trigger: str | None = None

    def keep(self, entry: Entry) -> bool:
        day = entry.created.date()
        return (
            (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
            and (self.feeling is None or self.feeling in entry.feelings)
            and (self.trigger is None or self.trigger in entry.triggers)
        )

    def apply(self, entries: Iterable[Entry]) -> list[Entry]:
        return [entry for entry in entries if self.keep(entry)]

    def apply_dates(self, records: Iterable[CheckIn]) -> list[CheckIn]:
        """Records kept by the date part of the filter alone (check-ins have no feelings)."""
        return [
            record
            for record in records
            if (self.since is None or record.created.date() >= self.since)
            and (self.until is None or record.created.date() <= self.until)
        ]


@cache  # a few hundred days a year: each day's week is named once
def _week_of(day: date) -> str:
    """The ISO week of a (local) date, e.g. `2026-W47`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def summarize(
    entries: Sequence[Entry],
    today: date,
    followups: Sequence[FollowUp] = (),
    agreements: Sequence[Agreement] = (),
    checkins: Sequence[CheckIn] = (),
    tally: Tally | None = None,
) -> dict[str, Any]:
    """The `patterns` object of `history --format json` (README), plus `pairs` (which
    triggers come with which feelings), `trend` (the last four weeks against the four
    before, up to `today`), `agreements` (kept, open, overdue) and `capacity_load` (per
    week, from check-ins). Follow-ups and agreements count for the given entries only.
    `tally`, when given, is the entries' tally already made (`Tally.of(entries)`)."""
    tally = Tally.of(entries) if tally is None else tally
    patterns: dict[str, Any] = {"count": tally.count}
    for group in COUNTED_GROUPS:
        patterns[group] = ranked(group, tally.counted(group))
    patterns["intensity"] = intensity(tally.days)
    patterns["pairs"] = pairs(tally.counted_pairs())
    patterns["trend"] = trend(tally.days, today)
    shown = set(map(attrgetter("uuid"), entries))
    talks = [followup for followup in followups if followup.entry in shown]
    patterns["conversations"] = conversations([followup.as_feared for followup in talks])
    made = [agreement for agreement in agreements if agreement.entry in shown]
    patterns["agreements"] = agreement_counts(made, today)
    patterns["capacity_load"] = capacity_load(checkins)
    return patterns


def ranked(group: str, counter: dict[str, int]) -> dict[str, int]:
    """How often each key was chosen, most often first, ties in the content's order."""
    order = {key: index for index, key in enumerate(OPTIONS[group])}
    keys = sorted(counter, key=lambda key: (-counter[key], order.get(key, len(order))))
    return {key: counter[key] for key in keys}


def intensity(days: dict[date, tuple[int, int]]) -> dict[str, Any]:
    """Mean intensity overall and per ISO week, from the [sum, count] of each day's
    intensities (entries without one are left out)."""
    by_week: dict[str, list[int]] = {}
    for day, (summed, rated) in days.items():
        held = by_week.setdefault(_week_of(day), [0, 0])
        held[0] += summed
        held[1] += rated
    total = sum(held[0] for held in by_week.values())
    return {
        "mean": share(total, sum(held[1] for held in by_week.values())),
        "by_week": [
            {"week": week, "mean": share(total, rated), "count": rated}
            for week, (total, rated) in sorted(by_week.items())
        ],
    }


def pairs(counter: dict[tuple[str, str], int], top: int = TOP_PAIRS) -> list[dict[str, Any]]:
    """The trigger–feeling pairs that come together most often."""
    trigger_order = {key: index for index, key in enumerate(OPTIONS["triggers"])}
    feeling_order = {key: index for index, key in enumerate(OPTIONS["feelings"])}
    keys = sorted(
        counter,
        key=lambda pair: (-counter[pair], trigger_order[pair[0]], feeling_order[pair[1]]),
    )
    return [
        {"trigger": trigger, "feeling": feeling, "count": counter[(trigger, feeling)]}
        for trigger, feeling in keys[:top]
    ]


def trend(days: dict[date, tuple[int, int]], today: date) -> dict[str, Any]:
    """Mean intensity in the last four weeks (up to and including `today`) and the four
    weeks before that; `change` is recent minus previous, when both are known."""
    recent_start = today - timedelta(weeks=TREND_WEEKS) + timedelta(days=1)
    previous_start = recent_start - timedelta(weeks=TREND_WEEKS)
    recent, previous = [0, 0], [0, 0]
    for day, (total, rated) in days.items():
        if day > today or day < previous_start:
            continue
        held = recent if day >= recent_start else previous
        held[0] += total
        held[1] += rated
    recent_mean, previous_mean = share(*recent), share(*previous)
    change = (
        round(recent_mean - previous_mean, 2)
        if recent_mean is not None and previous_mean is not None
        else None
    )
    return {
        "recent": {"mean": recent_mean, "count": recent[1]},
        "previous": {"mean": previous_mean, "count": previous[1]},
        "change": change,
    }


def conversations(outcomes: Sequence[str | None]) -> dict[str, int]:
    """How many conversations were recorded, and how each went against what was feared
    (`None`: not compared)."""
    counter = Counter(outcomes)
    return {"count": len(outcomes), **{outcome: counter[outcome] for outcome in OUTCOMES}}


def agreement_counts(agreements: Sequence[Agreement], today: date) -> dict[str, int]:
    """Agreements made, kept, still open, and open past their date."""
    done = sum(agreement.done for agreement in agreements)
    overdue = sum(agreement.overdue(today) for agreement in agreements)
    return {
        "count": len(agreements),
        "done": done,
        "open": len(agreements) - done,
        "overdue": overdue,
    }


def capacity_load(checkins: Sequence[CheckIn]) -> dict[str, Any]:
    """Mean capacity (draagkracht) and load (draaglast) per ISO week of the check-ins."""
    weeks: dict[str, tuple[list[int], list[int]]] = {}
    for checkin in checkins:
        year, week, _ = checkin.created.isocalendar()
        capacity, load = weeks.setdefault(f"{year}-W{week:02d}", ([], []))
        if checkin.capacity is not None:
            capacity.append(checkin.capacity)
        if checkin.load is not None:
            load.append(checkin.load)
    return {
        "by_week": [
            {"week": week, "capacity": mean(capacity), "load": mean(load)}
            for week, (capacity, load) in sorted(weeks.items())
            if capacity or load
        ]
    }


def week_span(*series: Sequence[dict[str, Any]], weeks: int | None = None) -> list[str]:
    """Every week from the first to the last one in any of `series` (rows with a `week`,
    as in `by_week`), empty weeks included; only the last `weeks` of them when given."""
    named = [row["week"] for rows in series for row in rows]
    if not named:
        return []
    span = weeks_between(min(named), max(named))
    return span[-weeks:] if weeks else span


def on_weeks(
    rows: Sequence[dict[str, Any]], span: Sequence[str]
) -> list[tuple[str, dict[str, Any] | None]]:
    """Each week of `span` with its row, or None for a week without one (a gap)."""
    by_week = {row["week"]: row for row in rows}
    return [(week, by_week.get(week)) for week in span]


def mean(values: Sequence[int]) -> float | None:
    return round(fmean(values), 2) if values else None


def share(total: int, count: int) -> float | None:
    """The mean of `count` whole numbers adding up to `total`, as `mean` rounds it (the
    sum of whole numbers is exact, so this is the same float)."""
    return round(total / count, 2) if count else None
