"""An unfinished reflection, kept in its own small file so saving it is instant."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from veerkracht.errors import VeerkrachtError
from veerkracht.fsutil import atomic_write
from veerkracht.model import now

if TYPE_CHECKING:
    from veerkracht.storage import Store


class Draft:
    """The draft of one flow (e.g. `reflect`): answers so far and the step reached.
    Sealed like the store when the store is encrypted."""

    def __init__(self, store: Store, name: str) -> None:
        self.store = store
        self.directory = store.directory
        self.path = store.directory / f"draft-{name}.json"

    def load(self) -> dict[str, Any] | None:
        """The saved draft, or None. A damaged draft is set aside, never overwritten."""
        try:
            data = json.loads(self.store.decode(self.path.read_bytes(), self.path))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, VeerkrachtError):
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".damaged"))
            return None
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            return None
        return data

    def save(self, answers: dict[str, Any], step: int) -> None:
        record = {"answers": answers, "step": step, "saved": now().isoformat()}
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            data = json.dumps(record, ensure_ascii=False).encode()
            # Under the store's lock, so `encrypt` in another process cannot miss it.
            with self.store.locked():
                self.store.unlock_now()  # an encrypted store seals its drafts too
                atomic_write(self.path, self.store.encode(data))
        except OSError as error:
            raise VeerkrachtError(
                "store_unwritable", path=str(self.path), reason=error.strerror
            ) from None

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def saved_at(draft: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(draft["saved"])
    except (KeyError, TypeError, ValueError):
        return None
