"""The data folder: the name of every file veerkracht keeps there, in one place, and
how the folder is kept private (0700, parents included, never a loose folder)."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from veerkracht.core.errors import VeerkrachtError
from veerkracht.store.fsutil import TEMP_SUFFIX
from veerkracht.store.privacy import tighten

STORE = "veerkracht.json"
BACKUP = f"{STORE}.bak"
LOCK = f"{STORE}.lock"
#: The folder's seal: present while (and as long as) the folder is encrypted.
KEY = "veerkracht.key"
#: The journal of a `forget` that has not finished yet.
FORGETTING = "veerkracht.forgetting"
REMINDED = "reminded.json"
DRAFT_PREFIX = "draft-"
#: Between a draft's name and the moment it was set aside: `draft-reflect@20261123-140210`.
ASIDE_MARK = "@"
PRIVATE_DIR = 0o700


#: Windows' reparse tags of a symbolic link and of a junction (a link to a folder).
LINK_TAGS = (0xA000000C, 0xA0000003)  # IO_REPARSE_TAG_SYMLINK, IO_REPARSE_TAG_MOUNT_POINT


def is_link(path: Path) -> bool:
    """A symbolic link, or on Windows a junction (which `is_symlink` does not see)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISLNK(info.st_mode) or getattr(info, "st_reparse_tag", 0) in LINK_TAGS


@dataclass(frozen=True)
class Folder:
    """Where one user's files are."""

    path: Path

    @property
    def store(self) -> Path:
        return self.path / STORE

    @property
    def backup(self) -> Path:
        return self.path / BACKUP

    @property
    def lock(self) -> Path:
        return self.path / LOCK

    @property
    def key(self) -> Path:
        return self.path / KEY

    @property
    def forgetting(self) -> Path:
        return self.path / FORGETTING

    @property
    def reminded(self) -> Path:
        return self.path / REMINDED

    def draft(self, name: str) -> Path:
        return self.path / f"{DRAFT_PREFIX}{name}.json"

    def set_aside(self, name: str, stamp: str, number: int = 1) -> Path:
        """Where a draft set aside at `stamp` goes (`number` when that name is taken)."""
        suffix = "" if number == 1 else f"-{number}"
        return self.path / f"{DRAFT_PREFIX}{name}{ASIDE_MARK}{stamp}{suffix}.json"

    def drafts_set_aside(self, name: str) -> list[Path]:
        """The drafts of `name` set aside, oldest first."""
        return sorted(self.path.glob(f"{DRAFT_PREFIX}{name}{ASIDE_MARK}*.json"))

    def drafts(self) -> list[Path]:
        """Every draft, set aside or set apart as damaged included."""
        return sorted(self.path.glob(f"{DRAFT_PREFIX}*"))

    def temps(self) -> list[Path]:
        """Temp files a killed writer may have left (only ever ours: dot, .tmp)."""
        return sorted(self.path.glob(f".*{TEMP_SUFFIX}"))

    def everything(self) -> list[Path]:
        """Every file veerkracht wrote here, in the order `forget --all` removes them:
        the backup first and the store last, so an interrupted forget never leaves a
        backup without its store; the seal just before the store."""
        return [
            self.backup,
            *self.drafts(),
            *self.temps(),
            self.reminded,
            self.forgetting,
            self.key,
            self.store,
        ]

    def secure(self) -> None:
        """Create the folder (and missing parents) readable by the user alone, and
        tighten a folder that others could write to; refuse when that is not possible."""
        missing = [folder for folder in (self.path, *self.path.parents) if not folder.exists()]
        try:
            for folder in reversed(missing):
                folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
                if sys.platform == "win32":
                    tighten(folder)  # modes mean nothing there: an access list does
            if sys.platform == "win32":
                tighten(self.path)
            elif stat.S_IMODE(self.path.stat().st_mode) & 0o077:
                self.path.chmod(PRIVATE_DIR)
        except OSError as error:
            raise VeerkrachtError(
                "directory_unusable", path=str(self.path), reason=error.strerror
            ) from None
        if not self.path.is_dir():
            raise VeerkrachtError("directory_unusable", path=str(self.path), reason="not a folder")

    def refuse_links(self) -> None:
        """The store, its backup and the drafts are real files here, never links to
        elsewhere (a write would replace the link, the backup would point at someone's
        file, and `encrypt` would read the file a draft points at and seal it in here):
        neither a symbolic link nor, on Windows, a junction."""
        for path in (self.store, self.backup):
            if is_link(path):
                raise VeerkrachtError("store_is_link", path=str(path))
        for path in self.drafts():
            refuse_draft_link(path)


def refuse_draft_link(path: Path) -> None:
    """A draft is a real file in the data folder, never read or written through a link."""
    if is_link(path):
        raise VeerkrachtError("draft_is_link", path=str(path))
