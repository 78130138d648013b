"""The PDF exhibit list and custody report that goes into every exhibit package."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from archive.custody.log import Event
from archive.custody.wording import event_sentence

_FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "C:\\Windows\\Fonts\\arial.ttf",
]


def unicode_font() -> Path | None:
    for candidate in _FONT_CANDIDATES:
        path = Path(candidate)
        if path.is_file():
            return path
    return None


class _Report(FPDF):
    def __init__(self, font: Path | None) -> None:
        super().__init__(format="A4")
        self.set_auto_page_break(auto=True, margin=15)
        self.unicode = font is not None
        if font is not None:
            self.add_font("body", fname=str(font))
            self.face = "body"
        else:
            self.face = "Helvetica"

    def text_of(self, value: Any) -> str:
        text = "" if value is None else str(value)
        if self.unicode:
            return text
        from search.analysis import to_latin  # a readable Latin form for the core font

        return "".join(to_latin(c.lower()) if c.isalpha() and ord(c) > 0x24F else c
                       for c in text).encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.face, size=8)
        self.cell(0, 6, f"page {self.page_no()} of {{nb}}", align="C")

    def line_text(self, text: str, size: float = 10, mono: bool = False) -> None:
        """``mono`` is for hashes and other ASCII only (the core Courier font)."""
        self.set_font("Courier" if mono else self.face, size=size)
        text = text.encode("ascii", "replace").decode("ascii") if mono else self.text_of(text)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def build(case: str | None, exporter: str, exported_at: str, checkpoint_note: str,
          public_key: bytes, rows: Sequence[dict[str, Any]],
          events: dict[str, list[dict[str, Any]]]) -> bytes:
    """``rows`` as in exhibits.csv; ``events`` are each item's custody entries."""
    from archive.exhibits.fingerprint import key_fingerprint

    pdf = _Report(unicode_font())
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.line_text("Exhibit list and custody report", size=16)
    pdf.ln(2)
    pdf.line_text(f"Case: {case or '(selected exhibits)'}")
    pdf.line_text(f"Exported {exported_at} by {exporter}; {len(rows)} exhibit(s)")
    if not pdf.unicode:
        pdf.line_text("(No Unicode font was found: names are shown transliterated; the exact "
                      "names are in exhibits.csv.)", size=8)
    lines = checkpoint_note.split("\n")
    pdf.ln(2)
    pdf.line_text("Signed checkpoint of the custody log (checkpoint.txt):", size=9)
    pdf.line_text(f"  tree size {lines[1]}, root {lines[2]}", size=8, mono=True)
    pdf.ln(2)
    pdf.line_text("Signed by the key with the fingerprint", size=9)
    pdf.line_text(f"  {key_fingerprint(public_key)}", size=10, mono=True)
    pdf.line_text("Compare it with the fingerprint the archive's keeper gives you another way "
                  "(not from this package). The signatures prove only that the holder of this "
                  "key signed the package.", size=8)
    pdf.ln(4)
    for row in rows:
        pdf.line_text(f"{row['exhibit']}  {row['original_name']}", size=11)
        details = [f"kind {row['kind']}, {int(row['size']):,} bytes"]
        if row.get("captured_at"):
            details.append(f"captured (device clock) {row['captured_at']}")
        if row.get("gps_lat"):
            details.append(f"location {row['gps_lat']}, {row['gps_lon']}")
        if row.get("camera"):
            details.append(f"device {row['camera']}")
        details.append(f"imported into the archive {row['imported_at']} by "
                       f"{row['imported_by']}")
        pdf.line_text("; ".join(details), size=9)
        pdf.line_text(f"SHA-256 {row['sha256']}", size=8, mono=True)
        pdf.ln(2)
    pdf.add_page()
    pdf.line_text("Custody record of each exhibit", size=14)
    pdf.line_text("Every action recorded on the exhibit, in order; each entry is in custody.jsonl "
                  "with its inclusion proof against the signed checkpoint.", size=8)
    for row in rows:
        pdf.ln(3)
        pdf.line_text(f"{row['exhibit']}  {row['original_name']}", size=11)
        for event in events.get(row["item_id"], []):
            if event.get("withheld"):
                pdf.line_text(f"#{event['seq']}  older record withheld (leaf hash and "
                              "inclusion proof only)", size=8)
                continue
            when = str(event["time"]).split(".")[0].rstrip("Z") + " UTC"
            pdf.line_text(f"#{event['seq']}  {when}  {_sentence(event)}", size=8)
            if event.get("details_text"):
                pdf.line_text(f"      {event['details_text']}", size=7)
    return bytes(pdf.output())




def _sentence(entry: dict[str, Any]) -> str:
    return event_sentence(Event(entry["seq"], entry["time"], entry["action"], entry.get("item"),
                                entry.get("sha256"), entry.get("size"), entry["actor"],
                                entry.get("details", {})))
