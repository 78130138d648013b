"""Transcripts: encoding detection (UTF-8/16/32 with or without BOM, cp1251, KOI8-R, others) and
timed cues from SubRip and WebVTT."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, BinaryIO

from . import Extracted

MAX_TEXT_BYTES = 64 * 1024 * 1024
_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_TIME = r"(?:(\d{1,2}):)?(\d{2}):(\d{2})[,.](\d{3})"
_CUE_TIMES = re.compile(_TIME + r"\s*-->\s*" + _TIME)
# Neither pattern may cross a "<" nor give back what it took (possessive): a run of unclosed
# "<" or of spaces then costs linear time, not quadratic.
_TAGS = re.compile(r"<[^<>]*+>")
_VOICE = re.compile(r"<v(?:\.[^\s<>]*+)?\s++([^<>]++)>")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name.replace("-sig", ""), errors="replace"), name
    if len(data) >= 4 and b"\x00" in data[:200]:
        evens, odds = data[0:200:2].count(0), data[1:200:2].count(0)
        if odds > evens * 4:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if evens > odds * 4:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = [b for b in data if b >= 0x80]
    if high and sum(1 for b in high if b >= 0xC0) > len(high) * 0.6:
        # Cyrillic single-byte: running text is mostly lowercase, which cp1251 puts at
        # 0xE0-0xFF and KOI8-R at 0xC0-0xDF.
        upper_half = sum(1 for b in high if b >= 0xE0)
        name = "cp1251" if upper_half * 2 >= len(high) else "koi8-r"
        return data.decode(name, errors="replace"), name
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("latin-1"), "latin-1"


def _seconds(h: str | None, m: str, s: str, ms: str) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse_cues(text: str) -> list[dict[str, Any]]:
    """SubRip and WebVTT cues: start and end in seconds, text without markup, speaker if any."""
    cues: list[dict[str, Any]] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln for ln in block.strip("\n").split("\n") if ln.strip()]
        for i, line in enumerate(lines):
            match = _CUE_TIMES.search(line)
            if not match:
                continue
            raw = "\n".join(lines[i + 1 :])
            voice = _VOICE.search(raw)
            body = _TAGS.sub("", raw).strip()
            if body:
                cue: dict[str, Any] = {
                    "start": _seconds(*match.groups()[0:4]),
                    "end": _seconds(*match.groups()[4:8]),
                    "text": body,
                }
                if voice:
                    cue["speaker"] = voice.group(1).strip()
                cues.append(cue)
            break
    return cues


def format_timecode(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _read(fmt: str, stream: BinaryIO, out: Extracted) -> None:
    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        out.problems.append("text: larger than 64 MiB; only the first 64 MiB were read")
        data = data[:MAX_TEXT_BYTES]
    text, encoding = decode(data)
    out.encoding = encoding
    if fmt in ("text/vtt", "application/x-subrip"):
        out.cues = parse_cues(text)
        out.text = "\n".join(c["text"] for c in out.cues) if out.cues else text
        out.meta["cue_count"] = len(out.cues)
    else:
        out.text = text
    first = next((ln.strip(" #") for ln in text.splitlines() if ln.strip(" #\ufeff")), "")
    if first and fmt == "text/markdown":
        out.fields["title"] = first[:200]


def read_transcript(fmt: str, open_stream: Callable[[], BinaryIO], out: Extracted) -> None:
    out.attempt("text", lambda: _read(fmt, open_stream(), out))
