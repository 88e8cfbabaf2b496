"""Read the JSON or TOML files users hand to `--from` and `import`."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from veerkracht.core.errors import VeerkrachtError, printable

STDIN = "-"


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose every key comes once (JSON would silently keep the last)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def read_data_file(name: str) -> Any:
    """Parse `name` (or stdin for `-`) as TOML when it ends in .toml, else as JSON. A key
    given twice in one object is refused, naming it (TOML refuses that by itself)."""
    text = _read_text(name)
    if name.lower().endswith(".toml"):
        try:
            return tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError) as error:
            raise VeerkrachtError(
                "file_not_parsable", path=name, format="TOML", reason=str(error)
            ) from None
    try:
        return json.loads(text, object_pairs_hook=_once_each)
    except _DuplicateKey as error:
        raise VeerkrachtError("file_duplicate_key", path=name, key=printable(error.key)) from None
    except json.JSONDecodeError as error:
        raise VeerkrachtError(
            "file_not_parsable",
            path=name,
            format="JSON",
            reason=f"{error.msg} (line {error.lineno}, column {error.colno})",
        ) from None
    except (ValueError, RecursionError) as error:  # a 5,000-digit number, deep nesting
        reason = "too deeply nested" if isinstance(error, RecursionError) else str(error)
        raise VeerkrachtError(
            "file_not_parsable", path=name, format="JSON", reason=reason
        ) from None


def _read_text(name: str) -> str:
    if name == STDIN:
        return sys.stdin.read()
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise VeerkrachtError("file_not_found", path=name) from None
    except UnicodeDecodeError:
        raise VeerkrachtError("file_unreadable", path=name, reason="not UTF-8 text") from None
    except OSError as error:
        raise VeerkrachtError("file_unreadable", path=name, reason=error.strerror) from None
