"""Commands about the search index: search, reindex."""

from __future__ import annotations

import argparse
from typing import Any

from archive.cli import common as cli
from archive.cli.progressbar import ProgressBar
from archive.extract.text import format_timecode


def cmd_search(args: argparse.Namespace) -> int:
    from search import QueryError

    with cli.open_unlocked(args) as vault:
        try:
            hits = vault.search(args.query, limit=args.limit)
        except QueryError as exc:
            cli.say(f"strongroom: {exc}")
            return cli.EXIT_USAGE
    if args.json:
        cli.emit_json([{"id": h.id, "score": round(h.score, 4), "kind": h.kind, "title": h.title,
                        "snippet": h.snippet, "timecode": h.timecode} for h in hits])
        return cli.EXIT_OK
    for h in hits:
        where = f" at {format_timecode(h.timecode)}" if h.timecode is not None else ""
        print(f"{h.id[:12]}  {h.kind:<10} {h.title}{where}")
        if h.snippet:
            print(f"              {h.snippet}")
    cli.say(f"{len(hits)} result(s)")
    return cli.EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args) as vault:
        count = vault.rebuild_index(progress=ProgressBar("Indexing"))
    cli.say(f"search index rebuilt from the catalog: {count} item(s)")
    return cli.EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("search", help="full-text search (words, \"phrases\", AND/OR/NOT, "
                                      "kind:, case:, tag:, captured:[A to B])")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the search index from the catalog")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.set_defaults(func=cmd_reindex)
