"""Promises that hold when files or text are hostile: a swapped store, a damaged one,
markup and escape codes in what people type, tampered headers, odd ids, loose folders."""

from __future__ import annotations

import json
import os
import stat
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.drive import assert_private, assert_refused, open_to_everyone, run
from veerkracht.core.own_words import sentence
from veerkracht.core.textsafe import json_escaped, json_escaped_bytes
from veerkracht.store import folder as folder_module
from veerkracht.store.crypto import MAGIC

PASSPHRASE = "paars konijn fietst naar huis"


def reflect(**answers: object) -> str:
    result = run("reflect", "--from", "-", input=json.dumps({"feelings": ["sad"], **answers}))
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def files(home: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(home.iterdir()) if path.is_file()}


# -- 2. an encrypted folder never takes plain text ------------------------------------------


def test_a_plain_copy_put_back_into_an_encrypted_folder_is_refused_then_sealed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect(private="OUD-GEHEIM")
    old_plain = (home / "veerkracht.json").read_bytes()
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", PASSPHRASE)
    assert run("encrypt").exit_code == 0
    (home / "veerkracht.json").write_bytes(old_plain)  # a sync folder, a restore
    before = files(home)

    result = run("reflect", "--from", "-", input='{"feelings": ["tired"], "private": "NIEUW"}')
    assert_refused(result, "veerkracht encrypt")
    assert files(home) == before  # nothing written, in the clear or otherwise
    assert_refused(run("history", "--format", "json"), "veerkracht encrypt")

    assert run("encrypt").exit_code == 0  # seals it again, with the same passphrase
    assert (home / "veerkracht.json").read_bytes().startswith(MAGIC)
    assert run("reflect", "--from", "-", input='{"feelings": ["tired"]}').exit_code == 0
    assert not any(b"OUD-GEHEIM" in data for data in files(home).values())


def test_resuming_an_encryption_needs_the_same_passphrase(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect()
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", PASSPHRASE)
    run("encrypt")
    seal = json.loads((home / "veerkracht.key").read_text(encoding="utf-8"))
    (home / "veerkracht.key").write_text(json.dumps({**seal, "state": "sealing"}), encoding="utf-8")
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "een heel andere zin")
    assert_refused(run("encrypt"), "wachtzin")


# -- 3. a damaged store is never written over -------------------------------------------------

BROKEN = [
    ("feelings", None),
    ("feelings", "tired"),
    ("feelings", ["happy"]),
    ("intensity", "5"),
    ("intensity", 11),
    ("intensity", True),
    ("created", "gisteren"),
    ("created", None),
    ("asks", "Kunnen we praten?"),
    ("relations", ["overleg"]),
    ("private", 42),
    ("audience", "boss"),
    ("uuid", 7),
    ("id", "een"),
    ("colour", "blauw"),
]


@pytest.mark.parametrize(("field", "value"), BROKEN)
def test_a_store_with_a_wrong_record_is_named_and_never_written_over(
    home: Path, field: str, value: object
) -> None:
    reflect()
    reflect()
    data = json.loads((home / "veerkracht.json").read_bytes())
    record = data["entries"]["1"]
    if value is None:
        record.pop(field, None)
    else:
        record[field] = value
    (home / "veerkracht.json").write_text(json.dumps(data), encoding="utf-8")
    before = files(home)
    for command in (["reflect", "--from", "-"], ["history", "--format", "json"], ["prepare", "2"]):
        result = run(*command, input='{"feelings": ["tired"]}')
        assert_refused(result, "beschadigd", "veerkracht.json.bak")
    assert files(home) == before  # twice refused: the good backup is still the good one


def test_a_missing_store_with_its_backup_is_named_not_empty(home: Path) -> None:
    reflect()
    reflect()
    (home / "veerkracht.json").unlink()
    backup = (home / "veerkracht.json.bak").read_bytes()
    assert_refused(run("history", "--format", "json"), "veerkracht.json.bak")
    assert_refused(run("reflect", "--from", "-", input='{"feelings": ["sad"]}'), "ontbreekt")
    assert (home / "veerkracht.json.bak").read_bytes() == backup
    assert not (home / "veerkracht.json").exists()


