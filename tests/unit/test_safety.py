"""When the calm help notice shows, and when it must not."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from veerkracht.core.safety import needs_notice, speaks_of_not_wanting_to_live

NOW = datetime(2026, 11, 22, 12, 0).astimezone()


@pytest.mark.parametrize(
    "text",
    [
        "Soms wil ik niet meer leven.",
        "Ik ben bang dat ik niet meer wil leven",
        "Ik wil dood, echt.",
        "Ik denk aan zelfmoord",
        "Ik zie het niet meer zitten.",
        "Ik wil er een eind aan maken",
        "Iedereen is beter af zonder mij",
        "Ik wil gewoon niet meer wakker worden",
        "I don't want to live like this",
        "I don’t want to live anymore",
        "Sometimes I want to die",
        "they'd be better off without me",
        "I have thought about suicide",
    ],
)
def test_words_about_not_wanting_to_live_are_heard(text: str, now: datetime) -> None:
    assert speaks_of_not_wanting_to_live(text)
    assert needs_notice(None, [text], [], now)


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben doodmoe van die deadline.",
        "Die vergadering was dodelijk saai.",
        "Ik leef van deadline naar deadline.",
        "Mijn leidinggevende ziet het niet zitten om iemand extra aan te nemen.",
        "This deadline is killing me.",
        "I'm dying to get some sleep.",
        "The project died last week.",
        "Ik wil meer leven in mijn werk.",
    ],
)
def test_everyday_words_do_not_raise_alarm(text: str, now: datetime) -> None:
    assert not speaks_of_not_wanting_to_live(text)
    assert not needs_notice(5, [text], [], now)


@pytest.mark.parametrize(("level", "expected"), [(None, False), (8, False), (9, True), (10, True)])
def test_high_intensity_alone(level: int | None, expected: bool, now: datetime) -> None:
    assert needs_notice(level, [], [], now) is expected


def test_several_heavy_weeks_in_a_row_count_too(now: datetime) -> None:
    recent = [(now - timedelta(days=3), 8), (now - timedelta(days=10), 8)]
    assert needs_notice(8, [], recent, now)
    assert not needs_notice(7, [], recent, now)


def test_old_or_light_entries_do_not_count(now: datetime) -> None:
    old = [(now - timedelta(days=40), 9), (now - timedelta(days=50), 9)]
    light = [(now - timedelta(days=2), 4), (now - timedelta(days=4), None)]
    assert not needs_notice(8, [], old, now)
    assert not needs_notice(8, [], light, now)
