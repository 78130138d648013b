"""No plaintext file is made anywhere while evidence is imported, viewed, searched and
exported: every file the process opens for writing is recorded (an audit hook, see conftest)
and must be inside the vault folder (all encrypted), the export folder the user chose, or the
user's state folder, where the sealed witnesses of the custody log go (checked for plaintext
here too)."""

from __future__ import annotations

from pathlib import Path

import fixtures as fx
from archive import ImportOptions, Vault
from conftest import WriteRecorder


def _evidence(folder: Path) -> Path:
    folder.mkdir()
    fx.jpeg(folder / "DSCN0010.jpg")
    fx.mp4(folder / "courtyard-door.mp4")
    fx.wav(folder / "interview-7.wav")
    fx.docx(folder / "statement.docx")
    fx.pdf(folder / "exhibit-list.pdf")
    (folder / "witness.txt").write_text("Показания: KESTRELVAN у подвала.", encoding="utf-8")
    for path in fx.transcripts(folder).values():
        assert path.exists()
    return folder


def test_the_recorder_sees_a_write_anywhere(written_files: WriteRecorder, tmp_path: Path,
                                            own_temp_folder: Path) -> None:
    (own_temp_folder / "plain.txt").write_text("caught")
    with open(tmp_path / "other.bin", "ab"):
        pass
    (tmp_path / "read-only.txt").write_text("x")
    before = len(written_files.paths)
    (tmp_path / "read-only.txt").read_text()
    assert len(written_files.paths) == before
    outside = written_files.outside(tmp_path / "nowhere")
    assert (own_temp_folder / "plain.txt").resolve() in [p.resolve() for p in outside]
    assert (tmp_path / "other.bin").resolve() in [p.resolve() for p in outside]


def test_no_plaintext_file_is_made_during_import_view_search_and_export(
        small_vault: Vault, tmp_path: Path, own_temp_folder: Path, state_home: Path,
        written_files: WriteRecorder) -> None:
    folder = _evidence(tmp_path / "evidence")
    written_files.paths.clear()  # the evidence files themselves were made by this test
    report = small_vault.import_paths([folder], options=ImportOptions(case="Courtyard"))
    assert report.ok, [r.message() for r in report.results]
    for summary in small_vault.items():
        with small_vault.open_original(summary.id, purpose="view") as reader:
            assert reader.readall()
        small_vault.item_text(summary.id)
        small_vault.thumbnail(summary.id)
    assert small_vault.search("kestrelvan")
    out = tmp_path / "package"
    small_vault.export(out, case="Courtyard")
    assert (out / "bagit.txt").exists()
    assert written_files.paths, "the recorder saw nothing: it is not working"
    # the package is written beside its place under a hidden name, then renamed into place
    hidden = f".{out.name}.partial-"
    staged = {parent for p in written_files.outside(small_vault.path, out)
              for parent in p.parents
              if parent.parent == out.parent and parent.name.startswith(hidden)}
    assert len(staged) <= 1 and not any(folder.exists() for folder in staged)
    assert written_files.outside(small_vault.path, out, state_home, *staged) == []
    for path in (p for p in state_home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for needle in ("KESTRELVAN", "Показания", "DSCN0010", "witness.txt", "Courtyard"):
            for encoding in ("utf-8", "utf-16-le"):
                assert needle.encode(encoding) not in data, (needle, path.name)
    assert list(own_temp_folder.iterdir()) == []
