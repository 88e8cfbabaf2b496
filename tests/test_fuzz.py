"""Whatever file a user hands over: never a traceback, always exit 1 or 2 with one line,
and the store exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_cli import run
from veerkracht.core.model import ANSWER_FIELDS, OPTIONS

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
answer_values = json_values | st.lists(option_like, max_size=3) | option_like
answers_like = st.dictionaries(
    st.sampled_from([*ANSWER_FIELDS, "mood", "id"]), answer_values, max_size=6
)
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def seeded(home: Path) -> bytes:
    if not (home / "veerkracht.json").exists():
        assert run("reflect", "--from", "-", input='{"feelings": ["tired"]}').exit_code == 0
    return (home / "veerkracht.json").read_bytes()


def check_refusal_or_success(result, home: Path, before: bytes) -> None:
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 0:
        return
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert (home / "veerkracht.json").read_bytes() == before


@SETTINGS
@given(data=answers_like | json_values)
def test_any_answers_file(home: Path, data: object) -> None:
    before = seeded(home)
    result = run("reflect", "--from", "-", input=json.dumps(data))
    check_refusal_or_success(result, home, before)
    if result.exit_code == 0:
        assert result.stdout.strip().isdigit()


@SETTINGS
@given(text=st.text(max_size=60))
def test_any_text_as_answers(home: Path, text: str) -> None:
    before = seeded(home)
    check_refusal_or_success(run("reflect", "--from", "-", input=text), home, before)


@SETTINGS
@given(
    entries=st.lists(answers_like | json_values, max_size=3),
    extra=st.dictionaries(
        st.sampled_from(["followups", "checkins", "agreements", "x"]),
        st.lists(json_values, max_size=2),
        max_size=2,
    ),
)
def test_any_import_file(home: Path, entries: list, extra: dict) -> None:
    before = seeded(home)
    data = {"format": "veerkracht-export", "version": 1, "entries": entries, **extra}
    result = run("import", "-", input=json.dumps(data))
    check_refusal_or_success(result, home, before)


FOLLOWUP_KEYS = ["entry", "went", "as_feared", "helped", "agreements", "next_step", "x"]


@SETTINGS
@given(data=json_values | st.dictionaries(st.sampled_from(FOLLOWUP_KEYS), json_values))
def test_any_followup_and_checkin_file(home: Path, data: object) -> None:
    before = seeded(home)
    for command in ("followup", "checkin"):
        result = run(command, "--from", "-", input=json.dumps(data))
        check_refusal_or_success(result, home, before)
        before = (home / "veerkracht.json").read_bytes()
