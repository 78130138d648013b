"""RFC 3161 time-stamps of checkpoints, against a local authority (test CA, ``openssl ts -reply``)
on 127.0.0.1; what is kept is checked with ``openssl ts -verify``."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from tsa_fixtures import LocalCA, LocalTSA, closed_port_url, serve

from archive.custody import timestamp as ts

NOTE = "strongroom/00112233445566778899aabbccddeeff\n3\n" + "A" * 43 + "=\n\n\u2014 x AAAA\n"


def openssl_verify(folder: Path, note: str, response: bytes, ca_pem: Path) -> str:
    (folder / "note.txt").write_bytes(note.encode("utf-8"))
    (folder / "token.tsr").write_bytes(response)
    done = subprocess.run(["openssl", "ts", "-verify", "-data", str(folder / "note.txt"),
                           "-in", str(folder / "token.tsr"), "-CAfile", str(ca_pem)],
                          capture_output=True, text=True)
    return done.stdout + done.stderr


def test_a_checkpoint_is_stamped_and_openssl_agrees(tmp_path: Path, ca: LocalCA,
                                                    tsa: LocalTSA) -> None:
    with serve(tsa.reply) as (url, seen):
        stamp = ts.request_stamp(url, NOTE, ts.load_roots(ca.pem.read_text()))
    assert "Verification: OK" in openssl_verify(tmp_path, NOTE, stamp.response, ca.pem)
    # Only the hash went out: the request holds SHA-256 of the note, not the note.
    assert len(seen) == 1
    assert hashlib.sha256(NOTE.encode()).digest() in seen[0]
    assert b"strongroom" not in seen[0] and NOTE.encode()[:40] not in seen[0]
    assert "BEGIN CERTIFICATE" in stamp.chain_pem and stamp.roots_pem == ca.pem.read_text()


def test_a_token_for_another_hash_is_refused(tmp_path: Path, ca: LocalCA, tsa: LocalTSA) -> None:
    other = ts.build_request("another checkpoint\n").as_bytes()
    with serve(lambda _request: tsa.reply(other)) as (url, _seen), \
            pytest.raises(ts.TimestampError, match="another hash"):
        ts.request_stamp(url, NOTE, ts.load_roots(ca.pem.read_text()))


def test_an_answer_to_another_request_is_refused(ca: LocalCA, tsa: LocalTSA) -> None:
    replayed = ts.build_request(NOTE).as_bytes()  # same hash, another nonce
    with serve(lambda _request: tsa.reply(replayed)) as (url, _seen), \
            pytest.raises(ts.TimestampError, match="nonce"):
        ts.request_stamp(url, NOTE, ts.load_roots(ca.pem.read_text()))


def test_an_expired_authority_certificate_is_refused(tmp_path: Path, ca: LocalCA) -> None:
    expired = LocalTSA.make(tmp_path / "expired", ca, expired=True)
    with serve(expired.reply) as (url, _seen), \
            pytest.raises(ts.TimestampError, match="expired"):
        ts.request_stamp(url, NOTE, ts.load_roots(ca.pem.read_text()))


def test_an_untrusted_authority_is_refused(tmp_path: Path, tsa: LocalTSA) -> None:
    stranger = LocalCA.make(tmp_path / "other", "Some Other Root")
    with serve(tsa.reply) as (url, _seen), \
            pytest.raises(ts.TimestampError, match="does not verify"):
        ts.request_stamp(url, NOTE, ts.load_roots(stranger.pem.read_text()))


def test_a_tampered_token_is_refused(tmp_path: Path, ca: LocalCA, tsa: LocalTSA) -> None:
    roots = ts.load_roots(ca.pem.read_text())
    with serve(tsa.reply) as (url, _seen):
        stamp = ts.request_stamp(url, NOTE, roots)
    when = stamp.gen_time.strftime("%Y%m%d%H%M%S").encode()
    at = stamp.response.index(when)
    earlier = bytearray(stamp.response)
    earlier[at + 3] = ord("0") if earlier[at + 3] != ord("0") else ord("1")  # another year
    with pytest.raises(ts.TimestampError):
        ts.verify(bytes(earlier), NOTE, roots)
    assert "Verification: OK" not in openssl_verify(tmp_path, NOTE, bytes(earlier), ca.pem)
    with pytest.raises(ts.TimestampError):
        ts.verify(stamp.response[:-5], NOTE, roots)
    ts.verify(stamp.response, NOTE, roots)  # the untouched one still checks out


def test_no_answer_is_told_apart_from_a_bad_answer(ca: LocalCA) -> None:
    with pytest.raises(ts.AuthorityUnreachable):
        ts.request_stamp(closed_port_url(), NOTE, ts.load_roots(ca.pem.read_text()), 2.0)
    with serve(lambda _request: b"not DER") as (url, _seen), \
            pytest.raises(ts.TimestampError, match="not a time-stamp response"):
        ts.request_stamp(url, NOTE, ts.load_roots(ca.pem.read_text()))
    with pytest.raises(ts.TimestampError, match="http"):
        ts.post("file:///etc/passwd", b"")
