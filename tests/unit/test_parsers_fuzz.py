"""Whatever a file holds, every parser either gives a record or refuses with a
ValidationError whose message can be said in both languages: never another exception.
(The command line's side, one calm line and an untouched store, is tests/cli/test_fuzz.py.)"""

from __future__ import annotations

import re
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from veerkracht.content import LANGUAGES, Content
from veerkracht.core.cards import CARD_FIELDS, parse_card
from veerkracht.core.errors import ValidationError
from veerkracht.core.model import ANSWER_FIELDS, OPTIONS, parse_answers
from veerkracht.core.records import CHECKIN_FIELDS, FOLLOWUP_FIELDS, parse_checkin, parse_followup
from veerkracht.core.support_note import SUPPORT_FIELDS, parse_support
from veerkracht.services.exchange import KINDS, parse_export

NOW = datetime.fromisoformat("2026-11-23T10:00:00+01:00")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 20)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
option_like = st.sampled_from([key for keys in OPTIONS.values() for key in keys] + ["happy", ""])
values = json_values | st.lists(option_like, max_size=3) | option_like


def objects_with(fields: tuple[str, ...]) -> st.SearchStrategy:
    """Objects with (mostly) the fields a parser knows, holding anything."""
    return st.dictionaries(st.sampled_from([*fields, "mood"]), values, max_size=6)


def parses_or_refuses(parse, data: object) -> None:
    try:
        parse(data)
    except ValidationError as error:
        for language in LANGUAGES:
            message = Content(language).message(error.code, **error.params)
            assert message and not re.search(r"\{[a-z_]+\}", message), message


@given(data=objects_with(ANSWER_FIELDS) | json_values)
def test_answers(data: object) -> None:
    parses_or_refuses(lambda d: parse_answers(d, now=NOW), data)


@given(data=objects_with(FOLLOWUP_FIELDS) | json_values)
def test_followups(data: object) -> None:
    parses_or_refuses(lambda d: parse_followup(d, now=NOW), data)


@given(data=objects_with(CHECKIN_FIELDS) | json_values)
def test_checkins(data: object) -> None:
    parses_or_refuses(lambda d: parse_checkin(d, now=NOW), data)


@given(data=objects_with(SUPPORT_FIELDS) | json_values)
def test_support_notes(data: object) -> None:
    parses_or_refuses(lambda d: parse_support(d, now=NOW), data)


@given(data=objects_with(CARD_FIELDS) | json_values)
def test_edited_cards(data: object) -> None:
    parses_or_refuses(lambda d: parse_card(d, now=NOW), data)


@given(
    records=st.dictionaries(
        st.sampled_from([*KINDS, "x"]),
        st.lists(objects_with((*ANSWER_FIELDS, "id", "uuid", "entry")) | json_values, max_size=3),
        max_size=3,
    ),
    version=st.sampled_from([1, 1, 1, 2, "1", None]),
)
def test_exports(records: dict, version: object) -> None:
    parses_or_refuses(parse_export, {"format": "veerkracht-export", "version": version, **records})
