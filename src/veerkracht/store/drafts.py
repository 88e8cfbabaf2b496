"""An unfinished reflection, kept in its own small file so saving it is instant.

Starting over (or choosing not to keep a draft when quitting) never deletes it: the old
one is set aside beside it, with the moment it was set aside in its name, and can be
picked up again later. Only `forget --all`, or 30 days after it was set aside, removes
it."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veerkracht.core.errors import VeerkrachtError
from veerkracht.store.folder import ASIDE_MARK, is_link, refuse_draft_link
from veerkracht.store.fsutil import atomic_write, fsync_dir, replace

if TYPE_CHECKING:
    from veerkracht.store.store import Store

#: How a set-aside draft's name says when it was set aside (local time).
STAMP = "%Y%m%d-%H%M%S"
#: A draft set aside is kept this long, then it goes by itself.
KEPT_ASIDE = timedelta(days=30)


@dataclass(frozen=True)
class SetAside:
    """A draft set aside by "start over": where it is and what it holds."""

    path: Path
    draft: dict[str, Any]


def set_aside_at(path: Path) -> datetime | None:
    """When the draft at `path` was set aside (from its name), or None for a draft that
    is not set aside or whose name says no moment."""
    _, mark, rest = path.stem.partition(ASIDE_MARK)
    try:
        return datetime.strptime(rest[: len("20261123-140210")], STAMP) if mark else None
    except ValueError:
        return None


class Draft:
    """The draft of one flow (e.g. `reflect`): answers so far and the step reached.
    Sealed like the store when the store is encrypted."""

    def __init__(self, store: Store, name: str) -> None:
        self.store = store
        self.name = name
        self.directory = store.directory
        self.path = store.folder.draft(name)

    def load(self) -> dict[str, Any] | None:
        """The saved draft, or None. A damaged draft is set aside, never overwritten; a
        draft that is a link elsewhere is refused (VeerkrachtError), never read."""
        return self._read(self.path)

    def _read(self, path: Path) -> dict[str, Any] | None:
        refuse_draft_link(path)  # what it points at is not ours to read (nor to move)
        try:
            data = json.loads(self.store.decode(path.read_bytes(), path))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, VeerkrachtError):
            with contextlib.suppress(OSError):
                path.replace(path.with_suffix(".damaged"))
            return None
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            return None
        return data

    def save(self, answers: dict[str, Any], step: int, now: datetime) -> None:
        record = {"answers": answers, "step": step, "saved": now.isoformat()}
        data = json.dumps(record, ensure_ascii=False).encode()
        with self._writing():
            refuse_draft_link(self.path)
            self.store.unlock_now()  # an encrypted store seals its drafts too
            atomic_write(self.path, self.store.encode(data))

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def set_aside(self, now: datetime) -> Path | None:
        """Move the draft out of the way (to start over), keeping it to pick up later."""
        with self._writing():
            return self._move_aside(now)

    def set_aside_drafts(self, now: datetime) -> list[SetAside]:
        """The drafts set aside earlier, newest first (damaged ones are skipped); those
        set aside more than 30 days before `now` are removed first."""
        self.remove_old(now)
        found = []
        for path in self.store.folder.drafts_set_aside(self.name):
            if is_link(path):
                continue  # never read through (encrypt and saving refuse it by name)
            data = self._read(path)
            if data is not None:
                found.append(SetAside(path, data))
        return found[::-1]

    def remove_old(self, now: datetime) -> list[Path]:
        """Remove every draft (of any flow) set aside more than 30 days before `now`;
        the paths removed."""
        local = now.replace(tzinfo=None)
        old = [
            path
            for path in self.store.folder.drafts_set_aside("*")
            if (moment := set_aside_at(path)) is not None and local - moment > KEPT_ASIDE
        ]
        if not old:
            return []
        with self._writing():
            for path in old:
                path.unlink(missing_ok=True)
            fsync_dir(self.directory)
        return old

    def take_back(self, aside: Path, now: datetime) -> None:
        """Make a set-aside draft the current one again; the current one (if any) is set
        aside in its turn, so nothing is lost either way."""
        with self._writing():
            self._move_aside(now)
            replace(aside, self.path)
            fsync_dir(self.directory)

    def _move_aside(self, now: datetime) -> Path | None:
        refuse_draft_link(self.path)
        if not self.path.exists():
            return None
        stamp = now.strftime(STAMP)
        number = 1
        while (target := self.store.folder.set_aside(self.name, stamp, number)).exists():
            number += 1
        replace(self.path, target)
        fsync_dir(self.directory)
        return target

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Under the store's lock, so `encrypt` in another process cannot miss a draft;
        a failure is one clear error."""
        try:
            with self.store.locked():
                yield
        except OSError as error:
            raise VeerkrachtError(
                "store_unwritable", path=str(self.path), reason=error.strerror
            ) from None


def saved_at(draft: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(draft["saved"])
    except (KeyError, TypeError, ValueError):
        return None


def step_of(draft: dict[str, Any], steps: int) -> int:
    """The step a draft of a flow with `steps` steps was at (1 when it says nothing
    sensible)."""
    step = draft.get("step", 1)
    return step if isinstance(step, int) and 0 < step < steps else 1
