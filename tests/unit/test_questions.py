"""The questions as data, and how a typed line becomes an answer (plain mode)."""

from __future__ import annotations

import pytest

from veerkracht.content import Content
from veerkracht.core.model import OPTIONS
from veerkracht.core.questions import REFLECTION, Unclear, picked
from veerkracht.core.reflection import STEPS
from veerkracht.core.textsafe import typed_line

FEELINGS = OPTIONS["feelings"]
LABELS = [Content("nl").label("feelings", key) for key in FEELINGS]


def test_the_reflection_asks_every_step_between_welcome_and_summary() -> None:
    assert tuple(REFLECTION) == STEPS[1:-1]


@pytest.mark.parametrize(
    ("said", "chosen"),
    [
        ("1,3", ["tired", "sad"]),
        ("3 1", ["tired", "sad"]),
        (" 2 ,, 2 ", ["tense"]),
        ("Moe, verdrietig", ["tired", "sad"]),
        ("tired, 11", ["tired", "frustrated"]),
    ],
)
def test_choices_by_number_or_by_name(said: str, chosen: list[str]) -> None:
    assert picked(said, FEELINGS, LABELS, one=False) == chosen


@pytest.mark.parametrize(
    ("said", "code", "one"),
    [("0", "not_listed", False), ("12", "not_listed", False), ("blij", "not_listed", False),
     ("1,2", "only_one", True)],
)  # fmt: skip
def test_a_choice_that_does_not_fit_is_named(said: str, code: str, one: bool) -> None:
    with pytest.raises(Unclear) as raised:
        picked(said, FEELINGS, LABELS, one=one)
    assert raised.value.code == code


def test_keys_pressed_in_a_bare_terminal_leave_no_trace_in_the_words() -> None:
    assert typed_line("moe\x1b[D\x1b[Cx\x1bOA en\tzo\x07\r\n") == "moex en\tzo"
