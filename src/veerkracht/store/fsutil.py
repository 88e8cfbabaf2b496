"""Durable file writes: a file is either the old version or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
#: Pauses between tries when a file cannot be replaced because another program holds it
#: open (on Windows: a virus scanner, the search indexer, OneDrive, or a second
#: veerkracht reading the store). About two seconds in all, then the write gives up.
REPLACE_PAUSES = (0.01, 0.02, 0.05, 0.1, 0.1, 0.2, 0.25, 0.25, 0.5, 0.5)


class FileInUse(PermissionError):
    """A file stayed locked by another program for every try of `replace`."""


def replace(source: Path, target: Path, *, pause: Callable[[float], None] = time.sleep) -> None:
    """`os.replace`, tried again for a short, bounded time while another program holds
    `target` open (Windows refuses the rename then, with a PermissionError)."""
    for wait in (*REPLACE_PAUSES, None):
        try:
            Path(source).replace(target)
            return
        except PermissionError as error:
            if wait is None:
                raise FileInUse(error.errno, error.strerror, str(target)) from error
            pause(wait)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a 0600 temp file in the same dir (on Windows, one
    with a private access list), fsynced and renamed."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        private_on_windows(Path(temp))
        replace(Path(temp), path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temp).unlink()
        raise
    fsync_dir(path.parent)


def private_on_windows(path: Path) -> None:
    """mkstemp's 0600 means nothing on Windows, where a new file takes the access list
    its folder hands down, and that may let others read: give it a private one. (What
    could not be made private, `privacy.exposures` says.)"""
    if sys.platform != "win32":
        return
    from veerkracht.store import winacl

    with contextlib.suppress(Exception):  # a Windows API answering oddly must not stop a save
        if winacl.broad_readers(path):
            winacl.make_private(path)


def write_output(path: Path, text: str) -> None:
    """Write a file the user asked for, atomically; failures become one clear error."""
    from veerkracht.core.errors import VeerkrachtError

    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as error:
        raise VeerkrachtError(
            "output_unwritable", path=str(path), reason=error.strerror or str(error)
        ) from None


def write_beside(data_folder: Path, path: Path, text: str) -> None:
    """Write a file the user asked for, never into the data folder (onto the store or
    its backup): an export or a card goes somewhere else."""
    from veerkracht.core.errors import VeerkrachtError

    target = path.expanduser().resolve()
    folder = data_folder.resolve()
    if target.parent == folder or target == folder:
        raise VeerkrachtError("output_is_store", path=str(path))
    write_output(path, text)


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_temps(temps: list[Path]) -> None:
    """Delete temp files a killed writer left behind (call only under the lock)."""
    for temp in temps:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def keep_backup(path: Path, backup: Path) -> None:
    """Point `backup` at the current content of `path` (a hard link where possible)."""
    if not path.exists():
        return
    with contextlib.suppress(OSError):
        if backup.exists() and path.samefile(backup):
            return  # already the same file: a rename onto itself would do nothing
    staging = backup.with_name(f".{backup.name}{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:
        atomic_write(staging, path.read_bytes())
    replace(staging, backup)
    fsync_dir(backup.parent)
