"""Key hierarchy: a random master key, wrapped under a passphrase key and a recovery key, and
purpose sub-keys derived from it with libsodium's ``crypto_kdf`` construction."""

from __future__ import annotations

import base64
import hmac
import re
from enum import IntEnum

import nacl.encoding
import nacl.hash
import nacl.utils

from . import aead
from .errors import MalformedKey

MASTER_KEY_BYTES = 32
KDF_CONTEXT = b"SRvault1"  # crypto_kdf context: exactly 8 bytes


class Purpose(IntEnum):
    """crypto_kdf sub-key ids. Each key does exactly one job; ids are never reused."""

    CATALOG = 1  # SQLCipher raw key
    DEDUP_MAC = 2  # reserved, unused: deduplication is by SHA-256 inside the encrypted catalog
    INDEX = 3  # reserved, unused: the index files are objects with keys of their own
    EXPORT = 4  # reserved, unused
    SIGNING_WRAP = 5  # wraps the Ed25519 seed
    WITNESS = 6  # seals the witnesses kept outside the vault folder, and names them


def new_master_key() -> bytes:
    return nacl.utils.random(MASTER_KEY_BYTES)


def kdf_derive(key: bytes, subkey_id: int, context: bytes, size: int = 32) -> bytes:
    """libsodium ``crypto_kdf_derive_from_key``: BLAKE2b keyed with ``key``, salt = id as 8
    little-endian bytes and 8 zero bytes, personalisation = context and 8 zero bytes."""
    if len(context) != 8:
        raise ValueError("crypto_kdf context must be 8 bytes")
    return nacl.hash.blake2b(
        b"",
        digest_size=size,
        key=key,
        salt=subkey_id.to_bytes(8, "little") + bytes(8),
        person=context + bytes(8),
        encoder=nacl.encoding.RawEncoder,
    )


def subkey(master: bytes, purpose: Purpose) -> bytes:
    return kdf_derive(master, int(purpose), KDF_CONTEXT)


def wrap_key(kek: bytes, key: bytes, associated: bytes) -> bytes:
    return aead.seal(kek, key, associated)


def unwrap_key(kek: bytes, wrapped: bytes, associated: bytes) -> bytes:
    return aead.open_sealed(kek, wrapped, associated)


# Recovery key: 32 random bytes plus a 2-byte BLAKE2b check, written in RFC 4648 base32 without
# padding, in groups of four. The check catches typing mistakes before the vault is tried.
RECOVERY_SECRET_BYTES = 32
_RECOVERY_CHECK_BYTES = 2
_RECOVERY_CONTEXT = b"SRrecov1"


def _recovery_check(secret: bytes) -> bytes:
    return nacl.hash.blake2b(
        secret,
        digest_size=_RECOVERY_CHECK_BYTES,
        person=_RECOVERY_CONTEXT + bytes(8),
        encoder=nacl.encoding.RawEncoder,
    )


def new_recovery_secret() -> bytes:
    return nacl.utils.random(RECOVERY_SECRET_BYTES)


def format_recovery_key(secret: bytes) -> str:
    text = base64.b32encode(secret + _recovery_check(secret)).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(typed: str) -> bytes:
    """Accept the key with any spacing, dashes or case; 0/1/8 read as O/I/B."""
    cleaned = re.sub(r"[\s\-_]", "", typed).upper().translate(str.maketrans("018", "OIB"))
    pad = "=" * (-len(cleaned) % 8)
    try:
        raw = base64.b32decode(cleaned + pad)
    except ValueError as exc:
        raise MalformedKey("the recovery key has characters that do not belong in it") from exc
    if len(raw) != RECOVERY_SECRET_BYTES + _RECOVERY_CHECK_BYTES:
        raise MalformedKey("the recovery key has the wrong length")
    # The last character carries a few unused bits; a decoder ignores them, so a typo there
    # could slip past the check. Only the one canonical spelling is accepted.
    if base64.b32encode(raw).decode("ascii").rstrip("=") != cleaned:
        raise MalformedKey("the recovery key is mistyped (its last character is not possible)")
    secret, check = raw[:RECOVERY_SECRET_BYTES], raw[RECOVERY_SECRET_BYTES:]
    if not hmac.compare_digest(check, _recovery_check(secret)):
        raise MalformedKey("the recovery key is mistyped (its check characters do not match)")
    return secret


def recovery_kek(secret: bytes) -> bytes:
    """The recovery secret has full entropy, so a keyed hash (no Argon2id) makes its key."""
    return kdf_derive(secret, 1, _RECOVERY_CONTEXT)
