"""Errors raised by the crypto layer. The archive turns them into user-facing messages."""


class CryptoError(Exception):
    """Base class for every error raised by :mod:`crypto`."""


class AuthenticationFailed(CryptoError):
    """A ciphertext, tag, nonce or its associated data does not match: the bytes were changed,
    moved, or the key is wrong."""


class KdfParametersRejected(CryptoError):
    """Stored key-derivation limits are outside what this program will run (a damaged or
    hostile header must not be able to exhaust memory or time)."""


class MalformedKey(CryptoError):
    """A typed key (recovery key, PEM) does not have the expected form."""
