"""Strongroom cryptography: libsodium constructions only (through PyNaCl).

Key derivation (Argon2id), key wrapping and purpose sub-keys, sealed 64 KiB object chunks bound to
their place, and the Ed25519 signing key. This package imports nothing else of Strongroom's.
"""

from .errors import AuthenticationFailed, CryptoError, KdfParametersRejected, MalformedKey

__all__ = ["AuthenticationFailed", "CryptoError", "KdfParametersRejected", "MalformedKey"]
