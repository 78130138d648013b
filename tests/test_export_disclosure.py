"""A court package discloses only the exported case: an item that is also in another case, with
tags added and removed and a note, goes out without the other case's name, the tags, the note or
any unsalted hash of them; what is disclosed is checked here with a commitment computed from
the format notes, not with the program's code. The standard tools still accept the package."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import bagit
import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from archive.custody import log as custody_log
from archive.exhibits.check import check_package
from archive.intake.importer import ImportOptions

SECRETS = ["Beta: informant network", "ключевое", "testimony", "witness-x",
           "Source is the cousin"]
EXPORTED = "Alpha/Story: the shop"


def _hashes(text: str) -> list[str]:
    raw = text.encode()
    forms = [raw, json.dumps(text).encode(), json.dumps(text, ensure_ascii=False).encode(),
             json.dumps([text]).encode(), json.dumps([text], ensure_ascii=False).encode()]
    found = []
    for form in forms:
        for algorithm in ("sha256", "sha1", "md5", "sha512"):
            digest = hashlib.new(algorithm, form).digest()
            found += [digest.hex(), base64.b64encode(digest).decode()]
    return found


@pytest.fixture
def two_cases(small_vault: Vault, tmp_path: Path) -> tuple[Vault, str]:
    folder = tmp_path / "first"
    folder.mkdir()
    fx.jpeg(folder / "door.jpg")
    small_vault.import_paths([folder], options=ImportOptions(case=EXPORTED, tags=["ключевое"]))
    again = tmp_path / "second"
    again.mkdir()
    shutil.copy(folder / "door.jpg", again / "door.jpg")
    small_vault.import_paths([again], options=ImportOptions(case=SECRETS[0], tags=["testimony"]))
    item = small_vault.items()[0].id
    small_vault.change_tags(item, add=["witness-x"], remove=["testimony"])
    small_vault.add_note(item, SECRETS[-1])
    actions = [e.action for e in small_vault.custody_events(item)]
    assert {"case-add", "tag", "untag", "note"} <= set(actions)
    return small_vault, item


def _package_texts(out: Path) -> list[bytes]:
    texts = [p.read_bytes() for p in out.rglob("*") if p.is_file()]
    if shutil.which("pdftotext"):
        texts.append(subprocess.run(["pdftotext", str(out / "exhibit-report.pdf"), "-"],
                                    capture_output=True, check=True).stdout)
    return texts


def _standard_tools_accept(out: Path) -> None:
    subprocess.run([sys.executable, "-m", "bagit", "--validate", str(out)], check=True,
                   capture_output=True)
    subprocess.run(["sha256sum", "--quiet", "-c", "manifest-sha256.txt"], cwd=out, check=True)
    subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem",
                    "-rawin", "-in", "tagmanifest-sha256.txt", "-sigfile",
                    "tagmanifest-sha256.txt.sig"], cwd=out, check=True, capture_output=True)
    assert main(["verify-export", str(out)]) == 0


def test_package_for_one_case_tells_nothing_of_the_other(
        two_cases: tuple[Vault, str], tmp_path: Path) -> None:
    vault, _item = two_cases
    out = vault.export(tmp_path / "bag", case=EXPORTED, actor="counsel").path
    _standard_tools_accept(out)
    everything = b"\n".join(_package_texts(out))
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in everything, secret
        assert json.dumps(secret).encode() not in everything, secret  # \\u escapes
        for digest in _hashes(secret):
            assert digest.encode() not in everything, (secret, digest)

    lines = [json.loads(x) for x in (out / "custody.jsonl").read_text().splitlines()]
    opened = 0
    for line in lines:
        details = json.loads(line["entry"])["details"]
        for key, opening in line.get("disclosed", {}).items():
            # SHA-256(salt || canonical JSON of the value), as docs/FORMAT.md says.
            salt = base64.b64decode(opening["salt"])
            value = json.dumps(opening["value"], sort_keys=True, separators=(",", ":"),
                               ensure_ascii=True).encode()
            assert hashlib.sha256(salt + value).hexdigest() == details[key]["commitment"]
            assert len(salt) == 16
            opened += 1
    assert opened >= 2  # the exported case and the exhibit's own name
    assert any(line.get("disclosed", {}).get("case", {}).get("value") == EXPORTED
               for line in lines)
    report = subprocess.run(["pdftotext", str(out / "exhibit-report.pdf"), "-"],
                            capture_output=True, check=True, text=True).stdout
    assert "another case (not disclosed)" in report and "note text (not disclosed)" in report


def test_package_for_the_other_case_does_not_name_the_first(
        two_cases: tuple[Vault, str], tmp_path: Path) -> None:
    vault, _item = two_cases
    out = vault.export(tmp_path / "bag", case=SECRETS[0]).path
    _standard_tools_accept(out)
    everything = b"\n".join(_package_texts(out))
    assert EXPORTED.encode() not in everything and b"Alpha" not in everything


def test_a_disclosure_that_does_not_match_its_commitment_fails(
        two_cases: tuple[Vault, str], tmp_path: Path) -> None:
    vault, _item = two_cases
    out = vault.export(tmp_path / "bag", case=EXPORTED).path
    path = out / "custody.jsonl"
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    victim = next(line for line in lines if "case" in line.get("disclosed", {}))
    victim["disclosed"]["case"]["value"] = "Some other case"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    bagit.Bag(str(out)).save(manifests=False)
    problems = check_package(out)
    assert any("does not match its commitment" in p for p in problems)
    assert main(["verify-export", str(out)]) != 0


def test_older_entries_are_withheld_with_their_proofs(
        small_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(custody_log, "ENTRY_VERSION", 1)
    folder = tmp_path / "old"
    folder.mkdir()
    fx.jpeg(folder / "door.jpg")
    small_vault.import_paths([folder], options=ImportOptions(case=EXPORTED, tags=["ключевое"]))
    item = small_vault.items()[0].id
    small_vault.add_note(item, SECRETS[-1])
    raw = [e for e in small_vault.custody_events(item)]
    assert raw[0].details["tags"] == ["ключевое"]  # format 1 keeps it in the clear
    monkeypatch.setattr(custody_log, "ENTRY_VERSION", 2)
    out = small_vault.export(tmp_path / "bag", case=EXPORTED).path
    lines = [json.loads(x) for x in (out / "custody.jsonl").read_text().splitlines()]
    withheld = [line for line in lines if "withheld" in line]
    assert len(withheld) >= 2 and all("entry" not in line for line in withheld)
    everything = b"\n".join(_package_texts(out))
    for secret in ("ключевое", SECRETS[-1]):
        assert secret.encode() not in everything
        assert json.dumps(secret).encode() not in everything
    capsys.readouterr()
    _standard_tools_accept(out)
    assert "withheld" in capsys.readouterr().err
    # A withheld leaf is still held to the signed checkpoint.
    withheld[0]["leaf_hash"] = "00" * 32
    (out / "custody.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    bagit.Bag(str(out)).save(manifests=False)
    assert any("not included in the signed checkpoint" in p for p in check_package(out))


def test_the_vault_still_shows_what_it_recorded(two_cases: tuple[Vault, str]) -> None:
    vault, item = two_cases
    events = vault.custody_events(item)
    assert next(e for e in events if e.action == "note").details["text"] == SECRETS[-1]
    assert next(e for e in events if e.action == "case-add").details["case"] == SECRETS[0]
    assert vault.check_custody() == []
