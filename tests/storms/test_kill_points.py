"""Every command can be interrupted: killed at any point (each rename, link and unlink
in turn, by strace's fault injection), the next run of the same command finishes the
job, and no file in the data folder is ever readable while the store is sealed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veerkracht.cli import app
from veerkracht.core.model import now
from veerkracht.store.crypto import MAGIC
from veerkracht.store.drafts import Draft
from veerkracht.store.store import Store

STRACE = shutil.which("strace")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(STRACE is None, reason="needs strace")]

PASSPHRASE = "paars konijn fietst naar huis"
SECRETS = ["GEHEIM-EEN", "GEHEIM-TWEE", "GEHEIM-DRIE", "CONCEPT-GEHEIM"]
#: The file-system calls a command can be killed at (CPython: rename() and link()).
CALLS = {"rename": "rename,renameat,renameat2", "link": "link,linkat", "unlink": "unlink,unlinkat"}
KILLED = (-9, 137)


def veerkracht(
    home: Path, *args: str, stdin: str | None = None, kill: tuple[str, int] | None = None
):
    command = [sys.executable, "-m", "veerkracht", *args]
    if kill is not None:
        calls, when = kill
        inject = f"inject={CALLS[calls]}:signal=SIGKILL:when={when}"
        command = [STRACE, "-f", "-o", "/dev/null", "-e", inject, *command]
    env = {**os.environ, "VEERKRACHT_HOME": str(home), "VEERKRACHT_PASSPHRASE": PASSPHRASE}
    env.pop("VEERKRACHT_TEST_NOW", None)
    return subprocess.run(
        command, input=stdin, capture_output=True, encoding="utf-8", env=env, timeout=60
    )


def filled(home: Path) -> None:
    """Three reflections with secrets, a follow-up, a draft and one set aside."""
    runner = CliRunner()
    env = {"VEERKRACHT_HOME": str(home)}
    for secret in SECRETS[:3]:
        answers = {"feelings": ["sad"], "private": secret, "share": f"gedeeld {secret}"}
        result = runner.invoke(app, ["reflect", "--from", "-"], input=json.dumps(answers), env=env)
        assert result.exit_code == 0, result.output
    runner.invoke(app, ["followup", "2", "--from", "-"], input='{"went": 3}', env=env)
    draft = Draft(Store(home), "reflect")
    draft.save({"feelings": ["tired"], "fear": SECRETS[3]}, 3, now())
    draft.set_aside(now())
    draft.save({"feelings": ["tired"], "fear": SECRETS[3] + " nieuw"}, 2, now())


def readable(home: Path, secrets: list[str]) -> list[str]:
    """Files in the data folder in which any of `secrets` can be read."""
    return [
        path.name
        for path in home.iterdir()
        if path.is_file() and any(secret.encode() in path.read_bytes() for secret in secrets)
    ]


def sealed(path: Path) -> bool:
    return path.read_bytes().startswith(MAGIC)


def opening(home: Path) -> bool:
    """A decrypt the user asked for is under way: plain bytes are meant to appear."""
    seal = home / "veerkracht.key"
    return seal.exists() and json.loads(seal.read_bytes())["state"] == "opening"


def every_kill(home: Path, template: Path, *args: str, stdin: str | None = None):
    """Yield (calls, when) for every kill point of the command, with `home` freshly
    copied from `template` each time, after the command was killed there."""
    for calls in CALLS:
        when = 1
        while True:
            shutil.rmtree(home, ignore_errors=True)
            shutil.copytree(template, home, symlinks=True)
            result = veerkracht(home, *args, stdin=stdin, kill=(calls, when))
            if result.returncode not in KILLED:
                break  # the command got past its last such call
            yield calls, when
            when += 1


def contents(home: Path) -> dict:
    result = veerkracht(home, "export")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return {kind: sorted(r["uuid"] for r in data[kind]) for kind in ("entries", "followups")}


def test_an_interrupted_encrypt_is_finished_and_never_leaves_a_readable_file(
    tmp_path: Path,
) -> None:
    template = tmp_path / "template"
    filled(template)
    before = contents(template)
    home = tmp_path / "home"
    points = 0
    for point in every_kill(home, template, "encrypt"):
        points += 1
        if sealed(home / "veerkracht.json"):
            assert readable(home, SECRETS) == [], point
        again = veerkracht(home, "encrypt")
        assert again.returncode == 0, (point, again.stderr)
        assert sealed(home / "veerkracht.json")
        assert readable(home, SECRETS) == [], point
        assert contents(home) == before, point
        assert not list(home.glob(".*.tmp")), point
    assert points >= 4


def test_an_interrupted_decrypt_is_finished_and_no_file_stays_sealed(tmp_path: Path) -> None:
    template = tmp_path / "template"
    filled(template)
    before = contents(template)
    assert veerkracht(template, "encrypt").returncode == 0
    home = tmp_path / "home"
    points = 0
    for point in every_kill(home, template, "decrypt"):
        points += 1
        if sealed(home / "veerkracht.json") and not opening(home):
            assert readable(home, SECRETS) == [], point
        again = veerkracht(home, "decrypt")
        assert again.returncode == 0, (point, again.stderr)
        files = [path for path in home.iterdir() if path.name != "veerkracht.json.lock"]
        assert not [path.name for path in files if sealed(path)], point
        assert not (home / "veerkracht.key").exists()
        assert contents(home) == before, point
    assert points >= 4


def test_an_interrupted_forget_is_finished_by_forgetting_again(tmp_path: Path) -> None:
    template = tmp_path / "template"
    filled(template)
    home = tmp_path / "home"
    points = 0
    for point in every_kill(home, template, "forget", "2", "--yes"):
        points += 1
        again = veerkracht(home, "forget", "2", "--yes")
        assert again.returncode == 0, (point, again.stderr)
        assert readable(home, [SECRETS[1]]) == [], point
        assert len(readable(home, [SECRETS[0]])) >= 1  # the others stay, in store and backup
        assert len(contents(home)["entries"]) == 2
    assert points >= 2


def test_an_interrupted_write_loses_nothing_and_leaves_no_temp_file(tmp_path: Path) -> None:
    template = tmp_path / "template"
    filled(template)
    home = tmp_path / "home"
    answers = '{"feelings": ["tense"], "share": "nieuw"}'
    points = 0
    for point in every_kill(home, template, "reflect", "--from", "-", stdin=answers):
        points += 1
        again = veerkracht(home, "reflect", "--from", "-", stdin=answers)
        assert again.returncode == 0, (point, again.stderr)
        assert not list(home.glob(".*.tmp")), point
        entries = contents(home)["entries"]
        assert len(entries) in (4, 5), point  # the killed write happened or it did not
        json.loads((home / "veerkracht.json.bak").read_bytes())  # the backup is whole
    assert points >= 2


def test_an_interrupted_forget_all_is_finished_by_running_it_again(tmp_path: Path) -> None:
    template = tmp_path / "template"
    filled(template)
    home = tmp_path / "home"
    for point in every_kill(home, template, "forget", "--all", "--yes"):
        if (home / "veerkracht.json.bak").exists():
            assert (home / "veerkracht.json").exists(), point  # never a backup alone
        assert veerkracht(home, "forget", "--all", "--yes").returncode == 0
        assert [path.name for path in home.iterdir()] in ([], ["veerkracht.json.lock"])
