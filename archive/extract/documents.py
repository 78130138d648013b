"""Documents: text from DOCX (python-docx), PDF (pypdf) and ODT (odfpy)."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from . import Extracted
from .zipcheck import check_zip

MAX_PDF_PAGES = 2000


def _docx(stream: BinaryIO, out: Extracted) -> None:
    import docx

    check_zip(stream)
    document = docx.Document(stream)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    out.text = "\n".join(parts)
    props = document.core_properties
    if props.title:
        out.fields["title"] = props.title
    out.meta["document"] = {k: str(v) for k, v in {
        "author": props.author, "created": props.created, "modified": props.modified,
        "last_modified_by": props.last_modified_by}.items() if v}


def _pdf(stream: BinaryIO, out: Extracted) -> None:
    from pypdf import PdfReader

    reader = PdfReader(stream)
    pages = reader.pages
    out.meta["pages"] = len(pages)
    texts = []
    for i, page in enumerate(pages):
        if i >= MAX_PDF_PAGES:
            out.problems.append(f"text: only the first {MAX_PDF_PAGES} pages were read")
            break
        texts.append(page.extract_text() or "")
    out.text = "\n\f".join(texts)
    info = reader.metadata
    if info:
        if info.title:
            out.fields["title"] = str(info.title)
        out.meta["document"] = {k: str(v) for k, v in {
            "author": info.author, "creator": info.creator, "producer": info.producer,
            "created": info.get("/CreationDate")}.items() if v}


def _odt(stream: BinaryIO, out: Extracted) -> None:
    from odf import teletype, text
    from odf.opendocument import load

    check_zip(stream)
    document = load(stream)
    out.text = "\n".join(teletype.extractText(p) for p in document.getElementsByType(text.P))


def read_document(fmt: str, open_stream: Callable[[], BinaryIO], out: Extracted) -> None:
    if fmt == "application/pdf":
        out.attempt("PDF text", lambda: _pdf(open_stream(), out))
    elif fmt.endswith("wordprocessingml.document"):
        out.attempt("DOCX text", lambda: _docx(open_stream(), out))
    elif fmt == "application/vnd.oasis.opendocument.text":
        out.attempt("ODT text", lambda: _odt(open_stream(), out))
