"""The vault's Ed25519 signing key, kept sealed, and the standard encodings of its public half."""

from __future__ import annotations

import base64

import nacl.exceptions
import nacl.signing

from . import aead
from .errors import AuthenticationFailed, MalformedKey

_SEAL_AD = b"strongroom signing key v1"
# DER SubjectPublicKeyInfo prefix for an Ed25519 key (RFC 8410).
_ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def new_signing_seed() -> bytes:
    return bytes(nacl.signing.SigningKey.generate())


def seal_signing_seed(wrap_key: bytes, seed: bytes) -> bytes:
    return aead.seal(wrap_key, seed, _SEAL_AD)


def open_signing_seed(wrap_key: bytes, sealed: bytes) -> bytes:
    return aead.open_sealed(wrap_key, sealed, _SEAL_AD)


class Signer:
    """Signs with the vault key. Holds the seed only while the vault is unlocked."""

    def __init__(self, seed: bytes) -> None:
        self._key = nacl.signing.SigningKey(seed)

    @property
    def public_key(self) -> bytes:
        return bytes(self._key.verify_key)

    def sign(self, message: bytes) -> bytes:
        """Raw 64-byte Ed25519 signature (what ``openssl pkeyutl -verify -rawin`` checks)."""
        return self._key.sign(message).signature


def verify(public_key: bytes, message: bytes, signature: bytes) -> None:
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, ValueError) as exc:
        raise AuthenticationFailed("signature does not verify") from exc


def public_key_pem(public_key: bytes) -> str:
    der = _ED25519_SPKI_PREFIX + public_key
    body = base64.b64encode(der).decode("ascii")
    return f"-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----\n"


def public_key_from_pem(pem: str) -> bytes:
    lines = [ln.strip() for ln in pem.strip().splitlines()]
    if len(lines) < 3 or lines[0] != "-----BEGIN PUBLIC KEY-----" or (
        lines[-1] != "-----END PUBLIC KEY-----"
    ):
        raise MalformedKey("not a PEM public key")
    try:
        der = base64.b64decode("".join(lines[1:-1]), validate=True)
    except ValueError as exc:
        raise MalformedKey("PEM body is not base64") from exc
    if len(der) != len(_ED25519_SPKI_PREFIX) + 32 or not der.startswith(_ED25519_SPKI_PREFIX):
        raise MalformedKey("PEM key is not an Ed25519 public key")
    return der[len(_ED25519_SPKI_PREFIX) :]
