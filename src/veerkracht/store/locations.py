"""Where veerkracht keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "veerkracht"
HOME_ENV = "VEERKRACHT_HOME"


def data_dir(override: Path | str | None = None) -> Path:
    """`--data-dir`, else `VEERKRACHT_HOME`, else the platform's user data dir."""
    chosen = override or os.environ.get(HOME_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir  # imported here: only needed without an override

    return Path(user_data_dir(APP_NAME, appauthor=False))


def documents_dir() -> Path:
    """Where a file the user saves goes unless they say otherwise: their documents
    folder, else their home folder."""
    from platformdirs import user_documents_dir

    chosen = Path(user_documents_dir())
    return chosen if chosen.is_dir() else Path.home()


def local_folder() -> Path:
    """A folder on this computer itself, for when the documents folder is synced online
    (OneDrive's Known Folder Move does that on many work laptops): Downloads, which sync
    clients leave alone, else the home folder."""
    from platformdirs import user_downloads_dir

    from veerkracht.store.privacy import synced_root

    for folder in (Path(user_downloads_dir()), Path.home()):
        if folder.is_dir() and synced_root(folder) is None:
            return folder
    return Path.home()
