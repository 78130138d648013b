"""Sealed object chunks: the unit stored in one pack slot.

An object is cut into 64 KiB plaintext chunks; the last one is zero-padded to 64 KiB so that every
slot is the same size. Each chunk is sealed with the object's own random data key and associated
data that binds it to its place: format version, object id, chunk index and whether it is the last
chunk (the idea of age's STREAM construction). Moving, reordering, truncating or extending chunks,
or swapping them between objects, makes authentication fail.
"""

from __future__ import annotations

import struct

import nacl.bindings as sodium
import nacl.exceptions
import nacl.utils

from . import aead
from .errors import AuthenticationFailed

CHUNK_BYTES = 64 * 1024
SLOT_BYTES = aead.NONCE_BYTES + CHUNK_BYTES + aead.TAG_BYTES  # 65,600
OBJECT_ID_BYTES = 16
CHUNK_FORMAT_VERSION = 1

_AD = struct.Struct(">4sH16sQB")  # magic, version, object id, chunk index, final flag
_AD_MAGIC = b"SRCK"
_ZERO_CHUNK = bytes(CHUNK_BYTES)


def chunk_associated_data(object_id: bytes, index: int, final: bool) -> bytes:
    if len(object_id) != OBJECT_ID_BYTES:
        raise ValueError("object id must be 16 bytes")
    return _AD.pack(_AD_MAGIC, CHUNK_FORMAT_VERSION, object_id, index, 1 if final else 0)


def chunk_count(size: int) -> int:
    """An empty object still has one (all-padding) chunk, so its end is authenticated too."""
    return max(1, -(-size // CHUNK_BYTES))


def seal_chunk(key: bytes, object_id: bytes, index: int, final: bool, plaintext: bytes) -> bytes:
    """Return one slot's bytes: ``nonce || ciphertext(64 KiB) || tag``."""
    if len(plaintext) > CHUNK_BYTES:
        raise ValueError("chunk plaintext larger than 64 KiB")
    if len(plaintext) < CHUNK_BYTES:
        if not final:
            raise ValueError("only the final chunk may be short")
        plaintext = plaintext + _ZERO_CHUNK[len(plaintext) :]
    nonce = nacl.utils.random(aead.NONCE_BYTES)
    ad = chunk_associated_data(object_id, index, final)
    return nonce + sodium.crypto_aead_aegis256_encrypt(plaintext, ad, nonce, key)


def decoy_slot() -> bytes:
    """One slot of free space, made exactly as a sealed chunk is made: a chunk of zeros sealed
    under a fresh random key and object id that are dropped at once. Nothing tells it from a
    slot in use (there is no key to find, and the layout is the same), and it costs only the
    cipher (AEGIS-256, fast where the CPU has AES instructions)."""
    return seal_chunk(aead.random_key(), nacl.utils.random(OBJECT_ID_BYTES), 0, True,
                      _ZERO_CHUNK)


def open_chunk(
    key: bytes, object_id: bytes, index: int, final: bool, slot: bytes | memoryview, length: int
) -> bytes:
    """Authenticate and decrypt one slot; return its first ``length`` plaintext bytes.

    The padding of a final chunk must be zeros: anything else means the recorded length is wrong.
    """
    if len(slot) != SLOT_BYTES:
        raise AuthenticationFailed("slot is truncated")
    nonce, body = bytes(slot[: aead.NONCE_BYTES]), bytes(slot[aead.NONCE_BYTES :])
    ad = chunk_associated_data(object_id, index, final)
    try:
        plain = sodium.crypto_aead_aegis256_decrypt(body, ad, nonce, key)
    except nacl.exceptions.CryptoError as exc:
        raise AuthenticationFailed("chunk authentication failed") from exc
    if length < CHUNK_BYTES:
        if plain[length:] != _ZERO_CHUNK[length:]:
            raise AuthenticationFailed("chunk padding is not zero")
        return plain[:length]
    return plain
