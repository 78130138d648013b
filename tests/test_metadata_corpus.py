"""Agreement with ExifTool on the real camera files of ../shared/corpus (skipped where the corpus
or ExifTool is absent): capture time, GPS, make/model and orientation wherever ExifTool finds a
value, and no capture time where ExifTool finds none."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from archive.extract import extract
from archive.intake.sniff import sniff
from conftest import SHARED_CORPUS

CORPUS = Path(os.environ.get("STRONGROOM_CORPUS", SHARED_CORPUS))
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here"),
    pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed"),
]
CAPTURE_TAGS = ("ExifIFD:DateTimeOriginal", "XMP-exif:DateTimeOriginal", "Keys:CreationDate",
                "XMP-photoshop:DateCreated", "PictureInfo:DateTimeOriginal",
                "CIFF:DateTimeOriginal", "Reconyx:DateTimeOriginal", "QuickTime:CreateDate")


def _clock(value: Any) -> str:
    return str(value)[:19].replace("-", ":").replace("T", " ")


def _exiftool(paths: list[Path]) -> dict[Path, dict[str, Any]]:
    out = subprocess.run(["exiftool", "-j", "-n", "-a", "-G1", "-q", "-q", *map(str, paths)],
                         capture_output=True, check=False).stdout
    return {Path(d["SourceFile"]): d for d in json.loads(out)}


def test_photos_and_videos_agree_with_exiftool() -> None:
    paths = sorted(p for folder in ("photos", "video") for p in (CORPUS / folder).rglob("*")
                   if p.is_file())
    reference = _exiftool(paths)
    disagreements = []
    for path in paths:
        tags = reference[path]
        data = path.read_bytes()
        sniffed = sniff(io.BytesIO(data), path.name)
        found = extract(sniffed.kind, sniffed.format, lambda d=data: io.BytesIO(d))
        fields, meta = found.fields, found.meta
        want = next((_clock(tags[k]) for k in CAPTURE_TAGS if k in tags), None)
        got = _clock(fields["captured_local"]) if fields.get("captured_local") else None
        if want != got:
            disagreements.append(f"{path.name}: capture {got} (ExifTool {want})")
        if "Composite:GPSLatitude" in tags and (
                fields.get("gps_lat") is None
                or abs(fields["gps_lat"] - tags["Composite:GPSLatitude"]) > 1e-5
                or abs(fields["gps_lon"] - tags["Composite:GPSLongitude"]) > 1e-5):
            disagreements.append(f"{path.name}: GPS {fields.get('gps_lat')}")
        for key in ("Make", "Model"):
            theirs = str(tags.get(f"IFD0:{key}", "")).strip()
            if theirs and meta.get(key.lower()) != theirs:
                disagreements.append(f"{path.name}: {key} {meta.get(key.lower())!r}")
        if "IFD0:Orientation" in tags and meta.get("orientation_code") != tags["IFD0:Orientation"]:
            disagreements.append(f"{path.name}: orientation {meta.get('orientation_code')}")
        if fields.get("captured_source") in ("IFD0:ModifyDate", "XMP-xmp:ModifyDate"):
            disagreements.append(f"{path.name}: a modification date taken for capture")
    assert disagreements == []
