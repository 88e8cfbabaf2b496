"""The promises about the user's data: encrypted at rest, theirs to take out and delete,
shared only section by section as approved, and never leaving the machine."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.drive import assert_refused, run, write
from veerkracht.store.crypto import MAGIC
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

PASSPHRASE = "paars konijn fietst naar huis"
SECRET = "Mijn moeder heeft de diagnose gekregen"


@pytest.fixture
def filled(
    tmp_path: Path, answers: dict, frozen_clock, now: datetime, followup_file: Callable[..., Any]
) -> dict:
    """Two reflections (the second after the first, made on a fixed day), a follow-up
    with agreements and a check-in."""
    answers = {**answers, "private": SECRET}
    assert run("reflect", "--from", str(write(tmp_path / "a.json", answers))).exit_code == 0
    run("reflect", "--from", "-", input='{"feelings": ["sad"], "share": "Gedeeld verhaal"}')
    run("followup", "1", "--from", str(followup_file(entry=None)))
    run("checkin", "--from", "-", input='{"went_well": "nee gezegd", "capacity": 5}')
    keep_edited_card(now, Store(tmp_path / "home"), "Mijn eigen openingszin.")
    return answers


def keep_edited_card(now: datetime, store: Store, opening: str) -> None:
    """The card of the first reflection, with an opening line of the user's own."""
    from veerkracht.content import Content
    from veerkracht.core.scripts import SECTION_KEYS, build_script, edit_of

    script = build_script(store.entry("1"), Content("nl"))
    store.save_card(edit_of(script, {"opening": [opening]}, set(SECTION_KEYS), {}, now))


