"""Validation of answers files: every refusal names the field and what is allowed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from veerkracht.core.errors import ValidationError
from veerkracht.core.model import ANSWER_FIELDS, OPTIONS, Entry, now, parse_answers


def test_a_complete_answers_file_becomes_an_entry(answers: dict, now: datetime) -> None:
    entry = parse_answers(answers, now=now)

    assert entry.feelings == ["tired", "tense"]
    assert entry.intensity == 7
    assert entry.relations == answers["relations"]
    assert entry.asks == answers["asks"]
    assert entry.private == "De diagnose van mijn moeder."
    assert entry.created == datetime(2026, 11, 21, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert len(entry.uuid) == 36


def test_only_feelings_is_required(now: datetime) -> None:
    entry = parse_answers({"feelings": ["sad"]}, now=now)

    assert entry.feelings == ["sad"]
    assert entry.intensity is None
    assert entry.audience is None
    assert entry.created.tzinfo is not None


def test_created_defaults_to_the_moment_given(now: datetime) -> None:
    entry = parse_answers({"feelings": ["sad"]}, now=now)
    assert entry.created == now


def test_the_clock_is_aware_and_in_whole_seconds() -> None:
    before = datetime.now().astimezone().replace(microsecond=0)
    moment = now()
    assert moment.tzinfo is not None
    assert moment.microsecond == 0  # whole seconds read better in exports
    assert before <= moment <= datetime.now().astimezone()


def test_a_created_without_offset_is_local_time(now: datetime) -> None:
    entry = parse_answers({"feelings": ["sad"], "created": "2026-11-21T09:30:00"}, now=now)
    assert entry.created.tzinfo is not None
    assert entry.created.replace(tzinfo=None) == datetime(2026, 11, 21, 9, 30)


def test_toml_dates_and_datetimes_are_accepted(now: datetime) -> None:
    as_date = parse_answers({"feelings": ["sad"], "created": date(2026, 11, 21)}, now=now)
    as_datetime = parse_answers(
        {"feelings": ["sad"], "created": datetime(2026, 11, 21, 9, tzinfo=UTC)}, now=now
    )
    assert as_date.created.date() == date(2026, 11, 21)
    assert as_datetime.created.hour == 9


def test_duplicates_are_dropped_and_order_kept(now: datetime) -> None:
    entry = parse_answers({"feelings": ["tense", "tired", "tense"]}, now=now)
    assert entry.feelings == ["tense", "tired"]


def test_null_means_not_given_and_empty_asks_are_dropped(now: datetime) -> None:
    entry = parse_answers(
        {"feelings": ["sad"], "intensity": None, "asks": ["", "  ", "Hulp?"]}, now=now
    )
    assert entry.intensity is None
    assert entry.asks == ["Hulp?"]


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"feelings": None}, "required", "feelings"),
        ({"feelings": []}, "required", "feelings"),
        ({"mood": "bad"}, "unknown_field", "mood"),
        ({"feelings": ["happy"]}, "unknown_option", "feelings"),
        ({"feelings": "tired"}, "not_a_list", "feelings"),
        ({"triggers": ["weather"]}, "unknown_option", "triggers"),
        ({"impact": ["sleep"]}, "unknown_option", "impact"),
        ({"support": ["money"]}, "unknown_option", "support"),
        ({"barriers": ["time"]}, "unknown_option", "barriers"),
        ({"audience": "partner"}, "unknown_option", "audience"),
        ({"audience": ["manager"]}, "unknown_option", "audience"),
        ({"intensity": 11}, "out_of_range", "intensity"),
        ({"intensity": -1}, "out_of_range", "intensity"),
        ({"intensity": 7.5}, "out_of_range", "intensity"),
        ({"intensity": "7"}, "out_of_range", "intensity"),
        ({"intensity": True}, "out_of_range", "intensity"),
        ({"share": 42}, "not_text", "share"),
        ({"private": ["a"]}, "not_text", "private"),
        ({"fear": "x" * 5001}, "too_long", "fear"),
        ({"relations": "druk"}, "field_not_object", "relations"),
        ({"relations": {"boss": "x"}}, "unknown_field", "relations.boss"),
        ({"relations": {"gives": 3}}, "not_text", "relations.gives"),
        ({"asks": "help"}, "not_a_list", "asks"),
        ({"asks": ["ok", 3]}, "not_text", "asks[1]"),
        ({"asks": ["x"] * 21}, "too_many", "asks"),
        ({"created": "gisteren"}, "not_a_datetime", "created"),
        ({"created": 20261121}, "not_a_datetime", "created"),
    ],
)
def test_each_refusal_names_the_field(
    answers: dict, change: dict, code: str, field: str, now: datetime
) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_answers({**answers, **change}, now=now)
    assert caught.value.code == code
    assert caught.value.field == field


def test_refusals_list_the_allowed_values(answers: dict, now: datetime) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_answers({**answers, "feelings": ["happy"]}, now=now)
    assert caught.value.params["allowed"] == ", ".join(OPTIONS["feelings"])
    assert caught.value.params["value"] == "'happy'"

    with pytest.raises(ValidationError) as caught:
        parse_answers({**answers, "colour": "blue"}, now=now)
    assert "feelings" in caught.value.params["allowed"]


@pytest.mark.parametrize("data", [[], "feelings", 3, None])
def test_a_file_that_is_not_an_object_is_refused(data: object, now: datetime) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_answers(data, now=now)
    assert caught.value.code == "not_an_object"


def test_a_record_round_trips(answers: dict, now: datetime) -> None:
    entry = parse_answers(answers, now=now)
    entry.id = "4"
    record = entry.to_record()

    assert list(record)[:3] == ["id", "uuid", "feelings"]
    assert set(ANSWER_FIELDS) <= set(record)
    assert Entry.from_record(record) == entry
