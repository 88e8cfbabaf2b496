"""The folder's encryption: its seal (veerkracht.key), the key asked for once per
process, and sealing or opening every file in an order that an interruption cannot turn
into a mix (see docs/STORE.md, "Encryption")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from veerkracht.core.errors import VeerkrachtError
from veerkracht.store.crypto import MAGIC, Vault, header_of, is_sealed
from veerkracht.store.folder import Folder
from veerkracht.store.fsutil import atomic_write
from veerkracht.store.seal import Seal, read_seal, remove_seal, write_seal


class Sealing:
    """Whether and how the folder is sealed, and the key while this process knows it.

    `unlock` is asked for the passphrase the first time a sealed file is read; a person
    at a terminal (`tries` > 1) may type it again after a wrong one."""

    def __init__(self, folder: Folder, unlock: Callable[[], str] | None, tries: int = 1) -> None:
        self.folder = folder
        self.unlock = unlock
        self.tries = tries
        self.vault: Vault | None = None

    def _opened(self, blob: bytes, path: str) -> Vault:
        """The key for `blob`, asking up to `tries` times; the last wrong answer stands."""
        assert self.unlock is not None
        for attempt in range(1, self.tries + 1):
            try:
                return Vault.unlock(blob, self.unlock(), path)
            except VeerkrachtError as error:
                if error.code != "wrong_passphrase" or attempt == self.tries:
                    raise
        raise AssertionError("unreachable")

    def seal(self, *, write_legacy: bool = False) -> Seal | None:
        """The folder's seal. A store sealed before seals existed gets one (under the
        lock, `write_legacy`), from its own header."""
        seal = read_seal(self.folder.key)
        if seal is None and is_sealed_file(self.folder.store):
            seal = Seal("sealed", header_of(self.folder.store.read_bytes()))
            if write_legacy:
                write_seal(self.folder.key, seal.state, seal.header)
        return seal

    def state(self) -> str:
        """`plain`, `sealed`, or `unfinished` (an encrypt or decrypt was interrupted, or
        a plain store was put back into an encrypted folder)."""
        seal = self.seal()
        if seal is None:
            return "plain"
        if seal.state == "sealed" and not self.plain_files():
            return "sealed"
        return "unfinished"

    def key(self, seal: Seal) -> Vault:
        """The key of the folder's seal (asking for the passphrase once per process)."""
        if self.vault is not None and self.vault.header() == seal.header:
            return self.vault
        if self.unlock is None:
            raise VeerkrachtError("passphrase_needed", path=str(self.folder.store))
        self.vault = self._opened(seal.header, str(self.folder.store))
        return self.vault

    def encode(self, data: bytes) -> bytes:
        """`data` as it goes to disk: sealed when the folder is encrypted. Never plain
        into an encrypted folder: without the key this asks for it, or refuses."""
        seal = self.seal()
        if seal is None or seal.state == "opening":
            return data
        return self.key(seal).seal(data)

    def decode(self, raw: bytes, path: Path) -> bytes:
        """Bytes read from disk, opened when sealed (asking for the passphrase once)."""
        if not is_sealed(raw):
            return raw
        if self.vault is None or self.vault.header() != header_of(raw):
            if self.unlock is None:
                raise VeerkrachtError("passphrase_needed", path=str(path))
            self.vault = self._opened(raw, str(path))
        return self.vault.open(raw, str(path))

    def seal_everything(self, vault: Vault) -> None:
        """Seal every plain file: drafts and the backup first, the store last, so the
        store is never sealed while another file is still readable."""
        self.vault = vault
        for path in [*self.folder.drafts(), self.folder.backup, self.folder.store]:
            raw = _read_if_there(path)
            if raw is not None and not is_sealed(raw):
                _write(path, vault.seal(raw))
        write_seal(self.folder.key, "sealed", vault.header())

    def open_everything(self, vault: Vault, damaged: Callable[[], VeerkrachtError]) -> None:
        """Open every sealed file: the store first, drafts last; then the seal goes."""
        for path in [self.folder.store, self.folder.backup, *self.folder.drafts()]:
            raw = _read_if_there(path)
            if raw is None or not is_sealed(raw):
                continue
            try:
                plain = vault.open(raw, str(path))
            except VeerkrachtError:
                if path == self.folder.store:
                    raise damaged() from None
                continue  # a damaged sealed draft stays as it is: it reveals nothing
            _write(path, plain)
        remove_seal(self.folder.key)
        self.vault = None

    def plain_files(self) -> list[Path]:
        paths = [self.folder.store, self.folder.backup, *self.folder.drafts()]
        return [path for path in paths if path.exists() and not is_sealed_file(path)]


def is_sealed_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return is_sealed(handle.read(len(MAGIC)))
    except OSError:
        return False


def _read_if_there(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as error:
        raise VeerkrachtError("store_unwritable", path=str(path), reason=error.strerror) from None
