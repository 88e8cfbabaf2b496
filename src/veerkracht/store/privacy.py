"""Whether a folder is as private as veerkracht promises: readable by this user alone,
and kept on this computer (not in a folder that a sync client copies to the cloud).

POSIX has file modes (0700 for the folder, 0600 for files); Windows has access control
lists (see `winacl`). A folder that a sync client watches (OneDrive, often the Documents
folder itself on a work laptop; Dropbox; iCloud; Google Drive; or one the user named in
the settings) sends what is written there off the machine.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Where Windows says OneDrive lives (personal and work or school accounts).
ONEDRIVE_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
#: Sync clients' usual folders, under the home folder.
SYNC_FOLDERS = (
    "Dropbox",
    "Google Drive",
    "My Drive",
    "iCloudDrive",
    "Nextcloud",
    "ownCloud",
    "Library/Mobile Documents",
    "Library/CloudStorage",
)
#: Folders the user marked as synced, besides the settings file: paths split by os.pathsep.
SYNCED_ENV = "VEERKRACHT_SYNCED"


def sync_roots(marked: Iterable[str] = ()) -> Iterator[Path]:
    """Every folder known to be synced: OneDrive's, the usual clients', the user's own."""
    for name in ONEDRIVE_ENV:
        if os.environ.get(name):
            yield Path(os.environ[name])
    home = Path.home()
    for name in SYNC_FOLDERS:
        yield home / name
    with contextlib.suppress(OSError):
        for child in home.iterdir():
            if child.name.startswith("OneDrive"):  # "OneDrive - Company", as Windows names it
                yield child
    extra = [part for part in os.environ.get(SYNCED_ENV, "").split(os.pathsep) if part]
    for chosen in (*marked, *extra):
        yield Path(chosen).expanduser()


def _inside(path: Path, root: Path) -> bool:
    """`path` is `root` or lies below it (case-insensitively where the system is)."""
    normal = os.path.normcase(str(path.absolute()))
    base = os.path.normcase(str(root.absolute())).rstrip("\\/")
    return normal == base or normal.startswith(base + os.sep)


def synced_root(path: Path, marked: Iterable[str] = ()) -> Path | None:
    """The synced folder that `path` lies in, if any."""
    return next((root for root in sync_roots(marked) if _inside(path, root)), None)


def tighten(folder: Path) -> None:
    """Make an existing folder readable by this user alone, as far as the system allows:
    0700 on POSIX, a private access list on Windows. Failures are left to `exposures`."""
    # A Windows API that answers oddly (ctypes raises its own errors) must not stop a
    # save: what could not be made private is said by `exposures`.
    with contextlib.suppress(Exception):
        if sys.platform == "win32":
            from veerkracht.store import winacl

            if winacl.broad_readers(folder):
                winacl.make_private(folder)
        elif stat.S_IMODE(folder.stat().st_mode) & 0o077:
            folder.chmod(0o700)


def readable_by_others(folder: Path) -> list[str]:
    """Who else may read the existing `folder`: groups on Windows, "group"/"others" on
    POSIX; empty when it is the user's alone (or the system cannot tell)."""
    try:
        if sys.platform == "win32":
            from veerkracht.store import winacl

            return winacl.broad_readers(folder) or []
        mode = stat.S_IMODE(folder.stat().st_mode)
    except Exception:
        return []
    return [who for who, bits in (("group", 0o070), ("others", 0o007)) if mode & bits]


def exposures(folder: Path, marked: Iterable[str] = ()) -> list[tuple[str, dict[str, str]]]:
    """What keeps the data `folder` from being private (after tightening what can be),
    as messages: `folder_synced` (it is copied online) and `folder_shared` (others may
    read it)."""
    found: list[tuple[str, dict[str, str]]] = []
    root = synced_root(folder, marked)
    if root is not None:
        found.append(("folder_synced", {"path": str(folder), "root": str(root)}))
    if folder.is_dir():
        tighten(folder)
        others = readable_by_others(folder)
        if others:
            found.append(("folder_shared", {"path": str(folder), "who": ", ".join(others)}))
    return found
