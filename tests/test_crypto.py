"""The crypto layer against libsodium itself: chunk binding, key wrapping, KDF rules."""

from __future__ import annotations

import hashlib

import nacl.bindings as sodium
import pytest

from crypto import aead, chunks, keys, signing
from crypto.errors import AuthenticationFailed, KdfParametersRejected, MalformedKey
from crypto.kdf import CHEAP_FOR_TESTS, KdfParams, derive_key, new_salt

OID = bytes(range(16))
KEY = bytes(32)


def test_chunk_round_trip_and_padding() -> None:
    slot = chunks.seal_chunk(KEY, OID, 3, True, b"hello")
    assert len(slot) == chunks.SLOT_BYTES
    assert chunks.open_chunk(KEY, OID, 3, True, slot, 5) == b"hello"


@pytest.mark.parametrize(
    ("oid", "index", "final"),
    [(bytes(16), 3, True), (OID, 4, True), (OID, 3, False)],
    ids=["other-object", "other-index", "not-final"],
)
def test_chunk_bound_to_its_place(oid: bytes, index: int, final: bool) -> None:
    slot = chunks.seal_chunk(KEY, OID, 3, True, b"hello")
    with pytest.raises(AuthenticationFailed):
        chunks.open_chunk(KEY, oid, index, final, slot, 5)


def test_chunk_wrong_recorded_length_is_caught() -> None:
    slot = chunks.seal_chunk(KEY, OID, 0, True, b"hello")
    with pytest.raises(AuthenticationFailed):
        chunks.open_chunk(KEY, OID, 0, True, slot, 3)


def test_only_final_chunk_may_be_short() -> None:
    with pytest.raises(ValueError, match="final"):
        chunks.seal_chunk(KEY, OID, 0, False, b"short")


def test_chunk_is_plain_libsodium_aegis256() -> None:
    """What FORMAT.md says, checked against libsodium directly."""
    slot = chunks.seal_chunk(KEY, OID, 7, False, b"\x01" * chunks.CHUNK_BYTES)
    nonce, body = slot[:32], slot[32:]
    ad = b"SRCK" + (1).to_bytes(2, "big") + OID + (7).to_bytes(8, "big") + b"\x00"
    assert sodium.crypto_aead_aegis256_decrypt(body, ad, nonce, KEY) == b"\x01" * 65536


def test_subkeys_match_libsodium_crypto_kdf_definition() -> None:
    master = bytes(range(32))
    a = keys.subkey(master, keys.Purpose.CATALOG)
    b = keys.subkey(master, keys.Purpose.INDEX)
    assert a != b and len(a) == 32
    # Independent computation of crypto_kdf_blake2b_derive_from_key.
    expected = hashlib.blake2b(
        b"", digest_size=32, key=master,
        salt=(1).to_bytes(8, "little") + bytes(8), person=b"SRvault1" + bytes(8),
    ).digest()
    assert a == expected


def test_passphrase_nfc_normalised() -> None:
    salt = new_salt()
    composed = "пароль-й"  # й as one code point
    decomposed = "пароль-и\u0306"  # и + combining breve
    assert derive_key(composed, salt, CHEAP_FOR_TESTS) == derive_key(decomposed, salt, CHEAP_FOR_TESTS)


@pytest.mark.parametrize(
    "params",
    [KdfParams(1, 64 * 1024**3), KdfParams(10_000, 8 * 1024**2), KdfParams(0, 8 * 1024**2)],
)
def test_kdf_limits_beyond_caps_refused(params: KdfParams) -> None:
    with pytest.raises(KdfParametersRejected):
        derive_key("x", new_salt(), params)


def test_recovery_key_typed_back_loosely() -> None:
    secret = keys.new_recovery_secret()
    text = keys.format_recovery_key(secret)
    assert all(len(g) <= 4 for g in text.split("-"))
    assert keys.parse_recovery_key(text.lower().replace("-", " ")) == secret


def test_recovery_key_typo_detected() -> None:
    text = keys.format_recovery_key(keys.new_recovery_secret())
    typo = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(MalformedKey, match="mistyped"):
        keys.parse_recovery_key(typo)


def test_a_one_character_typo_never_gives_back_the_key() -> None:
    """The last base32 character holds unused bits that decoders ignore: a typo there once
    unlocked the vault about one time in four. A typo in the check characters (the last three)
    is always refused as mistyped. A typo in the secret's characters changes the secret: it is
    refused as mistyped unless it meets the 16-bit check by chance (1 in 65,536), and then the
    vault refuses it as a key that does not open it. It never reads back as the key itself.
    (A 0, 1 or 8 typed for O, I or B is not a change.)"""
    import base64

    alphabet = base64.b32encode(bytes(range(256))).decode().rstrip("=")
    alphabet = "".join(sorted(set(alphabet)))
    slipped = tried = 0
    for _ in range(20):
        secret = keys.new_recovery_secret()
        text = keys.format_recovery_key(secret).replace("-", "")
        assert keys.parse_recovery_key(text) == secret
        check_only = range(len(text) - 3, len(text))  # bits 260-274: check and unused bits
        for position in range(len(text)):
            for char in alphabet:
                if char == text[position]:
                    continue
                typo = text[:position] + char + text[position + 1 :]
                tried += 1
                if position in check_only:
                    with pytest.raises(MalformedKey, match="mistyped"):
                        keys.parse_recovery_key(typo)
                    continue
                try:
                    read, refused = keys.parse_recovery_key(typo), ""
                except MalformedKey as exc:
                    read, refused = b"", str(exc)
                if refused:
                    assert "mistyped" in refused
                    continue
                assert read != secret
                slipped += 1
    # about 32,000 typos: half a one is expected past the check; more than 10 would mean
    # a broken check (by chance: less than one run in 10^10)
    assert tried > 30_000 and slipped <= 10


def test_sealed_signing_seed_and_pem_round_trip() -> None:
    wrap = aead.random_key()
    seed = signing.new_signing_seed()
    sealed = signing.seal_signing_seed(wrap, seed)
    assert seed not in sealed
    signer = signing.Signer(signing.open_signing_seed(wrap, sealed))
    sig = signer.sign(b"checkpoint")
    pem = signing.public_key_pem(signer.public_key)
    signing.verify(signing.public_key_from_pem(pem), b"checkpoint", sig)
    with pytest.raises(AuthenticationFailed):
        signing.verify(signer.public_key, b"checkpoinT", sig)
    with pytest.raises(AuthenticationFailed):
        signing.open_signing_seed(aead.random_key(), sealed)


def test_decoy_slots_are_fresh_unpatterned_and_shaped_like_sealed_chunks() -> None:
    """Pack fill must not be told from slots in use: a slot's exact size, never repeated,
    incompressible, and no key anyone holds (the all-zero key of these tests) opens it."""
    import zlib

    first, second = chunks.decoy_slot(), chunks.decoy_slot()
    assert len(first) == len(second) == chunks.SLOT_BYTES
    assert first[:32] != second[:32]  # a fresh nonce
    assert first[32:64] != second[32:64]  # and a fresh key: zeros never encrypt alike
    assert len(zlib.compress(first, 9)) > chunks.SLOT_BYTES * 0.99
    assert first.count(0) < chunks.SLOT_BYTES / 128  # about 1/256 of the bytes, not zeros
    with pytest.raises(AuthenticationFailed):
        chunks.open_chunk(KEY, OID, 0, True, first, 0)
