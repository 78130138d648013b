"""Details of a court package read with outside tools: BagIt 1.0, a spreadsheet-friendly
exhibits.csv whose every time carries its zone, a PDF (read with pdftotext) with page x of y,
times to the second, unambiguous wording and the disclosed custody details; several cases in
one package; a safe folder name for any case name."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import bagit
import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from archive.exhibits.check import check_package
from archive.intake.importer import ImportOptions
from conftest import PASSPHRASE

UNSAFE = 'Дело 7/2024: "Подвал" <магазин>\\..'


@pytest.fixture
def two_case_vault(small_vault: Vault, tmp_path: Path) -> Vault:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    fx.jpeg(first / "Фото двери.jpg")  # offset known: captured time in UTC
    fx.jpeg(second / "yard.jpg", seed=5, offset=None)  # camera clock of unknown zone
    small_vault.import_paths([first], options=ImportOptions(case=UNSAFE))
    small_vault.import_paths([second], options=ImportOptions(case="Yard"))
    return small_vault


def test_bagit_one_and_a_csv_that_spreadsheets_read(two_case_vault: Vault,
                                                    tmp_path: Path) -> None:
    out = two_case_vault.export(tmp_path / "bag", case=[UNSAFE, "Yard"]).path
    assert (out / "bagit.txt").read_text().startswith("BagIt-Version: 1.0\n")
    bag = bagit.Bag(str(out))
    assert bag.version_info == (1, 0)
    bag.validate()
    raw = (out / "exhibits.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert {r["original_name"] for r in rows} == {"Фото двери.jpg", "yard.jpg"}
    for row in rows:
        for column in ("captured_at", "imported_at"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z| \(zone unknown\))",
                                row[column]), row[column]
    yard = next(r for r in rows if r["original_name"] == "yard.jpg")
    assert yard["captured_at"] == "2023-06-14T09:41:07 (zone unknown)"
    door = next(r for r in rows if r["original_name"] == "Фото двери.jpg")
    assert door["captured_at"] == "2023-06-14T06:41:07Z"  # 09:41:07 at +03:00
    assert check_package(out) == []


def test_pdf_pages_times_wording_and_custody_details(two_case_vault: Vault,
                                                     tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext")
    out = two_case_vault.export(tmp_path / "bag", case=[UNSAFE, "Yard"], actor="counsel").path
    text = subprocess.run(["pdftotext", "-layout", str(out / "exhibit-report.pdf"), "-"],
                          capture_output=True, check=True, text=True).stdout
    pages = text.split("\f")
    total = len([p for p in pages if p.strip()])
    assert total >= 2
    for n in range(1, total + 1):
        assert f"page {n} of {total}" in text
    assert "imported into the archive" in text and "captured (device clock)" in text
    assert "taken in" not in text
    assert "zone unknown" in text
    stamps = re.findall(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d)?[^\s,;]*(?: \S+)?", text)
    assert stamps
    for stamp in stamps:
        assert re.match(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(Z| UTC| \(zone)", stamp), stamp
    flat = " ".join(text.split())
    assert "case: Yard" in flat and "exhibit: EX-00" in flat  # which case, which export


def test_cli_exports_several_cases_to_a_safe_folder(two_case_vault: Vault, vault_path: Path,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    two_case_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    work = tmp_path / "here"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["export", str(vault_path), "--case", UNSAFE, "--case", "Yard"]) == 0
    made = list(work.iterdir())
    assert len(made) == 1 and made[0].is_dir()
    name = made[0].name
    assert not set('/\\:*?"<>|') & set(name) and not name.startswith(".")
    assert "Дело 7" in name and "Yard" in name
    assert main(["verify-export", str(made[0])]) == 0
    rows = list(csv.DictReader((made[0] / "exhibits.csv").open(encoding="utf-8-sig")))
    assert len(rows) == 2
