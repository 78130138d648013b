"""Where items were made, for the map: only items with GPS, their positions as the files state
them (read back with ExifTool), filtered by case and kind; and recordings' durations in the list
rows (read back with ffprobe)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import fixtures
from archive import ImportOptions, Vault
from conftest import PASSPHRASE


def _exiftool_position(path: Path) -> tuple[float, float]:
    out = subprocess.run(["exiftool", "-json", "-n", "-GPSLatitude", "-GPSLongitude", str(path)],  # noqa: S603,S607
                         check=True, capture_output=True, text=True).stdout
    tags = json.loads(out)[0]
    return float(tags["GPSLatitude"]), float(tags["GPSLongitude"])


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_locations_are_the_items_with_gps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "here"
    there = tmp_path / "there"
    here.mkdir()
    there.mkdir()
    moscow = fixtures.jpeg(here / "moscow.jpg", seed=1)
    fixtures.jpeg(here / "no-gps.jpg", gps=False, seed=2)
    clip = fixtures.mp4(there / "clip.mp4", with_location=True)
    monkeypatch.setattr(fixtures, "GPS_LAT", -33.8568)
    monkeypatch.setattr(fixtures, "GPS_LON", 151.2153)
    sydney = fixtures.jpeg(there / "sydney.jpg", seed=3)
    vault, _key = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        vault.import_paths([here], options=ImportOptions(case="Here"))
        vault.import_paths([there], options=ImportOptions(case="There"))
        ids = {s.original_name: s.id for s in vault.items()}
        every = {loc.id: loc for loc in vault.item_locations()}
        assert ids["no-gps.jpg"] not in every
        assert {ids["moscow.jpg"], ids["sydney.jpg"]} <= set(every)
        for name, path in (("moscow.jpg", moscow), ("sydney.jpg", sydney)):
            lat, lon = _exiftool_position(path)
            assert every[ids[name]].latitude == pytest.approx(lat, abs=1e-6)
            assert every[ids[name]].longitude == pytest.approx(lon, abs=1e-6)
            assert every[ids[name]].original_name == name
        assert [loc.id for loc in vault.item_locations(case="Here")] == [ids["moscow.jpg"]]
        there_ids = {loc.id for loc in vault.item_locations(case="There")}
        assert ids["sydney.jpg"] in there_ids and ids["moscow.jpg"] not in there_ids
        photos = {loc.id for loc in vault.item_locations(kind="photo")}
        assert ids["clip.mp4"] not in photos
        assert set(every) == {s.id for s in vault.items() if s.has_location}
        assert clip.exists()
    finally:
        vault.lock()


@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffprobe is not installed")
def test_list_rows_carry_the_duration(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    take = fixtures.wav(folder / "take.wav", seconds=3.25)
    fixtures.jpeg(folder / "photo.jpg")
    vault, _key = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        vault.import_paths([folder])
        rows = {s.original_name: s for s in vault.items()}
        probed = float(subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",  # noqa: S607
             "default=noprint_wrappers=1:nokey=1", str(take)],
            check=True, capture_output=True, text=True).stdout)
        assert rows["take.wav"].duration == pytest.approx(probed, abs=0.05)
        assert rows["photo.jpg"].duration is None
        assert vault.item_detail(rows["take.wav"].id).duration == rows["take.wav"].duration
    finally:
        vault.lock()
