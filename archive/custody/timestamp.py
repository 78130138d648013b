"""RFC 3161 trusted time-stamps of signed checkpoints.

What is sent to the authority is a TimeStampReq holding only SHA-256 of the signed checkpoint note
(the bytes of ``checkpoint.txt``), a random nonce and a request for the authority's certificate.
The response is refused unless its token signs that very hash with that nonce, under a
certificate marked for time-stamping whose chain leads to one of the trust roots and that was
valid when the token was made.

Protocol and verification come from ``rfc3161-client`` (its DER parsing and CMS signature check
are in Rust, on top of ``cryptography``); this module only sends, checks and packs.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import rfc3161_client as tsp
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from archive.errors import StrongroomError

REQUEST_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
MAX_REPLY_BYTES = 1 << 20
TIMEOUT_SECONDS = 15.0


class TimestampError(StrongroomError):
    """A time-stamp that was refused (it does not check out), or an authority that failed."""


class AuthorityUnreachable(TimestampError):
    """No answer from the authority (offline, refused, timed out): the request waits."""


@dataclass(frozen=True)
class VerifiedStamp:
    response: bytes  # DER TimeStampResp, as the authority sent it
    gen_time: datetime  # UTC, naive
    serial: int
    chain_pem: str  # the certificates the token carries
    roots_pem: str  # the roots it was checked against


def imprint(note: str) -> bytes:
    """What is time-stamped: SHA-256 of the signed checkpoint note's UTF-8 bytes."""
    return hashlib.sha256(note.encode("utf-8")).digest()


def build_request(note: str) -> tsp.TimeStampRequest:
    return (tsp.TimestampRequestBuilder().data(note.encode("utf-8"))
            .hash_algorithm(tsp.HashAlgorithm.SHA256).nonce(nonce=True)
            .cert_request(cert_request=True).build())


def post(url: str, body: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """Send a request to an authority over HTTP(S); :class:`AuthorityUnreachable` when there is
    no answer, :class:`TimestampError` when the answer is not a time-stamp reply."""
    if not url.lower().startswith(("http://", "https://")):
        raise TimestampError(f"{url}: a time-stamping authority is reached over http or https")
    request = urllib.request.Request(url, data=body, method="POST",  # noqa: S310 - checked above
                                     headers={"Content-Type": REQUEST_TYPE, "Accept": REPLY_TYPE})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
            data: bytes = reply.read(MAX_REPLY_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise TimestampError(f"{url}: the authority answered HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        reason = getattr(exc, "reason", exc)
        raise AuthorityUnreachable(f"{url}: no answer ({reason})") from None
    if len(data) > MAX_REPLY_BYTES:
        raise TimestampError(f"{url}: the answer is too large for a time-stamp reply")
    return data


def load_roots(pem: str) -> list[x509.Certificate]:
    """Trust roots from PEM text: the roots configured for one authority. Nothing is bundled and
    the system's TLS store is never used (docs/SECURITY.md says why): no PEM, no roots."""
    if not pem.strip():
        return []
    try:
        return x509.load_pem_x509_certificates(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise TimestampError(f"the trust roots are not PEM certificates ({exc})") from None


def pem_of(certificates: list[x509.Certificate]) -> str:
    return "".join(c.public_bytes(Encoding.PEM).decode("ascii") for c in certificates)


def verify(response: bytes, note: str, roots: list[x509.Certificate],
           nonce: int | None = None) -> VerifiedStamp:
    """Check a time-stamp response against the checkpoint note it should cover."""
    if not roots:
        raise TimestampError("no trust roots to check the time-stamp against (give the "
                             "authority's root certificate: `strongroom timestamp VAULT "
                             "--add-authority URL --roots PEM`)")
    try:
        decoded = tsp.decode_timestamp_response(response)
    except ValueError as exc:
        raise TimestampError(f"not a time-stamp response ({exc})") from None
    if tsp.PKIStatus(decoded.status) not in (tsp.PKIStatus.GRANTED,
                                             tsp.PKIStatus.GRANTED_WITH_MODS):
        detail = "; ".join(decoded.status_string) or f"status {decoded.status}"
        raise TimestampError(f"the authority refused the request ({detail})")
    info = decoded.tst_info
    if info.message_imprint.hash_algorithm != x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1"):
        raise TimestampError("the time-stamp does not use SHA-256")
    if info.message_imprint.message != imprint(note):
        raise TimestampError("the time-stamp is for another hash, not this checkpoint")
    if nonce is not None and info.nonce != nonce:
        raise TimestampError("the time-stamp answers another request (nonce differs)")
    builder = tsp.VerifierBuilder()
    for root in roots:
        builder = builder.add_root_certificate(root)
    try:
        builder.build().verify_message(decoded, note.encode("utf-8"))
    except (tsp.VerificationError, ValueError) as exc:
        raise TimestampError(f"the time-stamp does not verify: {exc}") from None
    chain = [x509.load_der_x509_certificate(der) for der in decoded.signed_data.certificates]
    gen_time = info.gen_time
    if gen_time.tzinfo is not None:
        gen_time = gen_time.astimezone(UTC).replace(tzinfo=None)
    return VerifiedStamp(response, gen_time, info.serial_number, pem_of(chain), pem_of(roots))


def request_stamp(url: str, note: str, roots: list[x509.Certificate],
                  timeout: float = TIMEOUT_SECONDS) -> VerifiedStamp:
    """Ask one authority to time-stamp a checkpoint, and check what comes back."""
    request = build_request(note)
    reply = post(url, request.as_bytes(), timeout)
    try:
        return verify(reply, note, roots, request.nonce)
    except TimestampError as exc:
        raise TimestampError(f"{url}: {exc}") from None


PACKAGE_README = """\
4. Trusted time-stamps (RFC 3161): checkpoint-N.tsr is a time-stamp authority's signed statement
   that checkpoint.txt existed at the time it names. Check each with OpenSSL:
       openssl ts -verify -data checkpoint.txt -in checkpoint-1.tsr \\
           -CAfile tsa-roots.pem -untrusted tsa-chain.pem
   and read its time with:  openssl ts -reply -in checkpoint-1.tsr -text
   tsa-roots.pem holds the roots the archive trusted for this authority: compare them with the
   ones the authority publishes before relying on the time.
"""


def check_package_stamps(folder: Path, note: str) -> list[str]:
    """Problems with the time-stamps an exhibit package carries for its ``checkpoint.txt``
    (none when it carries none, or all check out against its ``tsa-roots.pem``)."""
    tokens = sorted(folder.glob("checkpoint-*.tsr"))
    if not tokens:
        return []
    try:
        pem = (folder / "tsa-roots.pem").read_text(encoding="ascii")
        roots = load_roots(pem) if pem.strip() else []
    except (OSError, UnicodeDecodeError, TimestampError) as exc:
        return [f"tsa-roots.pem: {exc}"]
    problems = []
    for token in tokens:
        try:
            verify(token.read_bytes(), note, roots)
        except (OSError, TimestampError) as exc:
            problems.append(f"{token.name}: {exc}")
    return problems
