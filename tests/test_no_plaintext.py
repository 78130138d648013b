"""After real intake, nothing readable is left on disk: not contents, names, coordinates,
hashes, nor files in the system temp folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import fixtures as fx
from archive import Vault
from archive.intake.results import ImportOptions
from conftest import vault_bytes

CANARY = "KESTREL-7c1f0b Сафарова"


def _temp_listing() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).iterdir()}


def test_nothing_readable_after_intake(small_vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "Сафарова-интервью"
    folder.mkdir()
    fx.jpeg(folder / "DSCN0010.jpg")
    fx.mp4(folder / "courtyard-door.mp4")
    (folder / "witness-statement-cp1251.txt").write_bytes(
        f"Показания. {CANARY} видела фургон.".encode("cp1251"))
    (folder / "neighbour-utf16.txt").write_bytes(f"Statement {CANARY}".encode("utf-16"))
    (folder / "interview.srt").write_text(
        f"1\n00:00:01,000 --> 00:00:02,000\n{CANARY}\n", encoding="utf-8")
    temp_before = _temp_listing()

    report = small_vault.import_paths([folder], options=ImportOptions(
        case="Дело Касымовой", tags=("источник-Ф",)))
    assert report.ok
    small_vault.add_note(report.results[0].item_id, f"note mentioning {CANARY}")
    digests = [i.sha256 for i in small_vault.items()]
    live = vault_bytes(small_vault.path)
    small_vault.lock()

    needles: list[bytes] = []
    for word in (CANARY, "KESTREL", "Сафарова", "DSCN0010", "witness-statement", "courtyard-door",
                 "Дело Касымовой", "источник-Ф", "Показания"):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "cp1251"):
            try:
                needles.append(word.encode(encoding))
            except UnicodeEncodeError:
                continue
    for coordinate in (f"{fx.GPS_LAT:.4f}", f"{fx.GPS_LON:.4f}", "55.8611", "37.5869",
                       "+55.8611+037.5869"):
        needles.append(coordinate.encode())
    for digest in digests:
        needles += [digest.encode(), bytes.fromhex(digest)]
    for path, data in live + vault_bytes(small_vault.path):
        for needle in needles:
            assert needle not in data, f"{needle!r} readable in {path.name}"
    assert _temp_listing() - temp_before == set(), "files appeared in the system temp folder"
