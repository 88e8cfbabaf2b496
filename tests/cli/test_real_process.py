"""The command as a person runs it: a real process, its output in a file or a pipe.
Windows gives a redirected stream its ANSI code page (cp1252) unless the program says
otherwise; veerkracht writes UTF-8 there, so every character survives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Beyond cp1252: arrows, a block, an emoji, and a character from another script.
WIDE = "Ik ben moe → ik zeg het 😊 ✓ ż"


def veerkracht(home: Path, *args: str, stdin: str = "", stdout: object = subprocess.PIPE):
    env = {
        **os.environ,
        "VEERKRACHT_HOME": str(home),
        "VEERKRACHT_PASSPHRASE": "drie lange woorden",
    }
    env.pop("PYTHONUTF8", None)  # as a user has it: nobody sets this
    env.pop("PYTHONIOENCODING", None)
    return subprocess.run(
        [sys.executable, "-m", "veerkracht", *args],
        input=stdin.encode("utf-8"),
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def saved(home: Path) -> str:
    answers = {"feelings": ["tired"], "intensity": 6, "share": WIDE, "audience": "manager"}
    result = veerkracht(home, "reflect", "--from", "-", stdin=json.dumps(answers))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8").strip()


def test_reflect_from_prints_the_new_id(saved: str) -> None:
    assert saved == "1"


def test_prepare_prints_the_card_in_utf8(home: Path, saved: str) -> None:
    result = veerkracht(home, "prepare", "--format", "markdown")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert WIDE in result.stdout.decode("utf-8")


def test_history_into_a_file_keeps_every_character(home: Path, saved: str, tmp_path: Path) -> None:
    """`veerkracht history > out.txt`: the weeks' chart draws with █ and ┃."""
    target = tmp_path / "out.txt"
    with target.open("wb") as out:
        result = veerkracht(home, "history", stdout=out)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    written = target.read_text(encoding="utf-8")
    assert "█" in written or "┃" in written
    assert "reflectie" in written


def test_export_writes_utf8_json(home: Path, saved: str, tmp_path: Path) -> None:
    target = tmp_path / "kopie.json"
    result = veerkracht(home, "export", "--output", str(target))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["entries"][0]["share"] == WIDE
    assert str(target) in result.stderr.decode("utf-8")  # says where the file went


def test_encrypt_seals_the_store_and_it_still_reads(home: Path, saved: str) -> None:
    result = veerkracht(home, "encrypt")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert WIDE.encode("utf-8") not in (home / "veerkracht.json").read_bytes()
    shown = veerkracht(home, "history", "--format", "json")
    assert shown.returncode == 0
    assert json.loads(shown.stdout.decode("utf-8"))["entries"][0]["id"] == "1"


def test_an_error_is_one_line_in_utf8(home: Path) -> None:
    result = veerkracht(home, "reflect", "--from", "-", stdin='{"feelings": ["moeë"]}')
    assert result.returncode == 1
    said = result.stderr.decode("utf-8")
    assert "moeë" in said
    assert "Traceback" not in said
