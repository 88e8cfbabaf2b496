"""Dates at the edges that bite: a week across New Year, late evening east of UTC, a
due date of today, the weeks in which the clocks change. The clock is moved with
time-machine (which moves the local time zone too), and everything is checked the way
a user sees it: through the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import time_machine

from tests.drive import moment_from, runner
from veerkracht.cli import app


@contextmanager
def at(moment: str) -> Iterator[None]:
    with time_machine.travel(moment_from(moment), tick=False):
        yield


def run(*args: str, input: str | None = None):
    result = runner.invoke(app, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result


def reflect(**answers: object) -> str:
    return run(
        "reflect", "--from", "-", input=json.dumps({"feelings": ["tired"], **answers})
    ).stdout


def weeks(*options: str) -> list[dict]:
    return json.loads(run("history", "--format", "json", *options).stdout)["patterns"]["intensity"][
        "by_week"
    ]


def test_a_week_across_new_year_is_week_1_of_the_next_year() -> None:
    for created in ("2025-12-29T09:00:00+01:00", "2026-01-01T00:30:00+01:00",
                    "2026-01-04T23:30:00+01:00"):  # fmt: skip
        reflect(intensity=6, created=created)
    assert weeks() == [{"week": "2026-W01", "mean": 6.0, "count": 3}]


def test_the_last_days_of_2026_and_first_of_2027_share_week_53() -> None:
    reflect(intensity=4, created="2026-12-31T18:00:00+01:00")
    reflect(intensity=8, created="2027-01-03T21:00:00+01:00")
    reflect(intensity=2, created="2027-01-04T08:00:00+01:00")
    assert [(week["week"], week["count"]) for week in weeks()] == [
        ("2026-W53", 2),
        ("2027-W01", 1),
    ]


def test_half_past_eleven_east_of_utc_counts_for_the_local_day() -> None:
    """Sunday 29 November, 23:30 in Tokyo, is 14:30 UTC: still Sunday, still week 48."""
    with at("2026-11-29T23:30 Asia/Tokyo"):
        reflect(intensity=5)
        assert weeks() == [{"week": "2026-W48", "mean": 5.0, "count": 1}]
        assert (
            len(json.loads(run("history", "--since", "0d", "--format", "json").stdout)["entries"])
            == 1
        )
        until = json.loads(run("history", "--until", "2026-11-28", "--format", "json").stdout)
        assert until["entries"] == []
    with at("2026-11-30T00:30 Asia/Tokyo"):  # Monday here, Sunday in UTC
        reflect(intensity=7)
        assert [week["week"] for week in weeks()] == ["2026-W48", "2026-W49"]
        today = json.loads(run("history", "--since", "0d", "--format", "json").stdout)
        assert [entry["intensity"] for entry in today["entries"]] == [7]


def followup_with(due: str) -> None:
    agreement = {"what": "deadlines later", "who": "Anna", "due": due}
    run("followup", "--from", "-", input=json.dumps({"went": 4, "agreements": [agreement]}))


def status_line() -> str:
    return run("agreements").stdout.splitlines()[1]


@pytest.mark.parametrize("zone", ["Europe/Amsterdam", "Asia/Tokyo", "America/New_York"])
def test_a_due_date_of_today_is_not_overdue(zone: str) -> None:
    with at(f"2026-12-05T00:30 {zone}"):
        reflect()
        followup_with("2026-12-05")
        assert "datum" not in status_line()
        assert (
            json.loads(run("history", "--format", "json").stdout)["patterns"]["agreements"][
                "overdue"
            ]
            == 0
        )
    with at(f"2026-12-05T23:59 {zone}"):
        assert "datum" not in status_line()
    with at(f"2026-12-06T00:01 {zone}"):
        assert "datum voorbij" in status_line()


def test_reminders_show_once_a_day_by_the_local_date(monkeypatch: pytest.MonkeyPatch) -> None:
    with at("2026-12-01T09:00 Europe/Amsterdam"):
        reflect()
        followup_with("2026-11-30")
    monkeypatch.setattr("veerkracht.cli.session.interactive", lambda: True)
    with at("2026-12-01T23:59 Europe/Amsterdam"):
        assert "Even ter herinnering" in run("agreements", "--format", "json").stderr
        assert run("agreements", "--format", "json").stderr == ""
    with at("2026-12-02T00:01 Europe/Amsterdam"):
        assert "Even ter herinnering" in run("agreements", "--format", "json").stderr


def test_a_checkin_is_due_a_week_later_across_the_autumn_clock_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The clocks go back on Sunday 25 October 2026; a week is still seven days."""
    monkeypatch.setattr("veerkracht.cli.session.interactive", lambda: True)
    with at("2026-10-19T09:00 Europe/Amsterdam"):
        run("checkin", "--from", "-", input='{"capacity": 6, "load": 7}')
    with at("2026-10-25T23:00 Europe/Amsterdam"):
        assert run("hulp").stderr == ""
    with at("2026-10-26T08:00 Europe/Amsterdam"):
        assert "7 dagen geleden" in run("hulp").stderr
        run("checkin", "--from", "-", input='{"capacity": 5, "load": 8}')
    balance = json.loads(run("history", "--format", "json").stdout)["patterns"]["capacity_load"]
    assert [week["week"] for week in balance["by_week"]] == ["2026-W43", "2026-W44"]


def test_weeks_around_the_spring_clock_change_count_every_entry() -> None:
    """The clocks go forward on Sunday 29 March 2026 at 02:00."""
    for created in ("2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00",
                    "2026-03-30T00:30:00+02:00"):  # fmt: skip
        reflect(intensity=4, created=created)
    assert [(week["week"], week["count"]) for week in weeks()] == [
        ("2026-W13", 2),
        ("2026-W14", 1),
    ]


def test_the_trend_compares_four_weeks_with_the_four_before_across_a_clock_change() -> None:
    with at("2026-11-08T12:00 Europe/Amsterdam"):
        reflect(intensity=8, created="2026-10-12T12:00:00+02:00")  # 27 days ago: recent
        reflect(intensity=2, created="2026-10-11T12:00:00+02:00")  # 28 days ago: before
        trend = json.loads(run("history", "--format", "json").stdout)["patterns"]["trend"]
    assert trend["recent"] == {"mean": 8.0, "count": 1}
    assert trend["previous"] == {"mean": 2.0, "count": 1}


@pytest.mark.parametrize(("first_heavy_day", "shown"), [
    ("2026-10-18T13:00:00+02:00", True),  # exactly 21 days before, across the change
    ("2026-10-18T11:59:00+02:00", False),  # 21 days and an hour before
])  # fmt: skip
def test_the_help_notice_counts_heavy_days_within_21_days_across_a_clock_change(
    first_heavy_day: str, shown: bool
) -> None:
    with at("2026-11-08T12:00 Europe/Amsterdam"):
        reflect(intensity=8, created=first_heavy_day)
        reflect(intensity=8, created="2026-11-01T12:00:00+01:00")
        third = json.dumps({"feelings": ["tired"], "intensity": 8})
        result = run("reflect", "--from", "-", input=third)
    assert ("113.nl" in result.stderr) is shown