FIELDS = ["created", "feelings", "intensity", "went", "as_feared", "due", "done", "what",
          "capacity", "pillars", "entry", "id", "uuid"]  # fmt: skip
TYPES = (
    st.none()
    | st.booleans()
    | st.integers(-3, 30)
    | st.text(max_size=6)
    | st.lists(st.text(max_size=4), max_size=2)
)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(["entries", "followups", "agreements", "checkins"]),
    value=TYPES,
    field=st.sampled_from(FIELDS),
)
def test_any_wrong_value_in_a_store_is_damaged_never_unexpected(
    home: Path, table: str, field: str, value: object
) -> None:
    if not (home / "veerkracht.json").exists():
        reflect()
        run("followup", "--from", "-", input='{"went": 3, "agreements": [{"what": "bellen"}]}')
        run("checkin", "--from", "-", input='{"capacity": 4}')
    path = home / "veerkracht.json"
    original = path.read_bytes()
    data = json.loads(original)
    data[table]["1"][field] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        for command in (["history", "--format", "json"], ["agreements"], ["export"]):
            result = run(*command)
            assert "onverwacht" not in result.stderr, (command, result.stderr)
            assert result.exit_code in (0, 1)
    finally:
        path.write_bytes(original)


# -- 4. what people type is text, never markup or terminal commands ------------------------

HOSTILE = [
    "Kunnen we [ruimte] maken?",
    "Kunnen we [/] even praten?",
    "Dit [/i] en [bold]dit[/bold]",
    "[link=https://example.org]klik[/link] hier",
    "Titel\x1b]0;gehackt\x07 en \x1b[2J scherm weg",
    "*ster* _streep_ `code` <b>vet</b> # kop | tabel",
]


@pytest.mark.parametrize("words", HOSTILE)
def test_typed_words_reach_every_output_literally(home: Path, words: str) -> None:
    shown = words.replace("\x1b", "␛").replace("\x07", "␇")
    reflect(asks=[words], share=words, audience="manager")
    run("followup", "--from", "-", input=json.dumps({"went": 3, "agreements": [{"what": words}]}))
    support = run("support", "--from", "-", input=json.dumps({"noticed": words}))
    assert support.exit_code == 0, support.output
    outputs = {
        "prepare": run("prepare").stdout,
        "prepare markdown": run("prepare", "--format", "markdown").stdout,
        "agreements": run("agreements").stdout,
        "support": support.stdout,
        "share": run("share", "--include", "situation,asks").stdout,
        "export markdown": run("export", "--format", "markdown").stdout,
    }
    for name, text in outputs.items():
        assert "\x1b" not in text and "\x07" not in text, name
        plain = text.replace("\\", "")  # Markdown escapes read as the words themselves
        # literally, but for the case of the first letter inside a frame ("Wat ik merk: …")
        literal = " ".join(shown.split())
        assert literal[1:] in " ".join(plain.split()), (name, text)
    card = json.loads(run("prepare", "--format", "json").stdout)
    asks = next(section for section in card["sections"] if section["key"] == "asks")
    # a capital and a full stop, or framed as a whole sentence, the words kept
    (line,) = asks["lines"]
    assert line == sentence(shown) or line.endswith(sentence(shown)[1:]), line
    assert len(json.loads(run("export").stdout)["supports"]) == 1  # saved once, said once


PIECES = [*"ab [/]*_`<>#|\\{}!~\n\t", "\x1b", "\x07", "\x9b", "\u202e", "[b]", "[/]", "[link=x]"]


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(PIECES), min_size=1, max_size=20)
    .map("".join)
    .filter(lambda text: text.strip())
)
def test_no_escape_byte_ever_reaches_an_output(home: Path, words: str) -> None:
    if (home / "veerkracht.json").exists():
        run("forget", "--all", "--yes")
    reflect(share=words, asks=[words], fear=words)
    run("followup", "--from", "-", input=json.dumps({"went": 2, "agreements": [{"what": words}]}))
    support = run("support", "--from", "-", input=json.dumps({"noticed": words, "name": "A"}))
    results = [
        run("prepare"), run("prepare", "--format", "markdown"), run("agreements"), support,
        run("share", "--include", "situation,asks"), run("export", "--format", "markdown"),
        run("history"), run("support", "--list"),
    ]  # fmt: skip
    for result in results:
        assert result.exit_code == 0, result.output
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert bad not in result.stdout and bad not in result.stderr


