"""Passphrase encryption of the store: AES-256-GCM under a key from Argon2id.

A sealed file is a header, a fresh 12-byte nonce and the ciphertext with its tag:

    magic "VKENC\\x01" | memory KiB, iterations, lanes (3 × uint32) | salt (16) |
    key check (32) | nonce (12) | ciphertext + tag

The header is authenticated as associated data. The key check (an HMAC of the
derived key) tells a wrong passphrase apart from a damaged file, which jrnl cannot.
The key is derived once per process; each write gets a new random nonce.
"""

from __future__ import annotations

import hmac
import os
import struct
import unicodedata
from dataclasses import dataclass
from hashlib import sha256

from veerkracht.core.errors import VeerkrachtError

MAGIC = b"VKENC\x01"
_HEADER = struct.Struct(">6sIII16s32s")
NONCE_SIZE = 12
SALT_SIZE = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: about 0.25 s and 64 MiB on a current laptop."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4


DEFAULT_PARAMS = KdfParams()
#: The only costs a header may ask for: around what veerkracht writes, so a tampered
#: header cannot make a command spend minutes and gigabytes before it says "wrong" (at
#: the top of these bounds the key takes about half a second).
_MEMORY_KIB = (8, 128 * 1024)
_ITERATIONS = (1, 4)
_LANES = (1, 8)
#: A passphrase to encrypt with has at least this many characters.
MIN_PASSPHRASE = 8


def new_passphrase(chosen: str, again: str | None = None) -> str:
    """A passphrase to encrypt with, checked: typed the same twice (when `again` is
    given), not empty and not too short."""
    from veerkracht.core.errors import VeerkrachtError

    if again is not None and again != chosen:
        raise VeerkrachtError("passphrase_mismatch")
    if not chosen.strip():
        raise VeerkrachtError("passphrase_empty")
    if len(chosen.strip()) < MIN_PASSPHRASE:
        raise VeerkrachtError("passphrase_too_short", length=MIN_PASSPHRASE)
    return chosen


def passphrase_bytes(passphrase: str) -> bytes:
    """The bytes a passphrase stands for: é typed as one character or as e + accent is
    the same passphrase (NFC)."""
    return typed_bytes(unicodedata.normalize("NFC", passphrase))


def typed_bytes(text: str) -> bytes:
    """`text` as UTF-8, keeping what UTF-8 cannot say: bytes that were not UTF-8 in a
    POSIX environment come back as they were; a lone surrogate, which Windows' UTF-16
    environment can hold, is kept as its code point."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC[:5])


@dataclass(frozen=True)
class Vault:
    """An unlocked key with the header it belongs to."""

    params: KdfParams
    salt: bytes
    key: bytes
    check: bytes

    @classmethod
    def create(cls, passphrase: str, params: KdfParams | None = None) -> Vault:
        """A new key from `passphrase` with a fresh random salt, under DEFAULT_PARAMS
        (read when called, so tests that are not about the KDF can make it cheap)."""
        return cls._derive(passphrase, params or DEFAULT_PARAMS, os.urandom(SALT_SIZE))

    @classmethod
    def unlock(cls, blob: bytes, passphrase: str, path: str) -> Vault:
        """The key for a sealed `blob` (or a folder's key header); a wrong passphrase or
        a damaged header is named."""
        params, salt, check = _read_header(blob, path)
        vault = cls._derive(passphrase, params, salt)
        if not hmac.compare_digest(vault.check, check):
            # Stores sealed before passphrases were normalised: the exact bytes typed.
            raw = typed_bytes(passphrase)
            if raw != passphrase_bytes(passphrase):
                vault = cls._derive(passphrase, params, salt, raw)
            if not hmac.compare_digest(vault.check, check):
                raise VeerkrachtError("wrong_passphrase", path=path)
        return vault

    @classmethod
    def _derive(
        cls, passphrase: str, params: KdfParams, salt: bytes, secret: bytes | None = None
    ) -> Vault:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        master = Argon2id(
            salt=salt,
            length=32,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        ).derive(passphrase_bytes(passphrase) if secret is None else secret)
        key = hmac.digest(master, b"veerkracht aes-256-gcm key", sha256)
        check = hmac.digest(master, b"veerkracht key check", sha256)
        return cls(params, salt, key, check)

    def header(self) -> bytes:
        p = self.params
        return _HEADER.pack(MAGIC, p.memory_kib, p.iterations, p.lanes, self.salt, self.check)

    def seal(self, plaintext: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        header, nonce = self.header(), os.urandom(NONCE_SIZE)
        return header + nonce + AESGCM(self.key).encrypt(nonce, plaintext, header)

    def open(self, blob: bytes, path: str) -> bytes:
        """The plaintext of `blob`; a file sealed with another key, or changed, is named."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        params, salt, check = _read_header(blob, path)
        if (params, salt, check) != (self.params, self.salt, self.check):
            raise VeerkrachtError("wrong_passphrase", path=path)
        if len(blob) < _HEADER.size + NONCE_SIZE + 16:
            raise VeerkrachtError("store_damaged", path=path)
        header = blob[: _HEADER.size]
        nonce = blob[_HEADER.size : _HEADER.size + NONCE_SIZE]
        try:
            return AESGCM(self.key).decrypt(nonce, blob[_HEADER.size + NONCE_SIZE :], header)
        except InvalidTag:
            raise VeerkrachtError("store_damaged", path=path) from None


def header_of(blob: bytes) -> bytes:
    """The header of a sealed file: enough to check a passphrase, nothing secret."""
    return blob[: _HEADER.size]


def _read_header(blob: bytes, path: str) -> tuple[KdfParams, bytes, bytes]:
    if len(blob) < _HEADER.size:
        raise VeerkrachtError("store_damaged", path=path)
    magic, memory, iterations, lanes, salt, check = _HEADER.unpack_from(blob)
    sane = (
        magic == MAGIC
        and _LANES[0] <= lanes <= _LANES[1]
        and max(_MEMORY_KIB[0], 8 * lanes) <= memory <= _MEMORY_KIB[1]
        and _ITERATIONS[0] <= iterations <= _ITERATIONS[1]
    )
    if not sane:
        raise VeerkrachtError("store_damaged", path=path)
    return KdfParams(memory, iterations, lanes), salt, check
