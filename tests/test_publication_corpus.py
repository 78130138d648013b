"""Publication copies of the real-world corpus (skipped where it is absent): every file gets a
result in one run, refusals say why, no copy is empty, and ExifTool finds no location, device,
person or capture date in any copy."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from archive import Vault
from archive.exhibits.publication import REFUSED
from conftest import SHARED_CORPUS

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not here"),
    pytest.mark.skipif(not shutil.which("exiftool"), reason="needs exiftool"),
]
_IDENTIFYING = ("GPS", "Make", "Model", "Serial", "Artist", "Author", "Creator", "Company",
                "Manager", "Location", "DateTimeOriginal", "By-line", "City", "Copyright")


def test_whole_corpus_gets_a_result_each_and_clean_copies(small_vault: Vault,
                                                          tmp_path: Path) -> None:
    small_vault.import_paths([SHARED_CORPUS])
    results = small_vault.publication_copies(tmp_path / "out", items=[
        i.id for i in small_vault.items()])
    assert len(results) == small_vault.item_count()
    for r in results:
        if r.outcome == REFUSED:
            assert r.how and not r.file
        else:
            assert (tmp_path / "out" / r.file).stat().st_size > 0
    copies = [str(tmp_path / "out" / r.file) for r in results
              if r.file and not r.file.endswith((".txt", ".md", ".srt", ".vtt"))]
    # (exiftool exits with 1 when it finds a file it has nothing to say about; its JSON stands)
    tags = json.loads(subprocess.run(["exiftool", "-j", "-a", "-G1", *copies],
                                     capture_output=True, text=True).stdout)
    assert len(tags) == len(copies)
    for entry in tags:
        for key, value in entry.items():
            group, _, name = key.partition(":")
            if group in ("System", "File", "ExifTool", "Composite", "ZIP", "MPEG"):
                continue
            assert not any(word in name for word in _IDENTIFYING), (entry["SourceFile"], key,
                                                                     value)
            assert not group.startswith(("XMP", "IPTC", "ICC", "GPS", "ExifIFD", "IFD0")), key
