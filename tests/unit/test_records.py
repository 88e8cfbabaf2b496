"""Follow-ups, agreements and check-ins: validation that names the field."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from veerkracht.core.errors import ValidationError
from veerkracht.core.records import Agreement, parse_checkin, parse_followup

FOLLOWUP = {
    "entry": "last",
    "went": 4,
    "as_feared": "better",
    "helped": "Ze luisterde echt.",
    "agreements": [{"what": "deadlines twee weken later", "who": "manager", "due": "2026-12-05"}],
    "next_step": "Over twee weken weer praten.",
}


def test_a_followup_file_becomes_a_followup_with_agreements(now: datetime) -> None:
    followup, agreements, ref = parse_followup(FOLLOWUP, now=now)
    assert (followup.went, followup.as_feared, ref) == (4, "better", "last")
    assert followup.helped == "Ze luisterde echt."
    (agreement,) = agreements
    assert (agreement.what, agreement.who, agreement.due) == (
        "deadlines twee weken later",
        "manager",
        date(2026, 12, 5),
    )
    assert not agreement.done


def test_the_entry_may_be_left_to_the_command_line(now: datetime) -> None:
    assert parse_followup({"went": 3}, now=now)[2] is None
    assert parse_followup({"went": 3, "entry": 7}, now=now)[2] == "7"


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"went": 0}, "out_of_range", "went"),
        ({"went": 6}, "out_of_range", "went"),
        ({"went": "4"}, "out_of_range", "went"),
        ({"went": None}, "required_number", "went"),
        ({"as_feared": "fine"}, "unknown_option", "as_feared"),
        ({"mood": 1}, "unknown_field", "mood"),
        ({"helped": 5}, "not_text", "helped"),
        ({"entry": ["1"]}, "not_text", "entry"),
        ({"agreements": "deadline"}, "not_a_list", "agreements"),
        ({"agreements": [{"who": "me"}]}, "required_text", "agreements[0].what"),
        (
            {"agreements": [{"what": "x", "due": "volgende week"}]},
            "not_a_date",
            "agreements[0].due",
        ),
        ({"agreements": [{"what": "x", "when": "soon"}]}, "unknown_field", "agreements[0].when"),
        ({"agreements": ["x"]}, "field_not_object", "agreements[0]"),
    ],
)
def test_followup_refusals_name_the_field(
    change: dict, code: str, field: str, now: datetime
) -> None:
    data = {key: value for key, value in {**FOLLOWUP, **change}.items() if value is not None}
    with pytest.raises(ValidationError) as caught:
        parse_followup(data, now=now)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_a_checkin_file_becomes_a_checkin(now: datetime) -> None:
    checkin = parse_checkin(
        {
            "went_well": "Ik heb nee gezegd tegen een extra klus.",
            "was_hard": "Het overleg op dinsdag.",
            "learned": "Pauzes helpen.",
            "do_differently": "Eerder aangeven dat het te veel is.",
            "capacity": 6,
            "load": 8,
            "pillars": {"trust": "Ik durfde meer te zeggen."},
        },
        now=now,
    )
    assert (checkin.capacity, checkin.load) == (6, 8)
    assert checkin.pillars == {"trust": "Ik durfde meer te zeggen."}


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        ({"capacity": 11}, "out_of_range", "capacity"),
        ({"load": -1}, "out_of_range", "load"),
        ({"went_well": 3}, "not_text", "went_well"),
        ({"mood": "ok"}, "unknown_field", "mood"),
        ({"pillars": {"money": "x"}}, "unknown_field", "pillars.money"),
        ({"pillars": "trust"}, "field_not_object", "pillars"),
        ({}, "empty_checkin", ""),
        ({"went_well": "  "}, "empty_checkin", ""),
        ([], "not_an_object", ""),
    ],
)
def test_checkin_refusals_name_the_field(
    data: object, code: str, field: str, now: datetime
) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_checkin(data, now=now)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_an_agreement_is_overdue_only_when_open_and_past_its_date() -> None:
    today = date(2026, 12, 6)
    assert Agreement("x", due=date(2026, 12, 5)).overdue(today)
    assert not Agreement("x", due=date(2026, 12, 6)).overdue(today)
    assert not Agreement("x", due=date(2026, 12, 5), done=True).overdue(today)
    assert not Agreement("x").overdue(today)
