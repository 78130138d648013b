"""A changed byte in a catalog page: `verify` checks every page and names catalog damage with
the damage exit code; commands that meet the damaged page say so in words, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.catalog.engine import CATALOG_NAME
from archive.cli.main import main
from archive.errors import ExitCode
from conftest import PASSPHRASE


@pytest.fixture
def damaged_catalog(small_vault: Vault, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        fx.jpeg(folder / f"IMG_{i}.jpg", seed=i)
    assert small_vault.import_paths([folder]).ok
    item_id = small_vault.items()[0].id
    with small_vault.core.engine.connect() as conn:
        page_size = int(conn.exec_driver_sql("PRAGMA page_size").scalar_one())
        root = int(conn.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'intakes'").scalar_one())
    small_vault.lock()
    catalog = small_vault.path / CATALOG_NAME
    wal = catalog.with_name(CATALOG_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # every page is in the main file
    with open(catalog, "r+b") as f:  # a byte in the middle of the page holding provenance
        f.seek((root - 1) * page_size + page_size // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0x08]))
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    return small_vault.path, item_id


def test_verify_names_catalog_damage(damaged_catalog: tuple[Path, str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = damaged_catalog
    assert main(["verify", str(path)]) == ExitCode.DAMAGE
    err = capsys.readouterr().err
    assert "CATALOG catalog page check:" in err
    assert "Traceback" not in err


def test_show_over_a_damaged_page_says_so(damaged_catalog: tuple[Path, str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path, item_id = damaged_catalog
    assert main(["show", str(path), item_id]) == ExitCode.DAMAGE
    err = capsys.readouterr().err
    assert "the catalog cannot be read" in err and "Traceback" not in err


def test_export_over_a_damaged_page_says_so_and_leaves_nothing(
        damaged_catalog: tuple[Path, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, item_id = damaged_catalog
    out = tmp_path / "exports"
    out.mkdir()
    assert main(["export", str(path), "--items", item_id,
                 "--out", str(out / "package")]) == ExitCode.DAMAGE
    err = capsys.readouterr().err
    assert "the catalog cannot be read" in err and "Traceback" not in err
    assert list(out.iterdir()) == []  # no package, no staging folder
