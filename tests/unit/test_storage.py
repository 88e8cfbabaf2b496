"""The store keeps every word: atomic, locked, versioned, never overwriting a bad file."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from filelock import FileLock

from tests.drive import assert_private
from veerkracht.core.errors import VeerkrachtError
from veerkracht.core.model import parse_answers
from veerkracht.store import fsutil, tables
from veerkracht.store import store as storage
from veerkracht.store.store import Store


def add(now: datetime, store: Store, **answers: object) -> str:
    return store.add_entry(parse_answers({"feelings": ["tired"], **answers}, now=now)).id


def test_entries_get_short_ids_and_come_back(store: Store, answers: dict, now: datetime) -> None:
    first = store.add_entry(parse_answers(answers, now=now))
    second_id = add(now, store, intensity=3)

    assert (first.id, second_id) == ("1", "2")
    assert store.entry("1") == first
    assert store.entry("last").id == "2"
    assert [entry.id for entry in store.entries()] == ["1", "2"]


def test_last_means_the_newest_reflection_not_the_last_typed(store: Store, now: datetime) -> None:
    add(now, store, created="2026-11-20T10:00:00+01:00")
    add(now, store, created="2026-11-01T10:00:00+01:00")
    assert store.entry("last").id == "1"


def test_an_empty_store_and_an_unknown_id_are_named(store: Store, now: datetime) -> None:
    with pytest.raises(VeerkrachtError) as caught:
        store.entry("last")
    assert caught.value.code == "no_entries"

    add(now, store)
    with pytest.raises(VeerkrachtError) as caught:
        store.entry("7")
    assert (caught.value.code, caught.value.params) == ("entry_not_found", {"ref": "7"})


def test_ids_never_come_back_after_a_record_is_removed(store: Store, now: datetime) -> None:
    add(now, store)
    add(now, store)
    with store.transaction() as data:
        del data["entries"]["2"]
    assert add(now, store) == "3"


def test_files_are_private(store: Store, home: Path, now: datetime) -> None:
    add(now, store)
    add(now, store)
    for path in (home, store.path, store.backup_path, store.folder.lock):
        assert_private(path)


def test_the_file_is_json_with_a_schema_version(store: Store, now: datetime) -> None:
    add(now, store)
    data = json.loads(store.path.read_bytes())
    assert data["meta"]["1"]["schema"] == tables.SCHEMA_VERSION
    assert data["entries"]["1"]["feelings"] == ["tired"]


def test_the_backup_holds_the_previous_good_version(store: Store, now: datetime) -> None:
    add(now, store)
    before = store.path.read_bytes()
    add(now, store)
    assert store.backup_path.read_bytes() == before
    assert store.path.read_bytes() != before


@pytest.mark.parametrize("damage", [b"", b'{"entries": {"1": {"feel', b"[1, 2]", b"\xff\xfe"])
def test_a_damaged_file_is_named_and_never_overwritten(
    store: Store, damage: bytes, now: datetime
) -> None:
    store.directory.mkdir(parents=True)
    store.path.write_bytes(damage)

    for action in (lambda: add(now, store), store.entries):
        with pytest.raises(VeerkrachtError) as caught:
            action()
        assert caught.value.code == "store_damaged"
        assert caught.value.params["path"] == str(store.path)
    assert store.path.read_bytes() == damage


def test_a_damaged_file_points_to_the_backup(store: Store, now: datetime) -> None:
    add(now, store)
    add(now, store)
    store.path.write_bytes(store.path.read_bytes()[:-10])
    with pytest.raises(VeerkrachtError) as caught:
        store.entries()
    assert caught.value.code == "store_damaged_backup"
    assert caught.value.params["backup"] == str(store.backup_path)


def test_a_crash_before_the_rename_leaves_the_old_store(
    store: Store, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    add(now, store)
    before = store.path.read_bytes()

    real_replace = os.replace

    def crash(source: str, target: str) -> None:
        if Path(target) == store.path:
            raise KeyboardInterrupt  # as if the process died between temp file and rename
        real_replace(source, target)

    monkeypatch.setattr(fsutil.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        add(now, store)
    monkeypatch.undo()

    assert store.path.read_bytes() == before
    assert [entry.id for entry in store.entries()] == ["1"]
    assert not list(store.directory.glob("*.tmp"))
    assert not list(store.directory.glob(".*.tmp"))


def test_temp_files_of_a_killed_writer_are_cleaned_up(store: Store, now: datetime) -> None:
    add(now, store)
    stale = store.directory / ".veerkracht.json.abc123.tmp"
    stale.write_bytes(b'{"half')
    add(now, store)
    assert not stale.exists()


def test_a_full_disk_changes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    add(now, store)
    before = store.path.read_bytes()

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "atomic_write", full)
    with pytest.raises(VeerkrachtError) as caught:
        add(now, store)
    assert caught.value.code == "store_unwritable"
    assert caught.value.params["reason"] == os.strerror(errno.ENOSPC)
    assert store.path.read_bytes() == before


def test_a_busy_store_is_a_clear_error(
    store: Store, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    add(now, store)
    monkeypatch.setattr(storage, "LOCK_TIMEOUT_SECONDS", 0.05)
    with FileLock(store.folder.lock), pytest.raises(VeerkrachtError) as caught:
        add(now, store)
    assert caught.value.code == "store_busy"


def test_a_failed_transaction_writes_nothing(store: Store, now: datetime) -> None:
    add(now, store)
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as data:
        data["entries"].clear()
        raise RuntimeError("halfway")
    assert store.path.read_bytes() == before


def test_a_newer_schema_is_refused_untouched(store: Store, now: datetime) -> None:
    store.directory.mkdir(parents=True)
    newer = json.dumps({"meta": {"1": {"schema": tables.SCHEMA_VERSION + 1}}}).encode()
    store.path.write_bytes(newer)
    with pytest.raises(VeerkrachtError) as caught:
        add(now, store)
    assert caught.value.code == "store_too_new"
    assert store.path.read_bytes() == newer


def test_migrations_run_in_order_and_are_saved(
    store: Store, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    add(now, store)

    def rename_feelings(data: tables.Tables) -> None:
        for record in data["entries"].values():
            record["feelings_note"] = "migrated"

    version = tables.SCHEMA_VERSION
    monkeypatch.setattr(tables, "SCHEMA_VERSION", version + 1)
    monkeypatch.setattr(tables, "MIGRATIONS", {**tables.MIGRATIONS, version: rename_feelings})
    assert store.entries()[0].feelings_note == "migrated"
    # reading writes nothing
    assert json.loads(store.path.read_bytes())["meta"]["1"]["schema"] == version

    add(now, store)
    data = json.loads(store.path.read_bytes())
    assert data["meta"]["1"]["schema"] == version + 1
    assert data["entries"]["1"]["feelings_note"] == "migrated"


def test_a_long_lived_reader_and_another_writer_do_not_collide(store: Store, now: datetime) -> None:
    """The TUI holds a Store for its whole session while the CLI adds entries."""
    long_lived = Store(store.directory)
    add(now, long_lived)
    add(now, Store(store.directory))  # the "other process"
    assert add(now, long_lived) == "3"
    assert len(long_lived.entries()) == 3
