"""The folder's seal: a small file that says the folder is encrypted, apart from the
store file itself, and how far sealing or opening it got.

- `sealing`: `encrypt` is under way (or was interrupted); every plain file is to be sealed.
- `sealed`: everything is sealed; a plain store here is an old copy put back, and
  nothing is written until `encrypt` seals it again.
- `opening`: `decrypt` is under way (or was interrupted); every file is to be opened.

The seal holds the key's header (KDF parameters, salt, key check): enough to check a
passphrase, nothing that reveals it or the data."""

from __future__ import annotations

import base64
import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from veerkracht.core.errors import VeerkrachtError
from veerkracht.store.fsutil import atomic_write, fsync_dir

STATES = ("sealing", "sealed", "opening")


@dataclass(frozen=True)
class Seal:
    state: str
    header: bytes


def read_seal(path: Path) -> Seal | None:
    """The seal, or None when the folder is not encrypted; a damaged seal is named."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise VeerkrachtError("seal_damaged", path=str(path)) from None
    try:
        seal = Seal(data["state"], base64.b64decode(data["header"], validate=True))
    except (KeyError, TypeError, ValueError):
        raise VeerkrachtError("seal_damaged", path=str(path)) from None
    if seal.state not in STATES:
        raise VeerkrachtError("seal_damaged", path=str(path))
    return seal


def write_seal(path: Path, state: str, header: bytes) -> None:
    data = {"state": state, "header": base64.b64encode(header).decode()}
    atomic_write(path, json.dumps(data).encode())


def remove_seal(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fsync_dir(path.parent)
