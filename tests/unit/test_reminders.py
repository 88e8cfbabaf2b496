"""Gentle reminders: when one is due, and that it shows at most once a day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from veerkracht.core.records import Agreement, CheckIn
from veerkracht.services.reminders import already_reminded, remember, reminder

TODAY = date(2026, 11, 22)


def checkin_on(day: int) -> CheckIn:
    return CheckIn(created=datetime(2026, 11, day, 18, tzinfo=UTC), capacity=5)


def test_nothing_is_due_for_someone_who_does_not_do_checkins() -> None:
    assert reminder(TODAY, [], []) is None


def test_a_checkin_is_due_a_week_after_the_last_one() -> None:
    assert reminder(TODAY, [], [checkin_on(16)]) is None
    assert reminder(TODAY, [], [checkin_on(10), checkin_on(15)]) == (
        "reminder_checkin",
        {"days": 7},
    )


def test_an_overdue_agreement_comes_first() -> None:
    late = Agreement("bellen", due=date(2026, 11, 20), id="4")
    kept = Agreement("mailen", due=date(2026, 11, 1), done=True, id="2")
    assert reminder(TODAY, [kept, late], [checkin_on(1)]) == (
        "reminder_overdue",
        {"count": 1, "id": "4"},
    )


def test_once_a_day(tmp_path: Path) -> None:
    assert not already_reminded(tmp_path, TODAY)
    remember(tmp_path, TODAY)
    assert already_reminded(tmp_path, TODAY)
    assert not already_reminded(tmp_path, date(2026, 11, 23))