#: A C1 control (CSI, which a terminal reads like ESC [) and the direction overrides.
STEERING = "Gevoel\x9b2J, \u202eniet\u202c en \u2066ook\u2069\x90."


def test_c1_controls_and_direction_overrides_are_escaped_in_every_json_output(
    home: Path,
) -> None:
    """A leak in issue 25: U+009B and U+202E came out raw in JSON, where ESC and BEL are
    escaped. Now every JSON output escapes them too, and reads back to the same words."""
    reflect(feelings_note=STEERING, fear=STEERING)
    run(
        "followup", "--from", "-", input=json.dumps({"went": 3, "agreements": [{"what": STEERING}]})
    )
    assert (
        run("plan", "start", "--from", "-", input=json.dumps({"goals": [STEERING]})).exit_code == 0
    )
    outputs = {
        "history": run("history", "--format", "json"),
        "plan": run("plan", "--format", "json"),
        "agreements": run("agreements", "--format", "json"),
        "plan share": run("plan", "share", "--include", "goals,agreements", "--format", "json"),
        "export": run("export"),
        "prepare": run("prepare", "--format", "json"),
    }
    for name, result in outputs.items():
        assert result.exit_code == 0, (name, result.output)
        for bad in ("\x90", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069"):
            assert bad not in result.stdout, (name, bad)
    for name in ("plan", "agreements", "plan share", "export"):
        assert "\\u009b" in outputs[name].stdout and "\\u202e" in outputs[name].stdout, name
    exported = json.loads(outputs["export"].stdout)
    assert exported["entries"][0]["feelings_note"] == STEERING  # the words are kept
    assert json.loads(outputs["plan"].stdout)["plan"]["goals"] == [STEERING]
    # On the way to a terminal they never arrive raw either.
    for args in (("history",), ("plan",), ("agreements",), ("plan", "share", "--include", "goals")):
        shown = run(*args).stdout
        for bad in ("\x90", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069"):
            assert bad not in shown, (args, bad)


def test_the_json_escapes_agree_for_text_and_bytes() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    data = json.dumps(every, ensure_ascii=False)
    escaped = json_escaped(data)
    assert json_escaped_bytes(data.encode()) == escaped.encode()
    assert json.loads(escaped) == every
    assert not any(0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E for c in escaped)


# -- 6. a tampered key header fails fast -----------------------------------------------------


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [(4 * 1024 * 1024, 64, 4), (64 * 1024, 64, 4), (4 * 1024 * 1024, 3, 4), (64 * 1024, 3, 64)],
)
def test_a_header_asking_for_a_huge_key_is_damaged_without_deriving(
    home: Path, monkeypatch: pytest.MonkeyPatch, memory_kib: int, iterations: int, lanes: int
) -> None:
    import struct

    from veerkracht.store import crypto

    reflect()
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", PASSPHRASE)
    assert run("encrypt").exit_code == 0
    for name in ("veerkracht.json", "veerkracht.key"):
        path = home / name
        if name.endswith(".key"):
            data = json.loads(path.read_text(encoding="utf-8"))
            import base64

            header = bytearray(base64.b64decode(data["header"]))
            struct.pack_into(">III", header, 6, memory_kib, iterations, lanes)
            data["header"] = base64.b64encode(bytes(header)).decode()
            path.write_text(json.dumps(data), encoding="utf-8")
        else:
            blob = bytearray(path.read_bytes())
            struct.pack_into(">III", blob, 6, memory_kib, iterations, lanes)
            path.write_bytes(bytes(blob))

    def no_derivation(*args: object, **kwargs: object) -> None:
        raise AssertionError("a tampered header must be refused before deriving a key")

    monkeypatch.setattr(crypto.Vault, "_derive", classmethod(no_derivation))
    assert_refused(run("history", "--format", "json"), "beschadigd")


# -- 7. what export writes, import reads ---------------------------------------------------------


def test_an_import_with_a_huge_id_still_round_trips(home: Path, tmp_path: Path) -> None:
    reflect()
    data = json.loads(run("export").stdout)
    data["entries"][0]["id"] = "999999999"
    data["entries"][0]["uuid"] = "1c3d5d7e-2f0b-4e8e-9d2a-1b7c4f6a9e01"
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run("import", str(path)).exit_code == 0
    reflect()
    again = tmp_path / "again.json"
    assert run("export", "-o", str(again)).exit_code == 0
    ids = [entry["id"] for entry in json.loads(again.read_text(encoding="utf-8"))["entries"]]
    assert "1000000000" in ids  # the counter went past the imported id
    run("forget", "--all", "--yes")
    assert run("import", str(again)).exit_code == 0
    assert len(json.loads(run("export").stdout)["entries"]) == 3


# -- smaller promises ------------------------------------------------------------------------


def test_no_write_leaves_a_temp_file(home: Path) -> None:
    for _ in range(3):
        reflect()
    assert [path.name for path in home.iterdir() if path.name.endswith(".tmp")] == []


def test_a_loose_data_folder_is_made_private(home: Path) -> None:
    reflect()
    open_to_everyone(home)
    reflect()
    assert_private(home)


def test_new_folders_inside_an_open_folder_are_private(tmp_path: Path) -> None:
    """A data folder on another drive or a share inherits what its parent allows there."""
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    open_to_everyone(shared)
    target = shared / "a" / "data"
    result = run("--data-dir", str(target), "reflect", "--from", "-", input='{"feelings": ["sad"]}')
    assert result.exit_code == 0, result.output
    for path in (shared / "a", target, target / "veerkracht.json"):
        assert_private(path)


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="umask is POSIX; on Windows folders inherit an access list: "
    "test_new_folders_inside_an_open_folder_are_private",
)
def test_new_parent_folders_are_private_even_under_umask_000(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "data"
    old = os.umask(0)
    try:
        result = run(
            "--data-dir", str(target), "reflect", "--from", "-", input='{"feelings": ["sad"]}'
        )
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_store_that_is_a_link_elsewhere_is_refused(home: Path, tmp_path: Path) -> None:
    reflect()
    elsewhere = tmp_path / "elders.json"
    (home / "veerkracht.json").rename(elsewhere)
    (home / "veerkracht.json").symlink_to(elsewhere)
    if not (home / "veerkracht.json").is_symlink():
        pytest.skip(
            "this system makes no symlink that reads back as one (Wine); the refusal of "
            "Windows' links: test_links_and_junctions_are_known_by_their_reparse_tag"
        )
    before = elsewhere.read_bytes()
    assert_refused(run("reflect", "--from", "-", input='{"feelings": ["sad"]}'), "koppeling")
    assert elsewhere.read_bytes() == before
    assert not (home / "veerkracht.json.bak").is_symlink()


@pytest.mark.parametrize("name", ["draft-reflect.json", "draft-reflect@20261101-090000.json"])
def test_a_draft_that_is_a_link_elsewhere_is_refused_and_never_sealed_in(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A leak in issue 25: `encrypt` read the file a draft linked to and sealed its content
    into the data folder. Now a draft link is refused by name, like the store's."""
    reflect()
    elsewhere = tmp_path / "iemand-anders.json"
    elsewhere.write_text('{"answers": {"fear": "niet van jou"}, "step": 2}', encoding="utf-8")
    (home / name).symlink_to(elsewhere)
    if not (home / name).is_symlink():
        pytest.skip("this system makes no symlink that reads back as one (Wine)")
    before, store_before = elsewhere.read_bytes(), (home / "veerkracht.json").read_bytes()
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", PASSPHRASE)
    assert_refused(run("encrypt"), "koppeling", name)
    assert not (home / "veerkracht.key").exists()  # nothing half-sealed
    assert (home / "veerkracht.json").read_bytes() == store_before
    assert (home / name).is_symlink() and elsewhere.read_bytes() == before
    assert_refused(run("reflect", "--from", "-", input='{"feelings": ["sad"]}'), name)
    assert elsewhere.read_bytes() == before
    if "@" not in name:  # the current draft: the plain reflection refuses to read it
        assert_refused(run("reflect", "--plain", input="1\n"), name)
    assert run("forget", "--all", "--yes").exit_code == 0  # the link goes, not its file
    assert not (home / name).is_symlink() and elsewhere.read_bytes() == before


@pytest.mark.parametrize(
    ("tag", "refused"),
    [(0xA000000C, True), (0xA0000003, True), (0x9000001A, False), (0, False)],
    ids=["symlink", "junction", "onedrive-placeholder", "plain-file"],
)
def test_links_and_junctions_are_known_by_their_reparse_tag(
    home: Path, monkeypatch: pytest.MonkeyPatch, tag: int, refused: bool
) -> None:
    """Windows reports a link by its reparse tag; `is_symlink` misses junctions. A cloud
    placeholder (OneDrive's files on demand) is a reparse point too, but not a link."""
    reflect()
    real = os.lstat

    def lstat(path: object) -> object:
        found = real(path)  # type: ignore[arg-type]
        if Path(path).name != "veerkracht.json":  # type: ignore[arg-type]
            return found
        return type("Info", (), {"st_mode": found.st_mode, "st_reparse_tag": tag})()

    monkeypatch.setattr(folder_module.os, "lstat", lstat)
    result = run("reflect", "--from", "-", input='{"feelings": ["sad"]}')
    if refused:
        assert_refused(result, "koppeling")
    else:
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["veerkracht.json", "veerkracht.json.bak", "iets.md"])
def test_output_never_lands_in_the_data_folder(home: Path, name: str) -> None:
    reflect()
    reflect()
    before = files(home)
    for command in (["export"], ["prepare"], ["share", "--include", "opening"]):
        assert_refused(run(*command, "--output", str(home / name)), "van veerkracht zelf")
    assert files(home) == before


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="POSIX hands the environment over as bytes; Windows' is UTF-16: "
    "test_a_passphrase_with_a_lone_surrogate_works",
)
def test_a_passphrase_that_is_not_utf8_works(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reflect()
    odd = os.fsdecode(b"wachtzin-\xff\xfe-lang")  # as the environment hands it over
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", odd)
    assert run("encrypt").exit_code == 0
    assert run("history", "--format", "json").exit_code == 0


@pytest.mark.skipif(
    sys.platform != "win32",
    reason="only Windows' UTF-16 environment can hold a lone surrogate; POSIX: "
    "test_a_passphrase_that_is_not_utf8_works",
)
def test_a_passphrase_with_a_lone_surrogate_works(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect()
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", "wachtzin-\ud800-lang")
    assert run("encrypt").exit_code == 0
    assert run("history", "--format", "json").exit_code == 0


def test_a_passphrase_typed_two_ways_is_the_same(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect()
    composed = unicodedata.normalize("NFC", "café met één koekje")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", composed)
    assert run("encrypt").exit_code == 0
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", decomposed)
    assert run("history", "--format", "json").exit_code == 0


@pytest.mark.parametrize("short", ["x", "1234567"])
def test_a_short_passphrase_is_refused_with_a_word(
    home: Path, monkeypatch: pytest.MonkeyPatch, short: str
) -> None:
    reflect()
    before = files(home)
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", short)
    assert_refused(run("encrypt"), "minstens 8")
    assert files(home) == before


def test_forget_again_finishes_an_interrupted_forget(home: Path) -> None:
    reflect(private="WEG-ERMEE")
    reflect()
    # As if forget was killed after writing its journal: the entry is still in the store.
    uuid = json.loads(run("export").stdout)["entries"][0]["uuid"]
    (home / "veerkracht.forgetting").write_text(
        json.dumps({"uuid": uuid, "id": "1"}), encoding="utf-8"
    )
    result = run("forget", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert "afgemaakt" in result.stderr
    assert not any(b"WEG-ERMEE" in data for data in files(home).values())
    assert not (home / "veerkracht.forgetting").exists()
