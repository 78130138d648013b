"""A local RFC 3161 time-stamping authority for the tests: a test CA made with ``cryptography``,
replies made by ``openssl ts -reply`` (not by our code), served over HTTP on 127.0.0.1. The
``ca`` and ``tsa`` fixtures (registered for every test by the conftest) make one of each in the
test's own folder."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _pem(path: Path, cert: x509.Certificate) -> Path:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


@dataclass
class LocalCA:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    pem: Path

    @classmethod
    def make(cls, folder: Path, name: str = "Strongroom Test Root") -> LocalCA:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                             False), critical=True)
                .sign(key, hashes.SHA256()))
        folder.mkdir(parents=True, exist_ok=True)
        return cls(key, cert, _pem(folder / f"{name.replace(' ', '-')}.pem", cert))


@dataclass
class LocalTSA:
    """One authority: its certificate (signed by ``ca``), key and ``openssl ts`` configuration."""

    folder: Path
    ca: LocalCA
    cert_pem: Path
    key_pem: Path
    config: Path

    @classmethod
    def make(cls, folder: Path, ca: LocalCA, *, expired: bool = False) -> LocalTSA:
        folder.mkdir(parents=True, exist_ok=True)
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        start, end = ((now - timedelta(days=20), now - timedelta(days=10)) if expired
                      else (now - timedelta(days=1), now + timedelta(days=20)))
        cert = (x509.CertificateBuilder().subject_name(_name("Strongroom Test TSA"))
                .issuer_name(ca.cert.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(start).not_valid_after(end)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                               critical=True)
                .sign(ca.key, hashes.SHA256()))
        cert_pem = _pem(folder / "tsa.pem", cert)
        key_pem = folder / "tsa.key"
        key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
        (folder / "serial").write_text("01\n")
        config = folder / "ts.cnf"
        config.write_text(f"""\
[ tsa ]
default_tsa = test_tsa
[ test_tsa ]
dir = {folder}
serial = $dir/serial
crypto_device = builtin
signer_cert = {cert_pem}
signer_key = {key_pem}
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
""")
        return cls(folder, ca, cert_pem, key_pem, config)

    def reply(self, query: bytes) -> bytes:
        """``openssl ts -reply`` for a DER TimeStampReq."""
        query_file = self.folder / "query.tsq"
        reply_file = self.folder / "reply.tsr"
        query_file.write_bytes(query)
        subprocess.run(["openssl", "ts", "-reply", "-config", str(self.config), "-queryfile",
                        str(query_file), "-out", str(reply_file)], check=True,
                       capture_output=True)
        return reply_file.read_bytes()


@pytest.fixture
def ca(tmp_path: Path) -> LocalCA:
    return LocalCA.make(tmp_path / "ca")


@pytest.fixture
def tsa(tmp_path: Path, ca: LocalCA) -> LocalTSA:
    return LocalTSA.make(tmp_path / "tsa", ca)


class _Handler(BaseHTTPRequestHandler):
    answer: Callable[[bytes], bytes]
    seen: list[bytes]

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.seen.append(body)
        data = self.answer(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(answer: Callable[[bytes], bytes], port: int = 0) -> Iterator[tuple[str, list[bytes]]]:
    """Serve ``answer(request body)`` on 127.0.0.1; yields the URL and the requests seen."""
    seen: list[bytes] = []
    handler = type("Handler", (_Handler,), {"answer": staticmethod(answer), "seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (a socket bound and closed)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsa"


@dataclass
class SilentAuthority:
    """An authority that takes every connection and never answers (a network that swallows
    requests): ``connections`` counts the attempts that reached it."""

    url: str
    port: int
    connections: int = 0
    reached: threading.Event = field(default_factory=threading.Event)


@contextmanager
def silent_authority() -> Iterator[SilentAuthority]:
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    silent = SilentAuthority(f"http://127.0.0.1:{port}/tsa", port)
    held: list[socket.socket] = []
    stop = threading.Event()

    def take() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                conn, _addr = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)  # kept open, never read, never answered
            silent.connections += 1
            silent.reached.set()

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    try:
        yield silent
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()