@pytest.fixture
def locked(filled: dict, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", PASSPHRASE)
    assert run("encrypt").exit_code == 0
    return filled


# -- encryption -------------------------------------------------------------------------


def test_the_encrypted_store_and_backup_hold_none_of_the_words(locked: dict, home: Path) -> None:
    for path in (home / "veerkracht.json", home / "veerkracht.json.bak"):
        data = path.read_bytes()
        assert data.startswith(MAGIC)
        for words in (SECRET, locked["share"], locked["asks"][0], "tired", "feelings"):
            assert words.encode() not in data, (path, words)


@pytest.mark.real_kdf
def test_encrypt_derives_the_key_with_argon2id_at_its_real_cost(
    filled: dict, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """64 MiB, 3 passes, 4 lanes, written in the header of every sealed file."""
    import struct

    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", PASSPHRASE)
    assert run("encrypt").exit_code == 0
    header = (home / "veerkracht.json").read_bytes()[:18]
    assert header[:6] == b"VKENC\x01"
    assert struct.unpack(">III", header[6:18]) == (64 * 1024, 3, 4)
    assert run("history", "--format", "json").exit_code == 0


def test_everything_still_works_with_the_passphrase(locked: dict) -> None:
    report = json.loads(run("history", "--format", "json").stdout)
    assert [entry["id"] for entry in report["entries"]] == ["1", "2"]
    assert run("reflect", "--from", "-", input='{"feelings": ["angry"]}').stdout == "3\n"
    assert "Gesprekskaart" in run("prepare", "1").stdout


def test_drafts_are_sealed_too(locked: dict, home: Path, now: datetime) -> None:
    store = Store(home, unlock=lambda: PASSPHRASE)
    Draft(store, "reflect").save({"feelings": ["sad"], "private": SECRET}, 3, now)
    raw = (home / "draft-reflect.json").read_bytes()
    assert raw.startswith(MAGIC)
    assert SECRET.encode() not in raw
    again = Store(home, unlock=lambda: PASSPHRASE)
    assert Draft(again, "reflect").load()["answers"]["private"] == SECRET


def test_a_draft_written_before_encrypting_is_sealed_by_encrypt(
    filled: dict, home: Path, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    Draft(Store(home), "reflect").save({"feelings": ["sad"], "private": SECRET}, 2, now)
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", PASSPHRASE)
    run("encrypt")
    assert SECRET.encode() not in (home / "draft-reflect.json").read_bytes()


def test_a_wrong_passphrase_is_one_line_and_changes_no_byte(
    locked: dict, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {path.name: path.read_bytes() for path in home.iterdir()}
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "verkeerd")
    for args in (["history"], ["reflect", "--from", "-"], ["decrypt"], ["export"]):
        result = run(*args, input='{"feelings": ["sad"]}')
        assert_refused(result, "wachtzin", str(home / "veerkracht.json"))
    assert {path.name: path.read_bytes() for path in home.iterdir()} == before


def test_a_tampered_file_is_called_damaged_not_a_wrong_passphrase(locked: dict, home: Path) -> None:
    store_file = home / "veerkracht.json"
    data = bytearray(store_file.read_bytes())
    data[-5] ^= 0x01
    store_file.write_bytes(bytes(data))
    assert_refused(run("history"), "beschadigd", str(store_file))
    assert store_file.read_bytes() == bytes(data)


@pytest.mark.parametrize("length", [10, 60, 90])
def test_a_truncated_encrypted_file_is_called_damaged(
    locked: dict, home: Path, length: int
) -> None:
    store_file = home / "veerkracht.json"
    store_file.write_bytes(store_file.read_bytes()[:length])
    assert_refused(run("history"), "beschadigd")


def test_without_a_passphrase_and_without_a_terminal_it_says_how(
    locked: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VEERKRACHT_PASSPHRASE")
    assert_refused(run("history"), "VEERKRACHT_PASSPHRASE")


def test_encrypting_twice_and_decrypting_plain_are_refused(
    locked: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_refused(run("encrypt"), "al versleuteld")
    assert run("decrypt").exit_code == 0
    assert_refused(run("decrypt"), "niet versleuteld")


def test_decrypting_gives_plain_json_back(locked: dict, home: Path) -> None:
    assert run("decrypt").exit_code == 0
    data = json.loads((home / "veerkracht.json").read_text(encoding="utf-8"))
    assert data["entries"]["1"]["private"] == SECRET
    assert not (home / "veerkracht.json.bak").read_bytes().startswith(MAGIC)


def test_an_empty_passphrase_is_refused(filled: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "  ")
    assert_refused(run("encrypt"), "lege wachtzin")


# -- export, import, forget ----------------------------------------------------------------


def export(tmp_path: Path, name: str = "export.json") -> dict:
    target = tmp_path / name
    assert run("export", "--output", str(target)).exit_code == 0
    return json.loads(target.read_text(encoding="utf-8"))


def test_export_holds_everything_with_uuids(filled: dict, tmp_path: Path) -> None:
    data = export(tmp_path)
    assert (data["format"], data["version"]) == ("veerkracht-export", 1)
    assert [len(data[kind]) for kind in ("entries", "followups", "checkins", "agreements")] == [
        2, 1, 1, 2,
    ]  # fmt: skip
    for kind in ("entries", "followups", "checkins", "agreements", "cards"):
        assert all(record["uuid"] for record in data[kind])
    assert data["entries"][0]["private"] == SECRET
    (card,) = data["cards"]
    assert card["lines"]["opening"] == ["Mijn eigen openingszin."]
    assert card["entry"] == data["entries"][0]["uuid"]


def test_forgetting_a_reflection_forgets_its_edited_cards(filled: dict, home: Path) -> None:
    assert "Mijn eigen openingszin." in run("prepare", "1").stdout
    assert run("forget", "1", "--yes").exit_code == 0
    assert Store(home).contents().cards == []
    for path in (home / "veerkracht.json", home / "veerkracht.json.bak"):
        assert b"Mijn eigen openingszin" not in path.read_bytes()


def test_export_then_forget_all_then_import_gives_everything_back(
    filled: dict, tmp_path: Path, home: Path
) -> None:
    before = export(tmp_path, "before.json")
    assert run("forget", "--all", "--yes").exit_code == 0
    assert not (home / "veerkracht.json").exists()
    result = run("import", str(tmp_path / "before.json"))
    assert result.exit_code == 0, result.output
    assert export(tmp_path, "after.json") == before


def test_a_record_twice_in_one_file_is_added_once(filled: dict, tmp_path: Path) -> None:
    data = export(tmp_path)
    run("forget", "--all", "--yes")
    data["entries"].append(data["entries"][0])
    assert run("import", str(write(tmp_path / "twice.json", data))).exit_code == 0
    assert len(Store(tmp_path / "home").entries()) == 2


def test_importing_twice_adds_nothing_twice(filled: dict, tmp_path: Path) -> None:
    before = export(tmp_path)
    result = run("import", str(tmp_path / "export.json"))
    assert "0 reflecties" in result.stderr
    assert export(tmp_path, "again.json") == before


def test_a_taken_id_is_reassigned_on_import(filled: dict, tmp_path: Path) -> None:
    exported = export(tmp_path)
    other = tmp_path / "other"
    run("--data-dir", str(other), "reflect", "--from", "-", input='{"feelings": ["lonely"]}')
    run("--data-dir", str(other), "import", str(tmp_path / "export.json"))
    entries = {entry.uuid: entry for entry in Store(other).entries()}
    assert len(entries) == 3
    assert sorted(entry.id for entry in entries.values()) == ["1", "2", "3"]
    first, second = (record["uuid"] for record in exported["entries"])
    assert entries[second].id == "2"  # its id was free: kept
    assert entries[first].id == "3"  # its id 1 was taken by "lonely": the next free one


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"format": "jrnl"}, "geen export"),
        ({"version": 2}, "versie 2"),
        ({"entries": [{"feelings": ["tired"]}]}, "entries[0].uuid"),
        ({"entries": "all"}, "'entries'"),
        ({"extra": []}, "'extra'"),
    ],
)
def test_a_bad_import_is_refused_whole(
    filled: dict, tmp_path: Path, home: Path, change: dict, words: str
) -> None:
    data = {**export(tmp_path), **change}
    before = (home / "veerkracht.json").read_bytes()
    assert_refused(run("import", str(write(tmp_path / "bad.json", data))), words)
    assert (home / "veerkracht.json").read_bytes() == before


def test_one_bad_record_stops_the_whole_import(filled: dict, tmp_path: Path, home: Path) -> None:
    data = export(tmp_path)
    run("forget", "--all", "--yes")
    data["entries"][1]["intensity"] = 42
    assert_refused(run("import", str(write(tmp_path / "bad.json", data))), "entries[1].intensity")
    assert data["entries"][0]["intensity"] == 7  # a good record before it: still nothing saved
    assert not (home / "veerkracht.json").exists()


def test_forget_removes_an_entry_with_its_followups_from_store_and_backup(
    filled: dict, home: Path
) -> None:
    result = run("forget", "1", "--yes")
    assert result.exit_code == 0
    for path in (home / "veerkracht.json", home / "veerkracht.json.bak"):
        data = path.read_text(encoding="utf-8")
        assert SECRET not in data
        assert "deadlines later" not in data
    assert [entry.id for entry in Store(home).entries()] == ["2"]
    assert Store(home).followups() == []


def test_forget_asks_first(filled: dict, home: Path) -> None:
    assert_refused(run("forget", "1"), "--yes")
    assert len(Store(home).entries()) == 2


def test_forget_needs_something_to_forget() -> None:
    assert run("forget").exit_code == 2


# -- sharing -------------------------------------------------------------------------------


def test_share_contains_only_the_approved_sections(filled: dict) -> None:
    result = run("share", "1", "--include", "opening,asks")
    assert result.exit_code == 0
    assert "## Zo begin je" in result.stdout
    assert "## Mijn vraag" in result.stdout
    for title in ("Wat er speelt", "Wat ik nodig heb", "Mijn grenzen", "Tips voor jezelf"):
        assert title not in result.stdout
    assert filled["share"][4:].rstrip(".") not in result.stdout
    assert SECRET not in result.stdout


def test_share_never_holds_the_private_text(filled: dict) -> None:
    everything = ",".join(
        ["opening", "situation", "impact", "need", "asks", "boundaries", "follow_up", "tips"]
    )
    result = run("share", "1", "--include", everything)
    # framed as a whole sentence, the words kept: "Wat ik wil vertellen, is dat …"
    assert filled["share"][4:].rstrip(".") in result.stdout
    assert SECRET not in result.stdout


def test_share_to_a_file(filled: dict, tmp_path: Path) -> None:
    target = tmp_path / "voor-anna.md"
    assert run("share", "last", "--include", "need", "-o", str(target)).exit_code == 0
    assert "## Wat ik nodig heb" in target.read_text(encoding="utf-8")


def test_share_without_a_terminal_needs_include(filled: dict) -> None:
    assert_refused(run("share", "1"), "--include")


def test_share_with_an_unknown_section_lists_the_valid_ones(filled: dict) -> None:
    result = run("share", "1", "--include", "opening,diagnosis")
    assert result.exit_code == 2
    assert "diagnosis" in result.output and "follow_up" in result.output


# -- no network ---------------------------------------------------------------------------

NO_NETWORK = r"""
import json, os, sys
used = []
def audit(event, args):
    if event.startswith("socket."):
        used.append(event)
        raise RuntimeError("network use: " + event)
sys.addaudithook(audit)
from typer.testing import CliRunner
from veerkracht.cli import app
home = sys.argv[1]
os.environ["VEERKRACHT_HOME"] = home
os.environ["VEERKRACHT_PASSPHRASE"] = "een twee drie vier"
runner = CliRunner()
answers = json.dumps({"feelings": ["tired"], "intensity": 9, "asks": ["Zullen we praten?"]})
followup = json.dumps({"went": 4, "agreements": [{"what": "bellen"}]})
commands = [
    (["--version"], None), (["--help"], None), (["reflect", "--from", "-"], answers),
    (["prepare"], None), (["prepare", "--format", "json"], None),
    (["prepare", "--format", "markdown"], None), (["history", "--format", "json"], None),
    (["history", "--format", "markdown"], None), (["history"], None),
    (["followup", "--from", "-"], followup), (["agreements"], None),
    (["agreements", "--done", "1"], None), (["checkin", "--from", "-"], '{"capacity": 5}'),
    (["export", "-o", home + "-e.json"], None), (["share", "--include", "opening"], None),
    (["encrypt"], None), (["history", "--format", "json"], None), (["decrypt"], None),
    (["forget", "--all", "--yes"], None), (["import", home + "-e.json"], None),
    (["hulp"], None),
]
for args, stdin in commands:
    result = runner.invoke(app, args, input=stdin)
    assert result.exit_code == 0, (args, result.output)
print("ok", len(commands), used)
"""


def test_no_command_touches_the_network(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, str(tmp_path / "home")],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok 21 []"


# -- found in review ------------------------------------------------------------------------


def test_hulp_never_asks_for_the_passphrase(locked: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone looking for 113 must not meet a passphrase prompt (the reminder check)."""
    monkeypatch.delenv("VEERKRACHT_PASSPHRASE")
    monkeypatch.setattr("veerkracht.cli.session.interactive", lambda: True)
    result = run("hulp")
    assert result.exit_code == 0
    assert "113" in result.stdout
    assert result.stderr == ""


def test_a_store_decrypted_elsewhere_is_not_sealed_again(
    locked: dict, home: Path, now: datetime
) -> None:
    from veerkracht.core.model import parse_answers

    long_lived = Store(home, unlock=lambda: PASSPHRASE)  # e.g. a screen left open
    long_lived.entries()
    assert run("decrypt").exit_code == 0  # another terminal
    long_lived.add_entry(parse_answers({"feelings": ["sad"]}, now=now))
    assert not Store(home).is_encrypted()
    assert len(Store(home).entries()) == 3
