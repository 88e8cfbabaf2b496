"""Patterns over entries, checked against an oracle computed independently here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veerkracht.core.model import OPTIONS, Entry
from veerkracht.core.patterns import Filters, conversations, summarize
from veerkracht.core.periods import parse_day

TODAY = date(2026, 11, 22)
ZONES = [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5))]


def keys(group: str):
    return st.lists(st.sampled_from(OPTIONS[group]), unique=True, max_size=4)


entries_strategy = st.lists(
    st.builds(
        lambda feelings, triggers, impact, support, intensity, days, hour, zone: Entry(
            feelings=feelings,
            triggers=triggers,
            impact=impact,
            support=support,
            intensity=intensity,
            created=datetime(2026, 9, 1, hour, tzinfo=zone) + timedelta(days=days),
        ),
        feelings=keys("feelings").filter(bool),
        triggers=keys("triggers"),
        impact=keys("impact"),
        support=keys("support"),
        intensity=st.none() | st.integers(0, 10),
        days=st.integers(0, 90),
        hour=st.integers(0, 23),
        zone=st.sampled_from(ZONES),
    ),
    max_size=40,
)


def oracle_counts(entries: list[Entry], group: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for entry in entries:
        for key in getattr(entry, group):
            found[key] = found.get(key, 0) + 1
    return found


def oracle_mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


@settings(max_examples=150, deadline=None)
@given(entries_strategy)
def test_patterns_match_the_oracle(entries: list[Entry]) -> None:
    patterns = summarize(entries, TODAY)

    assert patterns["count"] == len(entries)
    for group in ("feelings", "triggers", "impact", "support"):
        counted = patterns[group]
        assert counted == oracle_counts(entries, group)
        assert list(counted.values()) == sorted(counted.values(), reverse=True)

    rated = [e.intensity for e in entries if e.intensity is not None]
    assert patterns["intensity"]["mean"] == oracle_mean(rated)
    weeks: dict[str, list[int]] = {}
    for entry in entries:
        if entry.intensity is not None:
            year, week, _ = entry.created.date().isocalendar()
            weeks.setdefault(f"{year}-W{week:02d}", []).append(entry.intensity)
    assert patterns["intensity"]["by_week"] == [
        {"week": week, "mean": oracle_mean(levels), "count": len(levels)}
        for week, levels in sorted(weeks.items())
    ]

    together: dict[tuple[str, str], int] = {}
    for entry in entries:
        for trigger in entry.triggers:
            for feeling in entry.feelings:
                together[(trigger, feeling)] = together.get((trigger, feeling), 0) + 1
    top = sorted(together.values(), reverse=True)[:5]
    assert [pair["count"] for pair in patterns["pairs"]] == top
    for pair in patterns["pairs"]:
        assert together[(pair["trigger"], pair["feeling"])] == pair["count"]

    recent = [
        e.intensity
        for e in entries
        if e.intensity is not None and 0 <= (TODAY - e.created.date()).days < 28
    ]
    previous = [
        e.intensity
        for e in entries
        if e.intensity is not None and 28 <= (TODAY - e.created.date()).days < 56
    ]
    trend = patterns["trend"]
    assert trend["recent"] == {"mean": oracle_mean(recent), "count": len(recent)}
    assert trend["previous"] == {"mean": oracle_mean(previous), "count": len(previous)}
    if recent and previous:
        assert trend["change"] == pytest.approx(oracle_mean(recent) - oracle_mean(previous))
    else:
        assert trend["change"] is None


@settings(max_examples=100, deadline=None)
@given(
    entries_strategy,
    st.none() | st.dates(date(2026, 9, 1), date(2026, 12, 1)),
    st.none() | st.dates(date(2026, 9, 1), date(2026, 12, 1)),
    st.none() | st.sampled_from(OPTIONS["feelings"]),
    st.none() | st.sampled_from(OPTIONS["triggers"]),
)
def test_filters_match_the_oracle(entries, since, until, feeling, trigger) -> None:
    kept = Filters(since, until, feeling, trigger).apply(entries)
    expected = [
        e
        for e in entries
        if (since is None or e.created.date() >= since)
        and (until is None or e.created.date() <= until)
        and (feeling is None or feeling in e.feelings)
        and (trigger is None or trigger in e.triggers)
    ]
    assert kept == expected


def test_the_week_is_the_entrys_own_local_week() -> None:
    # Sunday 23:30 in Amsterdam is Sunday (W47); in UTC it would already be Monday (W48).
    late = datetime(2026, 11, 22, 23, 30, tzinfo=timezone(timedelta(hours=1)))
    patterns = summarize([Entry(feelings=["tired"], intensity=5, created=late)], TODAY)
    assert patterns["intensity"]["by_week"][0]["week"] == "2026-W47"


def test_conversations_count_how_they_went_against_the_fear() -> None:
    assert conversations(["better", "better", "same", None, "worse"]) == {
        "count": 5,
        "better": 2,
        "same": 1,
        "worse": 1,
    }
    assert conversations([]) == {"count": 0, "better": 0, "same": 0, "worse": 0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01", date(2026, 11, 1)),
        ("30d", date(2026, 10, 23)),
        ("8w", date(2026, 9, 27)),
        (" 2W ", date(2026, 11, 8)),
        ("0d", TODAY),
    ],
)
def test_dates_are_iso_or_relative(text: str, expected: date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize("text", ["gisteren", "2026-13-01", "30", "d30", "-3d", "3m", ""])
def test_other_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text, TODAY)
