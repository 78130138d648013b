"""Authenticated encryption: AEGIS-256 from libsodium, with a random 256-bit nonce.

AEGIS-256 takes a 32-byte key and a 32-byte nonce and appends a 32-byte tag. A random nonce of that
length never repeats in practice, so no counter state has to be kept on disk.
"""

from __future__ import annotations

import nacl.bindings as sodium
import nacl.exceptions
import nacl.utils

from .errors import AuthenticationFailed

KEY_BYTES: int = sodium.crypto_aead_aegis256_KEYBYTES
NONCE_BYTES: int = sodium.crypto_aead_aegis256_NPUBBYTES
TAG_BYTES: int = sodium.crypto_aead_aegis256_ABYTES
OVERHEAD: int = NONCE_BYTES + TAG_BYTES


def random_key() -> bytes:
    return nacl.utils.random(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """Return ``nonce || ciphertext || tag``."""
    nonce = nacl.utils.random(NONCE_BYTES)
    return nonce + sodium.crypto_aead_aegis256_encrypt(plaintext, associated, nonce, key)


def open_sealed(key: bytes, sealed: bytes, associated: bytes) -> bytes:
    """Inverse of :func:`seal`; raises :class:`AuthenticationFailed` on any mismatch."""
    if len(sealed) < OVERHEAD:
        raise AuthenticationFailed("sealed data is shorter than nonce and tag")
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        return sodium.crypto_aead_aegis256_decrypt(body, associated, nonce, key)
    except nacl.exceptions.CryptoError as exc:
        raise AuthenticationFailed("authentication failed") from exc
