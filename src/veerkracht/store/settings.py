"""The user's settings: a small TOML file in the platform's config dir."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from veerkracht.store.locations import APP_NAME

CONFIG_ENV = "VEERKRACHT_CONFIG"
SETTINGS_FILE = "settings.toml"


@dataclass(frozen=True)
class Settings:
    language: str | None = None
    reminders: bool = True
    theme: str | None = None
    #: Folders the user says a sync client copies online (besides the ones veerkracht
    #: knows: OneDrive, Dropbox, iCloud, Google Drive).
    synced: tuple[str, ...] = ()


def config_dir() -> Path:
    """`VEERKRACHT_CONFIG`, else the platform's user config dir."""
    chosen = os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def save_settings(settings: Settings) -> None:
    """Write the settings file atomically (0600, like everything veerkracht writes)."""
    from veerkracht.store.fsutil import write_output

    lines = [f"reminders = {'true' if settings.reminders else 'false'}"]
    if settings.language:
        lines.insert(0, f'language = "{settings.language}"')
    if settings.theme:
        lines.append(f'theme = "{settings.theme}"')
    if settings.synced:
        lines.append(f"synced = {json.dumps(list(settings.synced), ensure_ascii=False)}")
    config_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
    write_output(settings_path(), "\n".join(lines) + "\n")


def load_settings() -> Settings:
    """The saved settings; defaults where the file is missing or unreadable."""
    try:
        data = tomllib.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    language = data.get("language")
    theme = data.get("theme")
    synced = data.get("synced", [])
    if not isinstance(synced, list):
        synced = []
    return Settings(
        language=language if language in ("nl", "en") else None,
        reminders=data.get("reminders", True) is not False,
        theme=theme if isinstance(theme, str) and theme.replace("-", "").isalnum() else None,
        synced=tuple(folder for folder in synced if isinstance(folder, str) and folder.strip()),
    )
