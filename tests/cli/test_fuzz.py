"""Whatever file a user hands over: never a traceback, always exit 1 or 2 with one line,
and the store exactly as it was. (Every parser is fuzzed directly in
tests/unit/test_parsers_fuzz.py; here a few shapes go through the whole command.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.drive import run

STRANGE = [
    "",
    "[]",
    "null",
    "12",
    '"feelings"',
    '{"feelings": ["tired"], "intensity": true}',
    '{"feelings": "tired"}',
    '{"feelings": [["tired"]]}',
    '{"feelings": ["tired"], "created": "gisteren"}',
    '{"feelings": ["tired"], "asks": {"1": "x"}}',
    '{"feelings": ["tired"], "relations": {"drains": 5}}',
    '{"went": 9, "agreements": [{"who": "Sam"}]}',
    '{"format": "veerkracht-export", "version": 1, "entries": [{"id": "1"}]}',
    "\x00\x01\x02",
    "feelings = [",
]


@pytest.fixture
def seeded(home: Path) -> bytes:
    assert run("reflect", "--from", "-", input='{"feelings": ["tired"]}').exit_code == 0
    return (home / "veerkracht.json").read_bytes()


def assert_refused_or_saved(result, home: Path, before: bytes) -> None:
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code != 0:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert (home / "veerkracht.json").read_bytes() == before


@pytest.mark.parametrize("text", STRANGE)
@pytest.mark.parametrize("command", ["reflect", "followup", "checkin", "import"])
def test_strange_files_are_refused_in_one_line(
    home: Path, seeded: bytes, command: str, text: str
) -> None:
    args = ["import", "-"] if command == "import" else [command, "--from", "-"]
    assert_refused_or_saved(run(*args, input=text), home, seeded)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(max_size=60))
def test_any_text_as_answers(home: Path, seeded: bytes, text: str) -> None:
    before = (home / "veerkracht.json").read_bytes()
    result = run("reflect", "--from", "-", input=text)
    assert_refused_or_saved(result, home, before)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.dictionaries(st.sampled_from(["went", "agreements", "x"]), st.integers(-1, 9)))
def test_any_followup_file(home: Path, seeded: bytes, data: dict) -> None:
    before = (home / "veerkracht.json").read_bytes()
    result = run("followup", "--from", "-", input=json.dumps(data))
    assert_refused_or_saved(result, home, before)
