"""On Windows a file that another program holds open (a virus scanner, the search
indexer, OneDrive, or a second veerkracht reading the store) cannot be replaced for a
moment: the write tries again for a short, bounded time, then says so, losing nothing."""

from __future__ import annotations

import os
import threading
from datetime import datetime
from pathlib import Path

import pytest

from tests.drive import run
from veerkracht.core.model import parse_answers
from veerkracht.store import fsutil
from veerkracht.store.store import Store


def refusing(times: int | None, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make `os.replace` onto the store fail as Windows does while the file is open:
    `times` times, or for good (None). Returns the targets it was asked to replace."""
    real = os.replace
    asked: list[Path] = []

    def replace(source: str | Path, target: str | Path) -> None:
        asked.append(Path(target))
        if Path(target).name == "veerkracht.json" and (times is None or len(asked) <= times):
            raise PermissionError(13, "Access is denied", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(fsutil.time, "sleep", lambda seconds: None)
    return asked


def entry(now: datetime, share: str) -> object:
    return parse_answers({"feelings": ["tired"], "share": share}, now=now)


def test_a_replace_refused_a_few_times_is_tried_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime(2026, 12, 7, 10, 0).astimezone()
    store.add_entry(entry(now, "eerste"))
    refusing(3, monkeypatch)
    store.add_entry(entry(now, "tweede"))
    assert [e.share for e in store.entries()] == ["eerste", "tweede"]


def test_a_replace_refused_for_good_says_so_and_loses_nothing(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("reflect", "--from", "-", input='{"feelings": ["sad"]}').exit_code == 0
    before = (home / "veerkracht.json").read_bytes()
    asked = refusing(None, monkeypatch)
    result = run("reflect", "--from", "-", input='{"feelings": ["tired"]}')
    assert result.exit_code == 1
    assert "in gebruik door een ander programma" in result.stderr
    assert "Traceback" not in result.output
    assert (home / "veerkracht.json").read_bytes() == before
    tries = [target for target in asked if target.name == "veerkracht.json"]
    assert len(tries) == len(fsutil.REPLACE_PAUSES) + 1  # bounded: about two seconds
    assert not [path for path in home.iterdir() if path.name.endswith(fsutil.TEMP_SUFFIX)]


def test_the_pauses_are_short_and_bounded() -> None:
    assert sum(fsutil.REPLACE_PAUSES) <= 3
    assert max(fsutil.REPLACE_PAUSES) <= 0.5


def test_a_reader_holding_the_store_open_does_not_break_a_save(store: Store) -> None:
    """A `veerkracht history` reading while another process saves: on Windows the open
    file refuses the replace until the reader lets go; on POSIX it never refuses."""
    now = datetime(2026, 12, 7, 10, 0).astimezone()
    store.add_entry(entry(now, "eerste"))
    opened, release = threading.Event(), threading.Event()

    def reader() -> None:
        with store.path.open("rb") as handle:
            handle.read()
            opened.set()
            release.wait(timeout=10)

    holding = threading.Thread(target=reader)
    holding.start()
    opened.wait(timeout=10)
    threading.Timer(0.3, release.set).start()  # the reader lets go while the save waits
    try:
        store.add_entry(entry(now, "tweede"))
    finally:
        release.set()
        holding.join()
    assert [e.share for e in store.entries()] == ["eerste", "tweede"]
    assert [e.share for e in Store(store.directory).entries()] == ["eerste", "tweede"]
