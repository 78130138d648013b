"""Which key signed a package: the vault shows its fingerprint, the package's README and PDF say
to compare it with one obtained another way, and a package doctored and rebuilt under a new key
passes every check that only looks inside it, yet fails `verify-export --key-fingerprint` and
shows the other key's fingerprint."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import bagit
import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from archive.custody import checkpoint as cp
from archive.custody import merkle
from archive.intake.importer import ImportOptions
from conftest import PASSPHRASE
from crypto import signing

_GROUPS = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}\b")


def _fingerprint_by_hand(pem: str) -> str:
    """From docs/FORMAT.md: base32 of the first 20 bytes of SHA-256 of the raw key."""
    der = base64.b64decode("".join(pem.strip().splitlines()[1:-1]))
    text = base64.b32encode(hashlib.sha256(der[-32:]).digest()[:20]).decode()
    return "-".join(text[i:i + 4] for i in range(0, 32, 4))


@pytest.fixture
def exported(small_vault: Vault, tmp_path: Path) -> tuple[Vault, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    fx.jpeg(folder / "door.jpg")
    fx.jpeg(folder / "yard.jpg", seed=4, gps=False)
    small_vault.import_paths([folder], options=ImportOptions(case="Shop"))
    return small_vault, small_vault.export(tmp_path / "bag", case="Shop").path


def _forge(out: Path) -> str:
    """What a forger can do without the vault: doctor EX-001, rebuild its custody entries, the
    Merkle tree and the checkpoint from the package's own lines, and sign it all anew."""
    signer = signing.Signer(os.urandom(32))
    exhibit = sorted((out / "data").iterdir())[0]
    doctored = exhibit.read_bytes() + b"doctored"
    exhibit.write_bytes(doctored)
    new_sha = hashlib.sha256(doctored).hexdigest()
    rows = (out / "exhibits.csv").read_text(encoding="utf-8-sig").splitlines()
    old_sha = rows[1].split(",")[3]
    (out / "exhibits.csv").write_text("\n".join(rows).replace(old_sha, new_sha) + "\n",
                                      encoding="utf-8-sig")
    lines = [json.loads(x) for x in (out / "custody.jsonl").read_text().splitlines()]
    entries = []
    for n, line in enumerate(lines):
        fields = json.loads(line["entry"])
        fields["seq"] = n
        if fields["sha256"] == old_sha:
            fields["sha256"] = new_sha
        entries.append(json.dumps(fields, sort_keys=True, separators=(",", ":")).encode())
    leaves = [merkle.leaf_hash(e) for e in entries]
    origin = (out / "checkpoint.txt").read_text().split("\n", 1)[0]
    for n, line in enumerate(lines):
        line.update(seq=n, tree_size=len(leaves), entry=entries[n].decode(),
                    leaf_hash=leaves[n].hex(),
                    inclusion_proof=[p.hex() for p in merkle.inclusion_proof(leaves, n)])
    (out / "custody.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    note = cp.sign(cp.Checkpoint(origin, len(leaves), merkle.root(leaves)), origin, signer)
    (out / "checkpoint.txt").write_text(note)
    (out / "checkpoint-verifier-key.txt").write_text(
        cp.verifier_key(origin, signer.public_key) + "\n")
    pem = signing.public_key_pem(signer.public_key)
    (out / "public-key.pem").write_text(pem)
    bagit.Bag(str(out)).save(manifests=True)
    (out / "tagmanifest-sha256.txt.sig").write_bytes(
        signer.sign((out / "tagmanifest-sha256.txt").read_bytes()))
    return _fingerprint_by_hand(pem)


def test_a_package_resigned_with_another_key_is_caught_by_the_fingerprint(
        exported: tuple[Vault, Path], capsys: pytest.CaptureFixture[str]) -> None:
    vault, out = exported
    genuine = vault.key_fingerprint()
    assert _GROUPS.fullmatch(genuine)
    assert genuine == _fingerprint_by_hand((out / "public-key.pem").read_text())
    capsys.readouterr()
    assert main(["verify-export", str(out), "--key-fingerprint", genuine.lower()]) == 0
    assert "signed by the key you expected" in capsys.readouterr().err

    forged = _forge(out)
    assert forged != genuine
    # Everything that only looks inside the package is satisfied ...
    bagit.Bag(str(out)).validate()
    subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem",
                    "-rawin", "-in", "tagmanifest-sha256.txt", "-sigfile",
                    "tagmanifest-sha256.txt.sig"], cwd=out, check=True, capture_output=True)
    assert main(["verify-export", str(out)]) == 0
    said = capsys.readouterr().err
    # ... but it names the key that signed, and says that proves nothing about who holds it.
    assert forged in said and genuine not in said
    assert f"signed by the key {forged}" in said and "another way" in said
    assert main(["verify-export", str(out), "--key-fingerprint", genuine]) != 0
    said = capsys.readouterr().err
    assert "FAILED" in said and forged in said


def test_info_readme_and_report_show_the_fingerprint(
        exported: tuple[Vault, Path], vault_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    vault, out = exported
    genuine = vault.key_fingerprint()
    vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["info", str(vault_path), "--fingerprint"]) == 0
    assert genuine in capsys.readouterr().out
    assert main(["info", str(vault_path)]) == 0
    assert genuine not in capsys.readouterr().out  # not without the passphrase
    readme = (out / "README.txt").read_text()
    assert genuine in readme and "another way" in readme and "PROVES" in readme
    if shutil.which("pdftotext"):
        report = subprocess.run(["pdftotext", str(out / "exhibit-report.pdf"), "-"],
                                capture_output=True, check=True, text=True).stdout
        assert genuine in report and "another way" in report
