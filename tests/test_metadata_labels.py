"""Readable metadata: labels and units, zones, dates; the raw values stay as they were."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.catalog.labels import capture_time, readable_metadata


def _lines(meta: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {line.label: line.value for line in readable_metadata(meta)}


def test_photo_values_read_as_a_person_would() -> None:
    meta = {"f_number": "3/2", "focal_length": "57/10", "exposure": "1/60",
            "orientation": "Rotated 90 CW", "orientation_code": 6, "iso": "100",
            "datetime_original": "2023:06:14 09:41:07", "offset_original": "+03:00",
            "make": "TestCam"}
    lines = _lines(meta)
    assert lines["Aperture"] == "f/1.5"
    assert lines["Focal length"] == "5.7 mm"
    assert lines["Exposure"] == "1/60 s"
    assert lines["Orientation"] == "rotated 90° clockwise"
    assert lines["ISO speed"] == "ISO 100"
    assert lines["Taken (as the camera wrote it)"] == "2023-06-14 09:41:07 UTC+03:00"
    assert "Orientation" in lines and "Offset original" not in lines
    assert _lines({"datetime_original": "2023:06:14 09:41:07"})[
        "Taken (as the camera wrote it)"] == "2023-06-14 09:41:07 (zone unknown)"
    assert _lines({"exposure": "2"})["Exposure"] == "2 s"
    assert _lines({"exposure": "10/4000"})["Exposure"] == "1/400 s"
    assert meta["f_number"] == "3/2"  # the stored dict is not changed


def test_media_values_and_tags() -> None:
    lines = _lines({"bitrate": 128000, "sampling_rate": 44100, "channels": 2,
                    "frame_rate": 29.97, "tags": {"title": "Interview 7", "date": "2024-03-11"},
                    "unheard_of": "x"})
    assert lines["Bit rate"] == "128 kbit/s"
    assert lines["Sampling rate"] == "44.1 kHz"
    assert lines["Channels"] == "2 (stereo)"
    assert lines["Frame rate"] == "29.97 frames/s"
    assert lines["Tag: title"] == "Interview 7"
    assert lines["Tag: date"] == "2024-03-11 (date)"
    assert lines["Unheard of"] == "x"


def test_capture_times_with_zone_without_zone_and_date_only() -> None:
    moment = datetime(2023, 6, 14, 6, 41, 7)
    assert capture_time(moment, True, "2023:06:14 09:41:07+03:00") == \
        "2023-06-14 09:41:07 UTC+03:00 = 2023-06-14 06:41:07 UTC"
    assert capture_time(datetime(2023, 6, 14, 9, 41, 7), False, "2023:06:14 09:41:07") == \
        "2023-06-14 09:41:07 (zone unknown)"
    assert capture_time(datetime(2024, 3, 11), False, "2024-03-11") == "2024-03-11 (date only)"
    assert capture_time(moment, True, "UTC 2023-06-14 06:41:07") == "2023-06-14 06:41:07 UTC"
    assert capture_time(None, False, None) is None


def test_a_date_only_audio_tag_stays_a_date(small_vault: Vault, tmp_path: Path) -> None:
    audio = fx.compressed_audio(tmp_path / "interview.m4a")  # tagged date=2024-03-11
    report = small_vault.import_paths([audio])
    item = report.results[0].item_id
    assert item is not None
    d = small_vault.item_detail(item)
    shown = capture_time(d.captured_at, d.captured_is_utc, d.captured_local)
    assert shown is not None and "T00:00:00" not in shown and "00:00:00" not in shown
    assert shown.startswith("2024-03-11")


def test_show_prints_labels_and_raw_on_request(vault_path: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capfd: pytest.CaptureFixture[str]) -> None:
    import json

    from archive.cli.main import main
    from conftest import PASSPHRASE

    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    v = str(vault_path)
    assert main(["init", v]) == 0
    assert main(["import", v, str(fx.jpeg(tmp_path / "a.jpg", orientation=6))]) == 0
    capfd.readouterr()
    assert main(["list", v, "--json"]) == 0
    item = json.loads(capfd.readouterr().out)[0]["id"]
    assert main(["show", v, item]) == 0
    out = capfd.readouterr().out
    assert "Orientation: rotated 90° clockwise" in " ".join(out.split())
    assert "2023-06-14 09:41:07 UTC+03:00" in out and "orientation_code" not in out
    assert main(["show", v, item, "--raw"]) == 0
    assert "raw orientation_code: 6" in " ".join(capfd.readouterr().out.split())
    assert main(["show", v, item, "--json"]) == 0
    shown = json.loads(capfd.readouterr().out)
    assert shown["metadata"]["orientation_code"] == 6
    assert {"key": "orientation_code", "label": "Orientation",
            "value": "rotated 90° clockwise"} in shown["readable"]["metadata"]
