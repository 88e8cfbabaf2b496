"""`veerkracht support` from a file: the note saved, the guide printed, refusals named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.drive import assert_refused, run, write
from veerkracht.store.store import Store

MANAGER = {
    "role": "manager",
    "name": "S.",
    "signals": ["quiet", "working_late"],
    "noticed": "Ze mailt de laatste weken vaak na tienen.",
    "hybrid": True,
    "answers": {"one_on_ones": "Met Sam al twee maanden niet."},
}


def test_support_from_a_file_saves_and_prints_the_guide(tmp_path: Path, home: Path) -> None:
    result = run("support", "--from", str(write(tmp_path / "s.json", MANAGER)), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["support"], data["role"], data["lang"]) == ("1", "manager", "nl")
    assert "1" in result.stderr
    assert run("support", "--show", "1", "--format", "markdown").stdout.startswith("# Gespreksgids")
    listing = run("support", "--list").stdout
    assert "leidinggevende · S." in listing
    assert run("history", "--support").stdout == listing
    assert json.loads(run("history", "--support", "--format", "json").stdout)[0]["name"] == "S."
    assert run("history", "--format", "json").exit_code == 0  # kept apart from reflections
    assert json.loads(run("history", "--format", "json").stdout)["patterns"]["count"] == 0


def test_support_notes_are_exported_and_forgotten(tmp_path: Path, home: Path) -> None:
    run("support", "--from", str(write(tmp_path / "s.json", MANAGER)))
    exported = json.loads(run("export").stdout)
    assert exported["supports"][0]["name"] == "S."
    run("forget", "--all", "--yes")
    assert run("import", "-", input=json.dumps(exported)).exit_code == 0
    assert Store(home).support("1").name == "S."


def test_bad_support_input_is_refused(tmp_path: Path) -> None:
    assert_refused(run("support", "--from", "-", input='{"role": "boss"}'), "'role'")
    assert_refused(run("support", "--show", "4"), "4")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "audience",
    ["colleague", "manager", "hr", "confidential_adviser", "works_council", "company_doctor"],
)
def test_a_share_speaks_for_the_user_never_to_them(language: str, audience: str) -> None:
    """Finding 9: a share written for the manager said "je leidinggevende" to the
    manager. What is meant for someone else speaks about the user, in the first person."""
    from veerkracht.content import Content

    answers = {"feelings": ["tired"], "desired_change": "rust", "audience": audience}
    run("reflect", "--from", "-", input=json.dumps(answers))
    sections = "situation,impact,need,asks,boundaries,follow_up"
    result = run("share", "last", "--include", sections, "--to", audience, "--lang", language)
    assert result.exit_code == 0, result.output
    content = Content(language)
    with_them = content.text("scripts", "audiences", audience, "with")
    assert with_them not in result.stdout
    for to_the_user in ("Jij bepaalt", "You decide", "je leidinggevende", "your manager"):
        assert to_the_user not in result.stdout
    assert content.text("scripts", "shared", "title") in result.stdout
