"""Calendar files: `agreements --format ics` and `plan --format ics`, read back with the
icalendar library; neutral titles unless the user includes their own words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar

from tests.cli.test_cli import add_entries, assert_refused, run


def events(text: str) -> list[Any]:
    return list(Calendar.from_ical(text).walk("VEVENT"))


def test_agreements_as_a_calendar_carry_no_typed_words_unless_included(
    followup_file: Callable[..., Path], frozen_clock: datetime
) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    result = run("agreements", "--format", "ics")
    assert result.exit_code == 0, result.output
    found = events(result.stdout)
    assert [event.decoded("dtstart") for event in found] == [date(2020, 1, 1), date(2026, 12, 5)]
    assert all(str(event["uid"]).startswith("agreement-") for event in found)
    (stamp,) = {event.decoded("dtstamp") for event in found}  # one clock for the whole file
    assert timedelta(0) <= stamp - frozen_clock.astimezone(UTC) < timedelta(minutes=1)
    for words in ("deadlines later", "manager", "Sam", "bellen"):
        assert words not in result.stdout
    again = run("agreements", "--format", "ics")
    assert [e["uid"] for e in events(again.stdout)] == [e["uid"] for e in found]  # stable
    with_text = run("agreements", "--format", "ics", "--include", "text").stdout
    assert "deadlines later · manager" in str(events(with_text)[1]["summary"])


def test_kept_agreements_come_only_with_all(followup_file: Callable[..., Path]) -> None:
    add_entries('{"feelings": ["tired"]}')
    run("followup", "--from", str(followup_file()))
    run("agreements", "--done", "1")
    assert len(events(run("agreements", "--format", "ics").stdout)) == 1
    assert len(events(run("agreements", "--format", "ics", "--all").stdout)) == 2


def test_an_empty_calendar_is_valid_and_said() -> None:
    result = run("agreements", "--format", "ics")
    assert result.exit_code == 0
    assert events(result.stdout) == []
    assert "lege agenda" in result.stderr


def test_the_plan_calendar_has_a_check_in_each_week_and_the_review(tmp_path: Path) -> None:
    plan = '{"start": "2026-11-02", "weeks": 3, "goals": ["weer plezier"], "review": "2027-01-10"}'
    assert run("plan", "start", "--from", "-", input=plan).exit_code == 0
    text = run("plan", "--format", "ics").stdout
    days = [event.decoded("dtstart") for event in events(text)]
    assert days == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16), date(2027, 1, 10)]
    assert "weer plezier" not in text
    assert "weer plezier" in run("plan", "--format", "ics", "--include", "text").stdout
    target = tmp_path / "plan.ics"
    assert run("plan", "--format", "ics", "--output", str(target)).exit_code == 0
    assert len(events(target.read_text(encoding="utf-8"))) == 4


def test_a_calendar_is_never_written_into_the_data_folder(home: Path) -> None:
    assert_refused(run("agreements", "--format", "ics", "-o", str(home / "x.ics")), "x.ics")


def test_an_unknown_include_key_is_a_usage_error() -> None:
    result = run("agreements", "--format", "ics", "--include", "private")
    assert result.exit_code == 2
    assert "text" in result.stderr


def test_the_plan_calendar_has_its_talks_and_the_review_when_the_plan_ends(
    frozen_clock: datetime,
) -> None:
    plan = '{"start": "2026-11-02", "weeks": 2, "goals": ["weer plezier"]}'
    talk = '{"with": "Noor", "insights": ["Noor wist het niet"], "private": "GEHEIM"}'
    assert run("plan", "start", "--from", "-", input=plan).exit_code == 0
    assert run("plan", "dialogue", "--from", "-", input=talk).exit_code == 0
    text = run("plan", "--format", "ics").stdout
    found = {str(event["summary"]): event for event in events(text)}
    talk_event = found["Dialooggesprek herstelplan, week 2"]
    assert talk_event.decoded("dtstart") == frozen_clock.date()
    assert str(talk_event["uid"]).startswith("dialogue-")
    assert found["Evaluatie herstelplan"].decoded("dtstart") == date(2026, 11, 16)
    for words in ("Noor", "weer plezier", "GEHEIM"):
        assert words not in text
    with_text = run("plan", "--format", "ics", "--include", "text", "--lang", "en").stdout
    assert "Dialogue talk with Noor, week 2" in {str(e["summary"]) for e in events(with_text)}
    assert "GEHEIM" not in with_text and "Noor wist" not in with_text


def test_include_and_output_belong_with_the_calendar_format(tmp_path: Path) -> None:
    for args in (["agreements", "--include", "text"], ["plan", "-o", str(tmp_path / "p.ics")]):
        result = run(*args)
        assert result.exit_code == 2
        assert "--format ics" in result.stderr
    assert list(tmp_path.iterdir()) == []
