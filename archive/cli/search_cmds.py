"""Commands about the search index: search, reindex."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from archive.cli import common as cli
from archive.cli.progressbar import ProgressBar
from archive.extract.text import format_timecode

BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def marked(text: str, spans: list[tuple[int, int]], bold: bool) -> str:
    """The matched words in terminal bold on a terminal; plain text otherwise (no characters
    are added that could be taken for the text's own)."""
    if not bold:
        return cli.printable(text)
    out, last = [], 0
    for start, end in spans:  # the text between the marks escaped, the marks themselves not
        out += [cli.printable(text[last:start]), BOLD, cli.printable(text[start:end]), PLAIN]
        last = end
    return "".join([*out, cli.printable(text[last:])])


def cmd_search(args: argparse.Namespace) -> int:
    from search import QueryError

    with cli.open_unlocked(args, cli.READ) as vault:
        try:
            hits = vault.search(args.query, limit=args.limit, offset=args.offset)
        except QueryError as exc:
            cli.say(f"strongroom: {exc}")
            return cli.EXIT_USAGE
    if args.json:
        # spans: [start, end) character offsets of the matched words in the snippet.
        cli.emit_json([{"id": h.id, "score": round(h.score, 4), "kind": h.kind, "title": h.title,
                        "snippet": h.snippet, "spans": [list(s) for s in h.spans],
                        "timecode": h.timecode} for h in hits])
        return cli.EXIT_OK
    bold = sys.stdout.isatty()
    for h in hits:
        where = f" at {format_timecode(h.timecode)}" if h.timecode is not None else ""
        cli.line(f"{h.id[:12]}  {h.kind:<10} {h.title}{where}")
        if h.snippet:
            print(f"              {marked(h.snippet, h.spans, bold)}")  # escaped in marked()
    first = hits.offset + 1 if len(hits) else hits.offset
    shown = f"{first}-{hits.offset + len(hits)}" if hits.offset else f"{len(hits)}"
    cli.say(f"{shown} of {hits.total} result(s)")
    return cli.EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args) as vault:
        count = vault.rebuild_index(progress=ProgressBar("Indexing"))
        for problem in vault.rebuilt_derived():
            cli.say(f"REBUILT {problem}")
    cli.say(f"search index rebuilt from the catalog: {count} item(s)")
    return cli.EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("search", help="full-text search (words, \"phrases\", AND/OR/NOT, "
                                      "kind:, case:, tag:, captured:[A to B])")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, help="hits per page (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many hits (next pages)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the search index from the catalog")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.set_defaults(func=cmd_reindex)
