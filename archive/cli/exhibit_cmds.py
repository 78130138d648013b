"""Commands about what leaves the vault: export (court package or publication copies) and
verify-export."""

from __future__ import annotations

import argparse
from typing import Any

from archive.cli import common as cli
from archive.cli.progressbar import ProgressBar


def cmd_export(args: argparse.Namespace) -> int:
    if not args.case and not args.items:
        cli.say("strongroom: give --case NAME, --items ID..., or both")
        return cli.EXIT_USAGE
    if args.publication:
        return _publication(args)
    with cli.open_unlocked(args) as vault:
        result = vault.export(args.out, case=args.case, items=args.items or (),
                              actor=args.actor, progress=ProgressBar("Exporting"))
    for number, item_id, filename in result.exhibits:
        print(f"{number}  {item_id[:12]}  {filename}")
    cli.say(f"exhibit package written to {result.path} ({len(result.exhibits)} exhibit(s)); "
            "check it with: strongroom verify-export")
    return cli.EXIT_OK


def _publication(args: argparse.Namespace) -> int:
    from archive.exhibits.publication import COPIED, REENCODED, REFUSED

    with cli.open_unlocked(args) as vault:
        results = vault.publication_copies(args.out, case=args.case, items=args.items or (),
                                           actor=args.actor, progress=ProgressBar("Copying"))
    for r in results:
        if r.outcome == REFUSED:
            print(f"{r.exhibit}  {r.item_id[:12]}  REFUSED: {r.how}")
        else:
            print(f"{r.file}  {r.item_id[:12]}  {r.outcome}: {r.how}; sha256 {r.sha256}")
    counts = {o: sum(r.outcome == o for r in results) for o in (COPIED, REENCODED, REFUSED)}
    cli.say(f"{counts[COPIED]} copied, {counts[REENCODED]} copied after re-encoding, "
            f"{counts[REFUSED]} refused (no clean copy could be made; nothing written for them); "
            f"copies in {args.out}, not for court: use export without --publication for that")
    return cli.EXIT_FAILED if counts[REFUSED] else cli.EXIT_OK


def cmd_verify_export(args: argparse.Namespace) -> int:
    from archive.exhibits.check import check_package

    problems = check_package(args.dir)
    if args.json:
        cli.emit_json({"ok": not problems, "problems": problems})
    for problem in problems:
        cli.say(f"FAILED {problem}")
    if problems:
        return cli.EXIT_DAMAGE
    cli.say("the package is complete, unchanged, signed, and its custody record checks out")
    return cli.EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="write an exhibit package (BagIt) for a court or editor")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.add_argument("--case")
    p.add_argument("--items", nargs="+", metavar="ID")
    p.add_argument("--out", required=True, help="a new folder for the package")
    p.add_argument("--publication", action="store_true",
                   help="metadata-free copies for publication instead of a court package")
    p.add_argument("--actor")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify-export", help="check an exhibit package (no vault needed)")
    p.add_argument("dir")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify_export)
