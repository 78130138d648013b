"""Passphrase key derivation: Argon2id (libsodium ``crypto_pwhash``, ALG_ARGON2ID13)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import nacl.pwhash.argon2id as argon2id
import nacl.utils

from .errors import KdfParametersRejected

SALT_BYTES: int = argon2id.SALTBYTES  # 16

# Caps applied to limits read from a header. libsodium SENSITIVE is 4 passes / 1 GiB; anything far
# beyond that is treated as damage or an attack on the machine that opens the vault.
MAX_OPSLIMIT = 16
MAX_MEMLIMIT = 2 * 1024**3


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. ``memlimit`` is in bytes, as libsodium counts it."""

    opslimit: int
    memlimit: int

    def check(self) -> None:
        if not (argon2id.OPSLIMIT_MIN <= self.opslimit <= MAX_OPSLIMIT):
            raise KdfParametersRejected(f"Argon2id opslimit {self.opslimit} is out of range")
        if not (argon2id.MEMLIMIT_MIN <= self.memlimit <= MAX_MEMLIMIT):
            raise KdfParametersRejected(f"Argon2id memlimit {self.memlimit} is out of range")


# The product default: libsodium's MODERATE limits (3 passes over 256 MiB), about one second on a
# two-core laptop. Tests replace it with CHEAP_FOR_TESTS themselves.
MODERATE = KdfParams(argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
INTERACTIVE = KdfParams(argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)
SENSITIVE = KdfParams(argon2id.OPSLIMIT_SENSITIVE, argon2id.MEMLIMIT_SENSITIVE)
CHEAP_FOR_TESTS = KdfParams(1, 8 * 1024 * 1024)


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC-normalise and UTF-8 encode, so that the same words typed on another keyboard layout or
    operating system (composed or decomposed letters) give the same key."""
    if not passphrase:
        raise ValueError("the passphrase is empty")
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_salt() -> bytes:
    return nacl.utils.random(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParams, size: int = 32) -> bytes:
    params.check()
    if len(salt) != SALT_BYTES:
        raise KdfParametersRejected("Argon2id salt has the wrong length")
    return argon2id.kdf(
        size,
        normalize_passphrase(passphrase),
        salt,
        opslimit=params.opslimit,
        memlimit=params.memlimit,
    )
