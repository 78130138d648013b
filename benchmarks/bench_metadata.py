"""Agreement of metadata readers with ExifTool, per file kind, and their time against ExifTool's.

    python benchmarks/bench_metadata.py [FOLDER ...] [--readers strongroom,exifread,pillow,exiv2]

FOLDER defaults to ../shared/corpus (photos, video, audio, odd formats). ExifTool is the reference:
for each file and field (capture time, GPS, make/model, orientation, dimensions) where ExifTool
finds a value, a reader agrees when it gives the same value; where ExifTool finds no capture time,
a reader that gives one has *invented* it. Readers: the product's (archive.extract), and the
candidate libraries on their own (exifread, Pillow, exiv2 when its bindings are installed).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _common  # noqa: F401 - puts the project on sys.path

FIELDS = ("capture", "gps", "make/model", "orientation", "dimensions")
KINDS = {".jpg": "jpeg", ".jpeg": "jpeg", ".heic": "heic", ".heif": "heic", ".tif": "tiff",
         ".tiff": "tiff", ".png": "png", ".webp": "webp", ".mp4": "video", ".mov": "video",
         ".m4a": "audio", ".mp3": "audio", ".flac": "audio", ".ogg": "audio", ".opus": "audio",
         ".wav": "audio", ".aac": "audio", ".avi": "video", ".mkv": "video", ".webm": "video"}
# Tags that mean "when the picture or recording was taken", in the order a reader should prefer.
CAPTURE_TAGS = ("ExifIFD:DateTimeOriginal", "XMP-exif:DateTimeOriginal",
                "XMP-photoshop:DateCreated", "Keys:CreationDate", "UserData:DateTimeOriginal",
                "ItemList:ContentCreateDate", "ID3v2_4:RecordingTime", "ID3v2_3:RecordingTime",
                "QuickTime:CreateDate", "PictureInfo:DateTimeOriginal",
                "CIFF:DateTimeOriginal", "MakerNotes:DateTimeOriginal",
                "Composite:DateTimeOriginal")  # ExifTool's own, e.g. RIFF date and time joined
Reading = dict[str, Any]


def exiftool_all(paths: list[Path]) -> dict[Path, dict[str, Any]]:
    out = subprocess.run(["exiftool", "-j", "-n", "-a", "-G1", "-q", "-q", *map(str, paths)],
                         capture_output=True, check=False).stdout
    return {Path(d["SourceFile"]): d for d in json.loads(out or b"[]")}


def _local(value: Any) -> str | None:
    text = str(value).strip()
    if len(text) < 10 or text.startswith("0000"):
        return None
    return text[:19 if len(text) >= 19 else 10].replace("-", ":").replace("T", " ")


def truth(tags: dict[str, Any]) -> Reading:
    found: Reading = {}
    for key in CAPTURE_TAGS:
        group, name = key.split(":")
        hits = [v for k, v in tags.items() if k == key or (
            group == "MakerNotes" and k.endswith(":" + name) and not k.startswith(
                ("ExifIFD", "XMP", "IFD", "Composite")))]
        if hits and _local(hits[0]):
            found["capture"] = _local(hits[0])
            break
    lat, lon = tags.get("Composite:GPSLatitude"), tags.get("Composite:GPSLongitude")
    if isinstance(lat, float | int) and isinstance(lon, float | int):
        found["gps"] = (float(lat), float(lon))
    for group in ("IFD0", "Keys", "UserData", "CIFF", "ItemList"):
        make, model = tags.get(f"{group}:Make"), tags.get(f"{group}:Model")
        if make or model:
            found["make/model"] = (str(make or "").strip(), str(model or "").strip())
            break
    if "IFD0:Orientation" in tags:
        found["orientation"] = int(tags["IFD0:Orientation"])
    size = str(tags.get("Composite:ImageSize", "")).replace("x", " ").split()
    if len(size) == 2:
        found["dimensions"] = (int(float(size[0])), int(float(size[1])))
    return found


def agrees(field: str, ours: Any, theirs: Any) -> bool:
    if field == "gps":
        return abs(ours[0] - theirs[0]) < 1e-5 and abs(ours[1] - theirs[1]) < 1e-5
    return bool(ours == theirs)


def read_strongroom(path: Path) -> Reading:
    from archive.extract import extract
    from archive.intake.sniff import sniff

    data = path.read_bytes()
    sniffed = sniff(io.BytesIO(data), path.name)
    got = extract(sniffed.kind, sniffed.format, lambda: io.BytesIO(data))
    f, m = got.fields, got.meta
    found: Reading = {}
    if f.get("captured_local"):
        found["capture"] = _local(f["captured_local"])
    if f.get("gps_lat") is not None:
        found["gps"] = (f["gps_lat"], f["gps_lon"])
    tags = m.get("tags", {})
    make, model = m.get("make") or tags.get("make"), m.get("model") or tags.get("model")
    if make or model:
        found["make/model"] = (str(make or "").strip(), str(model or "").strip())
    if m.get("orientation_code") is not None:
        found["orientation"] = int(m["orientation_code"])
    if f.get("width"):
        found["dimensions"] = (f["width"], f["height"])
    return found


def read_exifread(path: Path) -> Reading:
    import exifread

    with open(path, "rb") as fh:
        tags = exifread.process_file(fh, details=False)
    found: Reading = {}
    if "EXIF DateTimeOriginal" in tags:
        found["capture"] = _local(tags["EXIF DateTimeOriginal"].printable)
    if "GPS GPSLatitude" in tags and "GPS GPSLongitude" in tags:
        def deg(name: str, neg: str) -> float:
            d, m, s = (float(v.num) / v.den if v.den else 0.0 for v in tags[name].values[:3])
            ref = str(tags.get(name + "Ref", ""))
            return (-1 if ref.upper().startswith(neg) else 1) * (d + m / 60 + s / 3600)
        found["gps"] = (deg("GPS GPSLatitude", "S"), deg("GPS GPSLongitude", "W"))
    if "Image Make" in tags or "Image Model" in tags:
        found["make/model"] = (str(tags.get("Image Make", "")).strip(),
                               str(tags.get("Image Model", "")).strip())
    if "Image Orientation" in tags:
        found["orientation"] = int(tags["Image Orientation"].values[0])
    return found


def read_pillow(path: Path) -> Reading:
    from PIL import Image

    try:
        from pillow_heif import register_heif_opener
        register_heif_opener()
    except ImportError:
        pass
    found: Reading = {}
    with Image.open(path) as img:
        found["dimensions"] = img.size
        exif = img.getexif()
        sub = exif.get_ifd(0x8769)
        if sub.get(0x9003):
            found["capture"] = _local(sub[0x9003])
        if 0x010F in exif or 0x0110 in exif:
            found["make/model"] = (str(exif.get(0x010F, "")).strip("\x00 "),
                                   str(exif.get(0x0110, "")).strip("\x00 "))
        if 0x0112 in exif:
            found["orientation"] = int(exif[0x0112])
        gps = exif.get_ifd(0x8825)
        if 2 in gps and 4 in gps:
            lat = sum(float(v) / 60**i for i, v in enumerate(gps[2][:3]))
            lon = sum(float(v) / 60**i for i, v in enumerate(gps[4][:3]))
            found["gps"] = (-lat if str(gps.get(1, "")).startswith("S") else lat,
                            -lon if str(gps.get(3, "")).startswith("W") else lon)
        if "capture" not in found:
            xmp = img.getxmp() if hasattr(img, "getxmp") else {}
            desc = xmp.get("xmpmeta", {}).get("RDF", {}).get("Description", {})
            for d in desc if isinstance(desc, list) else [desc]:
                if isinstance(d, dict) and d.get("DateTimeOriginal"):
                    found["capture"] = _local(d["DateTimeOriginal"])
    return found


def read_exiv2(path: Path) -> Reading:
    import exiv2

    img = exiv2.ImageFactory.open(str(path))
    img.readMetadata()
    found: Reading = {"dimensions": (img.pixelWidth(), img.pixelHeight())}
    exif = {d.key(): d for d in img.exifData()}
    xmp = {d.key(): d for d in img.xmpData()}
    for key, data in (("Exif.Photo.DateTimeOriginal", exif), ("Xmp.exif.DateTimeOriginal", xmp),
                      ("Xmp.photoshop.DateCreated", xmp)):
        if key in data and _local(data[key].toString()):
            found["capture"] = _local(data[key].toString())
            break
    if "Exif.Image.Make" in exif or "Exif.Image.Model" in exif:
        found["make/model"] = tuple(exif[k].toString().strip("\x00 ") if k in exif else ""
                                    for k in ("Exif.Image.Make", "Exif.Image.Model"))
    if "Exif.Image.Orientation" in exif:
        found["orientation"] = int(exif["Exif.Image.Orientation"].toInt64())
    if "Exif.GPSInfo.GPSLatitude" in exif and "Exif.GPSInfo.GPSLongitude" in exif:
        def deg(key: str, neg: str) -> float:
            v = exif[key]
            value = sum(v.toFloat(i) / 60**i for i in range(3))
            ref = exif[key + "Ref"].toString() if key + "Ref" in exif else ""
            return -value if ref.upper().startswith(neg) else value
        found["gps"] = (deg("Exif.GPSInfo.GPSLatitude", "S"),
                        deg("Exif.GPSInfo.GPSLongitude", "W"))
    return found


READERS: dict[str, Callable[[Path], Reading]] = {
    "strongroom": read_strongroom, "exifread": read_exifread, "pillow": read_pillow,
    "exiv2": read_exiv2}


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not default.is_dir():  # a checkout one level deeper (a worktree beside others)
        default = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[default])
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--verbose", action="store_true", help="list each disagreement")
    args = parser.parse_args()
    paths = sorted(p for folder in args.folders for p in folder.rglob("*")
                   if p.is_file() and p.suffix.lower() in KINDS)
    start = time.perf_counter()
    reference = exiftool_all(paths)
    exiftool_s = time.perf_counter() - start
    print(f"{len(paths)} files; exiftool {exiftool_s:.2f} s (one process for all files)")
    for name in args.readers.split(","):
        # agree[kind][field] = [agreeing, exiftool has a value]; invented[kind] = capture times
        agree: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        invented: dict[str, int] = defaultdict(int)
        misses: list[str] = []
        seconds = 0.0
        for path in paths:
            kind = KINDS[path.suffix.lower()]
            want = truth(reference.get(path, {}))
            start = time.perf_counter()
            try:
                got = READERS[name](path)
            except Exception:  # noqa: BLE001 - a candidate that fails gives nothing
                got = {}
            seconds += time.perf_counter() - start
            for field in FIELDS:
                if field in want:
                    agree[kind][field][1] += 1
                    if field in got and agrees(field, got[field], want[field]):
                        agree[kind][field][0] += 1
                    else:
                        misses.append(f"{path.name}: {field} {got.get(field)!r} != {want[field]!r}")
            if "capture" in got and "capture" not in want:
                invented[kind] += 1
                misses.append(f"{path.name}: capture {got['capture']!r} invented")
        print(f"\n{name}: {seconds:.2f} s ({seconds / exiftool_s:.2f}x exiftool)")
        print(f"  {'kind':8}" + "".join(f"{f:>14}" for f in FIELDS) + f"{'invented':>10}")
        total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for kind in sorted(agree):
            cells = ""
            for field in FIELDS:
                ok, n = agree[kind][field]
                total[field][0] += ok
                total[field][1] += n
                cells += f"{f'{ok}/{n}' if n else '-':>14}"
            print(f"  {kind:8}{cells}{invented[kind]:>10}")
        print(f"  {'all':8}" + "".join(f"{f'{total[f][0]}/{total[f][1]}':>14}" for f in FIELDS)
              + f"{sum(invented.values()):>10}")
        if args.verbose:
            for line in misses:
                print("    " + line)


if __name__ == "__main__":
    main()
