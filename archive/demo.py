"""A demo vault of made-up evidence: photos with GPS, a recording with its timed transcript, a
short phone video and witness statements in Russian, Uzbek and Kazakh. Everything is generated
here; nothing real is inside. ``strongroom-desktop --demo`` opens it."""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw

from archive.intake.results import ImportOptions
from archive.progress import Progress
from archive.vault import Vault

DEMO_PASSPHRASE = "demo vault, not for evidence"  # noqa: S105 - published in the README
DEMO_CASE = "Demo: basement shop"


# Made-up places in and around Moscow, and when the photos were "taken".
_PHOTOS = [
    ("shop-front.jpg", 55.7601, 37.6402, "2023:06:14 09:41:07", 1, (180, 120, 60)),
    ("basement-stairs.jpg", 55.7602, 37.6404, "2023:06:14 09:44:52", 6, (90, 90, 110)),
    ("storeroom-door.jpg", 55.7603, 37.6401, "2023:06:14 09:47:30", 1, (120, 70, 50)),
    ("van-at-night.jpg", 55.8118, 37.5712, "2023:06:02 23:12:18", 3, (20, 30, 60)),
]
_RECORDING = "interview-7.wav"
_SRT = """1
00:00:00,500 --> 00:00:03,000
Расскажите, как вы оказались в подвале магазина.

2
00:00:03,500 --> 00:00:06,500
Паспорта забрали в первый же день.

3
00:00:07,000 --> 00:00:09,500
Мы работали без выходных, десять лет.
"""
_STATEMENTS = {
    "witness-statement-ru.txt": ("cp1251", "Показания свидетеля (демо). Я видела, как из фургона "
                                 "выводили женщин к подвалу магазина. Это было ночью, летом."),
    "guvoh-bayonoti-uz.txt": ("utf-8", "Guvoh bayonoti (demo). Men Toshkentdan keldim. "
                              "Pasportimni olib qo'yishdi, ish haqi to'lashmadi."),
    "kuali-kk.txt": ("utf-16", "Куәгер айғағы (демо). Көршім түнде фургонды көрді. "
                     "Neighbour statement: the van came at night."),
}


def build_demo_vault(path: str | Path, passphrase: str = DEMO_PASSPHRASE, *,
                     progress: Progress | None = None) -> Vault:
    """Make the demo vault at ``path`` (an empty or missing folder) and return it unlocked."""
    vault, _recovery = Vault.create(path, passphrase)
    try:
        with tempfile.TemporaryDirectory(prefix="demo-") as scratch:
            folder = Path(scratch)
            write_demo_files(folder)
            vault.import_paths([folder], options=ImportOptions(case=DEMO_CASE, tags=("demo",)),
                               progress=progress)
    except BaseException:
        vault.lock()
        raise
    return vault


def write_demo_files(folder: Path) -> list[Path]:
    """The made-up evidence files, written into ``folder``."""
    made = [_photo(folder / name, lat, lon, taken, orientation, colour)
            for name, lat, lon, taken, orientation, colour in _PHOTOS]
    made.append(_recording(folder / _RECORDING, seconds=10.0))
    srt = folder / "interview-7.srt"
    srt.write_text(_SRT, encoding="utf-8")
    made.append(srt)
    for name, (encoding, text) in _STATEMENTS.items():
        target = folder / name
        target.write_bytes(text.encode(encoding))
        made.append(target)
    made.append(_video(folder / "courtyard.mp4"))
    return made


def _rational_dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    degrees, rest = divmod(value * 3600, 3600)
    minutes, seconds = divmod(rest, 60)
    return (Fraction(int(degrees)), Fraction(int(minutes)),
            Fraction(seconds).limit_denominator(10000))


def _scene(colour: tuple[int, int, int], label: str, size: tuple[int, int]) -> Image.Image:
    """A simple drawn scene, light above and dark below, so upright is easy to see."""
    w, h = size
    img = Image.new("RGB", size, tuple(min(255, c + 90) for c in colour))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, h * 3 // 5, w, h), fill=colour)
    draw.rectangle((w // 3, h // 4, w * 2 // 3, h * 3 // 5), outline=(30, 30, 30), width=8)
    draw.text((24, 24), label, fill=(0, 0, 0))
    return img


def _photo(path: Path, lat: float, lon: float, taken: str, orientation: int,
           colour: tuple[int, int, int]) -> Path:
    img = _scene(colour, path.stem, (1280, 960))
    turn = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
            8: Image.Transpose.ROTATE_270}.get(orientation)
    if turn is not None:  # stored turned, as a phone held sideways writes it
        img = img.transpose(turn)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "DemoPhone", "Demo 12"  # Make, Model
    exif[0x0112] = orientation
    exif.get_ifd(0x8769).update({0x9003: taken, 0x9011: "+03:00"})
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: _rational_dms(lat), 3: "E", 4: _rational_dms(lon)})
    img.save(path, "JPEG", exif=exif.tobytes(), quality=88)
    return path


def _recording(path: Path, seconds: float, rate: int = 16000) -> Path:
    """A voice-like recording: syllables of a gliding tone with pauses between the cues."""
    samples = bytearray()
    for i in range(int(seconds * rate)):
        t = i / rate
        syllable = 0.5 + 0.5 * math.sin(2 * math.pi * 3.0 * t)
        pause = 0.0 if (t % 3.5) > 3.0 else 1.0
        pitch = 170 + 40 * math.sin(2 * math.pi * 0.4 * t)
        value = 9000 * syllable * pause * math.sin(2 * math.pi * pitch * t)
        samples += struct.pack("<h", int(value))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(samples))
    return path


def _video(path: Path, seconds: int = 3, fps: int = 10) -> Path:
    """A short clip with the creation time and ISO 6709 location a phone writes."""
    import av

    with av.open(str(path), "w", format="mp4", options={"movflags": "use_metadata_tags"}) as out:
        out.metadata["creation_time"] = "2023-06-14T06:50:00.000000Z"
        out.metadata["location"] = "+55.7600+037.6403/"
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        for i in range(seconds * fps):
            img = _scene((70, 90, 60), f"courtyard {i // fps}s", (320, 240))
            ImageDraw.Draw(img).ellipse((10 + i * 9, 150, 50 + i * 9, 190), fill=(200, 40, 40))
            for packet in stream.encode(av.VideoFrame.from_image(img).reformat(format="yuv420p")):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
