"""Writing a file the user asked for (a card, an export, a calendar file), for both
faces: atomically, and never into the data folder, onto the store or its backup."""

from __future__ import annotations

from pathlib import Path

from veerkracht.store.fsutil import write_beside


def write_for_user(data_folder: Path, path: Path, text: str) -> None:
    """Write `text` to `path`; refused (`output_is_store`) inside `data_folder`."""
    write_beside(data_folder, path, text)
