"""Evidence files made by the tests themselves, with known metadata."""

from __future__ import annotations

import io
import math
import struct
import wave
from datetime import datetime
from fractions import Fraction
from pathlib import Path

from PIL import Image

GPS_LAT, GPS_LON, GPS_ALT = 55.7512345, 37.6184321, 156.5  # near the shop in the Moscow case
CAPTURED = "2023:06:14 09:41:07"
CAPTURED_OFFSET = "+03:00"


# How the pixels are stored for each EXIF orientation so that they display upright.
_STORE_AS = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
             8: Image.Transpose.ROTATE_270}


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = round((value - d - m / 60) * 3600 * 10000)
    return Fraction(d), Fraction(m), Fraction(s, 10000)


def jpeg(path: Path, *, gps: bool = True, orientation: int = 1, size: tuple[int, int] = (640, 480),
         captured: str = CAPTURED, offset: str | None = CAPTURED_OFFSET, seed: int = 0,
         quality: int = 90) -> Path:
    """A photo that, shown the way its EXIF orientation says, is red above and blue below (so a
    thumbnail can be checked for being upright); with capture time, camera and GPS."""
    w, h = size
    img = Image.new("RGB", (w, h), (200, 30, 30))
    img.paste((30, 30, 200), (0, h // 2, w, h))
    img.putpixel((seed % w, 0), (seed % 256, 0, 0))  # different bytes for different seeds
    if orientation in _STORE_AS:
        img = img.transpose(_STORE_AS[orientation])
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0110] = "Field 7"  # Model
    exif[0x0131] = "FieldTool 1.0"  # Software
    exif[0x0112] = orientation
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = captured  # DateTimeOriginal
    if offset:
        ifd[0x9011] = offset  # OffsetTimeOriginal
    if gps:
        g = exif.get_ifd(0x8825)
        g[1] = "N" if GPS_LAT >= 0 else "S"
        g[2] = _dms(GPS_LAT)
        g[3] = "E" if GPS_LON >= 0 else "W"
        g[4] = _dms(GPS_LON)
        g[5] = b"\x00"
        g[6] = Fraction(GPS_ALT).limit_denominator(100)
    img.save(path, "JPEG", exif=exif.tobytes(), quality=quality)
    return path


def heic(path: Path) -> Path | None:
    """A HEIC photo, if this pillow-heif build can encode (returns None otherwise)."""
    try:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        img = Image.new("RGB", (320, 240), (200, 30, 30))
        img.paste((30, 30, 200), (0, 120, 320, 240))
        exif = Image.Exif()
        exif[0x010F] = "TestPhone"
        exif.get_ifd(0x8769)[0x9003] = CAPTURED
        img.save(path, format="HEIF", exif=exif.tobytes())
    except Exception:  # noqa: BLE001 - an encoder may be missing from the build
        return None
    return path


def wav(path: Path, seconds: float = 1.5, rate: int = 16000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        frames = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
                          for i in range(int(seconds * rate)))
        w.writeframes(frames)
    return path


def compressed_audio(path: Path, title: str = "Interview 7", seconds: float = 2.0) -> Path:
    """M4A (AAC) with title and date tags, through FFmpeg (PyAV)."""
    import av

    rate = 44100
    with av.open(str(path), "w", format="ipod") as out:
        out.metadata["title"] = title
        out.metadata["date"] = "2024-03-11"
        out.metadata["artist"] = "Field team"
        stream = out.add_stream("aac", rate=rate)
        stream.layout = "mono"
        total = int(seconds * rate)
        for start in range(0, total, 1024):
            n = min(1024, total - start)
            frame = av.AudioFrame(format="fltp", layout="mono", samples=n)
            frame.planes[0].update(b"".join(
                struct.pack("<f", 0.3 * math.sin(2 * math.pi * 330 * (start + i) / rate))
                for i in range(n)))
            frame.rate = rate
            frame.pts = start
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


VIDEO_CREATED = datetime(2024, 10, 30, 3, 25, 0)
VIDEO_LOCATION = "+55.8611+037.5869/"


def mp4(path: Path, seconds: float = 1.0, with_location: bool = True) -> Path:
    """A short MP4 with creation time and an ISO 6709 location, as phones write them."""
    import av

    # Apple-style metadata keys (mdta), as phones write the location.
    with av.open(str(path), "w", format="mp4", options={"movflags": "use_metadata_tags"}) as out:
        out.metadata["creation_time"] = VIDEO_CREATED.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        if with_location:
            out.metadata["location"] = VIDEO_LOCATION
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for i in range(int(seconds * 10)):
            img = Image.new("RGB", (160, 120), (200, 30, 30))
            img.paste((30, 30, 200), (0, 60, 160, 120))
            img.putpixel((i % 160, 0), (255, 255, 255))
            frame = av.VideoFrame.from_image(img).reformat(format="yuv420p")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


RU_TEXT = ("Показания свидетеля. Нас держали в подвале магазина, паспорта забрали. "
           "Ёлка во дворе. Касымова работала без выходных.")
KK_EN_TEXT = "Көршінің айғағы. Neighbour statement: Жаксылыков saw the van at night."
SRT_TEXT = (
    "1\n00:00:12,000 --> 00:00:19,500\nРасскажите, как вы оказались в Москве.\n\n"
    "2\n00:01:05,250 --> 00:01:09,000\nНас держали в подвале десять лет.\n"
)
VTT_TEXT = (
    "WEBVTT\n\n00:05.000 --> 00:11.000\n<v Dilnoza>Men Toshkentdan keldim.\n\n"
    "00:00:12.000 --> 00:00:15.500 align:start\nPasportimni olib qo'yishdi.\n"
)


def transcripts(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "cp1251": folder / "witness-cp1251.txt",
        "koi8r": folder / "note-koi8r.txt",
        "utf16": folder / "neighbour-utf16.txt",
        "srt": folder / "interview.srt",
        "vtt": folder / "interview-uz.vtt",
    }
    files["cp1251"].write_bytes(RU_TEXT.encode("cp1251"))
    files["koi8r"].write_bytes(("Записка. " + RU_TEXT).encode("koi8-r"))
    files["utf16"].write_bytes(KK_EN_TEXT.encode("utf-16"))
    files["srt"].write_text(SRT_TEXT, encoding="utf-8")
    files["vtt"].write_text(VTT_TEXT, encoding="utf-8")
    return files


def docx(path: Path, text: str = "Заявление адвоката. Statement of counsel.") -> Path:
    import docx as python_docx

    document = python_docx.Document()
    document.core_properties.title = "Statement"
    document.add_paragraph(text)
    document.save(str(path))
    return path


def pdf(path: Path, text: str = "Exhibit list for the court, page one.") -> Path:
    from fpdf import FPDF

    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica", size=12)
    doc.cell(text=text)
    doc.set_title("Court filing")
    doc.output(str(path))
    return path


def truncated_jpeg(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def corrupt_exif_jpeg(path: Path) -> Path:
    """A JPEG whose APP1 segment claims EXIF but holds garbage offsets."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 90, 90)).save(buf, "JPEG")
    body = buf.getvalue()
    app1_payload = b"Exif\x00\x00" + b"MM\x00\x2a" + b"\xff\xff\xff\xf0" + b"\x00" * 40
    app1 = b"\xff\xe1" + struct.pack(">H", len(app1_payload) + 2) + app1_payload
    path.write_bytes(body[:2] + app1 + body[2:])
    return path
