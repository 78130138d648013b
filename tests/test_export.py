"""Exhibit packages checked with the tools a court's expert would use: the bagit library,
sha256sum and openssl, and strongroom verify-export without the vault."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import bagit
import pytest
from sqlalchemy import text

import fixtures as fx
from archive import StrongroomError, Vault
from archive.cli.main import main
from archive.exhibits.check import check_package
from conftest import PASSPHRASE


@pytest.fixture
def case_vault(small_vault: Vault, tmp_path: Path) -> Vault:
    folder = tmp_path / "evidence"
    folder.mkdir()
    fx.jpeg(folder / "DSCN0010.jpg")
    fx.jpeg(folder / "Фото двери.jpg", seed=3, gps=False)
    fx.transcripts(folder / "t")
    other = tmp_path / "other"
    other.mkdir()
    fx.jpeg(other / "unrelated.jpg", seed=9)
    small_vault.import_paths([folder], options=__import__("archive.intake.results").intake.results.ImportOptions(
        case="Basement case"))
    small_vault.import_paths([other])
    return small_vault


def _export(vault: Vault, tmp_path: Path, name: str = "bag") -> Path:
    return vault.export(tmp_path / name, case="Basement case", actor="counsel").path


def test_package_validates_with_standard_tools(case_vault: Vault, tmp_path: Path) -> None:
    out = _export(case_vault, tmp_path)
    bagit.Bag(str(out)).validate()
    subprocess.run(["sha256sum", "--quiet", "-c", "manifest-sha256.txt"], cwd=out, check=True)
    subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem",
                    "-rawin", "-in", "tagmanifest-sha256.txt", "-sigfile",
                    "tagmanifest-sha256.txt.sig"], cwd=out, check=True, capture_output=True)
    assert check_package(out) == []

    rows = list(csv.DictReader((out / "exhibits.csv").open(encoding="utf-8-sig")))
    assert len(rows) == 7 and rows[0]["exhibit"] == "EX-001"
    names = {r["original_name"] for r in rows}
    assert "Фото двери.jpg" in names and "unrelated.jpg" not in names
    recorded = {i.id: i.sha256 for i in case_vault.items()}
    for row in rows:
        data = (out / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"] == recorded[row["item_id"]]
        assert row["file"].startswith(f"data/{row['exhibit']}_")
    photo = next(r for r in rows if r["original_name"] == "DSCN0010.jpg")
    assert float(photo["gps_lat"]) == pytest.approx(fx.GPS_LAT)


def test_only_the_exported_items_events_go_out(case_vault: Vault, tmp_path: Path) -> None:
    out = _export(case_vault, tmp_path)
    exported = {r["item_id"] for r in csv.DictReader((out / "exhibits.csv").open(encoding="utf-8-sig"))}
    lines = [json.loads(line) for line in (out / "custody.jsonl").read_text().splitlines()]
    items = {json.loads(line["entry"])["item"] for line in lines}
    assert items == exported
    unrelated = next(i for i in case_vault.items() if i.original_name == "unrelated.jpg")
    whole = (b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file()))
    assert unrelated.sha256.encode() not in whole
    actions = {json.loads(line["entry"])["action"] for line in lines}
    assert {"import", "extract", "export"} <= actions
    assert all(e.action == "export" for e in case_vault.custody_events()[-7:])


@pytest.mark.parametrize("damage", ["byte", "drop", "tag", "custody"])
def test_damaged_package_fails(case_vault: Vault, tmp_path: Path, damage: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = _export(case_vault, tmp_path)
    victim = sorted((out / "data").iterdir())[1]
    if damage == "byte":
        raw = bytearray(victim.read_bytes())
        raw[len(raw) // 2] ^= 1
        victim.write_bytes(bytes(raw))
    elif damage == "drop":
        victim.unlink()
    elif damage == "tag":
        path = out / "exhibits.csv"
        before = path.read_text()
        path.write_text(before.replace("TestCam", "OtherCam"), encoding="utf-8")
        assert path.read_text() != before
    else:
        path = out / "custody.jsonl"
        lines = path.read_text().splitlines()
        path.write_text("\n".join(lines[:2] + lines[3:]) + "\n", encoding="utf-8")
        # Recompute the tag manifest so that only the signature and proofs can object.
        bag = bagit.Bag(str(out))
        bag.save(manifests=False)
    if damage in ("byte", "drop"):
        with pytest.raises(bagit.BagValidationError):
            bagit.Bag(str(out)).validate()
    assert check_package(out)
    assert main(["verify-export", str(out)]) == 5
    assert "FAILED" in capsys.readouterr().err


def test_earlier_checkpoint_is_extended_until_history_is_removed(
        case_vault: Vault, tmp_path: Path) -> None:
    out = _export(case_vault, tmp_path)
    note = (out / "checkpoint.txt").read_text(encoding="utf-8")
    item = case_vault.items()[0].id
    case_vault.add_note(item, "more work after the export")
    case_vault.change_tags(item, add=["later"])
    assert case_vault.check_checkpoint(note) == []
    with case_vault.core.sessions.begin() as session:
        session.execute(text("DELETE FROM custody_events WHERE seq = 1"))
    assert case_vault.check_checkpoint(note)


def test_cancelled_export_leaves_nothing_that_looks_complete(case_vault: Vault,
                                                             tmp_path: Path) -> None:
    calls = []
    with pytest.raises(StrongroomError, match="cancelled"):
        case_vault.export(tmp_path / "bag", case="Basement case",
                          progress=lambda d, t, m: calls.append(d), cancel=lambda: len(calls) > 2)
    assert not (tmp_path / "bag").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".bag")]
    assert all(e.action != "export" for e in case_vault.custody_events())


def test_export_refuses_existing_folder_and_unknown_case(case_vault: Vault,
                                                         tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(StrongroomError, match="already exists"):
        case_vault.export(tmp_path / "taken", case="Basement case")
    with pytest.raises(StrongroomError, match="no case"):
        case_vault.export(tmp_path / "x", case="Nope")


def test_cli_export_then_verify_export(case_vault: Vault, tmp_path: Path, vault_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "for-court"
    assert main(["export", str(vault_path), "--case", "Basement case", "--out", str(out)]) == 0
    moved = tmp_path / "copied-elsewhere"
    shutil.copytree(out, moved)
    assert main(["verify-export", str(moved)]) == 0
    assert main(["export", str(vault_path), "--out", str(tmp_path / "y")]) == 2


def test_pdf_report_lists_every_exhibit_with_its_hash(case_vault: Vault,
                                                      tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = _export(case_vault, tmp_path)
    pdf = out / "exhibit-report.pdf"
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    flat = text.replace("\n", " ")
    rows = list(csv.DictReader((out / "exhibits.csv").open(encoding="utf-8-sig")))
    for row in rows:
        assert row["exhibit"] in flat
        assert row["sha256"] in flat.replace(" ", ""), f"{row['exhibit']} hash not in the PDF"
    assert "Фото двери.jpg" in flat or "foto" in flat.lower()
    # the custody record is there, as sentences naming the package and who acted
    assert "Imported" in flat and "Exported as EX-001 in package bag" in flat
    tagmanifest = (out / "tagmanifest-sha256.txt").read_text()
    assert "exhibit-report.pdf" in tagmanifest  # covered by the signature


def test_pdf_report_without_a_unicode_font(case_vault: Vault, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    from archive.exhibits import report
    monkeypatch.setattr(report, "unicode_font", lambda: None)
    out = _export(case_vault, tmp_path)
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out / "exhibit-report.pdf")).pages)
    assert "transliterated" in text
    assert check_package(out) == []


@pytest.mark.parametrize("font", ["unicode", "none"])
def test_pdf_report_with_cyrillic_case_and_actor(small_vault: Vault, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 font: str) -> None:
    from pypdf import PdfReader

    from archive.exhibits import report
    from archive.intake.results import ImportOptions
    if font == "none":
        monkeypatch.setattr(report, "unicode_font", lambda: None)
    folder = tmp_path / "in"
    folder.mkdir()
    fx.jpeg(folder / "Двор, вход.jpg")
    small_vault.import_paths([folder], options=ImportOptions(case="Подвал магазина",
                                                            actor="адвокат Иванова"))
    out = small_vault.export(tmp_path / "bag", case="Подвал магазина",
                             actor="адвокат Иванова").path
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out / "exhibit-report.pdf")).pages)
    if font == "unicode" and report.unicode_font() is not None:
        assert "Подвал магазина" in text and "Иванова" in text
    else:
        assert "podval" in text.lower()
    assert check_package(out) == []
