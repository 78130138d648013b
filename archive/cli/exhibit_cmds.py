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
    if args.out is None:
        from datetime import datetime

        from archive.exhibits.package import default_folder_name

        args.out = default_folder_name(args.case, datetime.now())
    if args.publication:
        return _publication(args)
    with cli.open_unlocked(args, changes=True) as vault:
        result = vault.export(args.out, case=args.case, items=args.items or (),
                              actor=args.actor, progress=ProgressBar("Exporting"))
    for number, item_id, filename in result.exhibits:
        cli.line(f"{number}  {item_id[:12]}  {filename}")
    cli.say(f"exhibit package written to {result.path} ({len(result.exhibits)} exhibit(s)); "
            "check it with: strongroom verify-export")
    return cli.EXIT_OK


def _publication(args: argparse.Namespace) -> int:
    from archive.exhibits.publication import COPIED, REENCODED, REFUSED

    with cli.open_unlocked(args, changes=True) as vault:
        results = vault.publication_copies(args.out, case=args.case, items=args.items or (),
                                           actor=args.actor, progress=ProgressBar("Copying"))
    for r in results:
        if r.outcome == REFUSED:
            cli.line(f"{r.exhibit}  {r.item_id[:12]}  REFUSED: {r.how}")
        else:
            cli.line(f"{r.file}  {r.item_id[:12]}  {r.outcome}: {r.how}; sha256 {r.sha256}")
    counts = {o: sum(r.outcome == o for r in results) for o in (COPIED, REENCODED, REFUSED)}
    cli.say(f"{counts[COPIED]} copied, {counts[REENCODED]} copied after re-encoding, "
            f"{counts[REFUSED]} refused (no clean copy could be made; nothing written for them); "
            f"copies in {args.out}, not for court: use export without --publication for that")
    return cli.EXIT_FAILED if counts[REFUSED] else cli.EXIT_OK


def cmd_verify_export(args: argparse.Namespace) -> int:
    from archive.exhibits.check import inspect_package

    report = inspect_package(args.dir, args.key_fingerprint)
    problems = report.problems
    if args.json:
        cli.emit_json({"ok": not problems, "problems": problems, "notes": report.notes,
                       "key_fingerprint": report.fingerprint,
                       "key_fingerprint_checked": args.key_fingerprint is not None,
                       "withheld_records": report.withheld,
                       "undisclosed_values": report.undisclosed})
    for problem in problems:
        cli.say(f"FAILED {problem}")
    for note in report.notes:
        cli.say(f"NOTE   {note}")
    if report.fingerprint is not None:
        cli.say(f"signing key fingerprint: {report.fingerprint}")
    if report.undisclosed or report.withheld:
        cli.say(f"not disclosed by this package: {report.undisclosed} value(s) about other "
                f"cases, tags or notes (salted commitments), {report.withheld} older record(s) "
                "withheld (leaf hash and inclusion proof only)")
    if problems:
        return cli.EXIT_DAMAGE
    if args.key_fingerprint is not None:
        cli.say("the package is complete, unchanged, and signed by the key you expected "
                f"({report.fingerprint}); its custody record checks out")
    else:
        cli.say(f"the package is complete, unchanged, and signed by the key {report.fingerprint};"
                " its custody record checks out. This proves nothing about who holds that key: "
                "compare the fingerprint with one obtained another way (from the archive's "
                "keeper, not from this package), or pass it with --key-fingerprint")
    return cli.EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="write an exhibit package (BagIt) for a court or editor")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.add_argument("--case", action="append",
                   help="a case to export (may be given more than once)")
    p.add_argument("--items", nargs="+", metavar="ID")
    p.add_argument("--out", help="a new folder for the package (default: one named after "
                                 "the case(s) and the time, in the current folder)")
    p.add_argument("--publication", action="store_true",
                   help="metadata-free copies for publication instead of a court package")
    p.add_argument("--actor")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify-export", help="check an exhibit package (no vault needed)")
    p.add_argument("dir")
    p.add_argument("--key-fingerprint", metavar="FP",
                   help="the fingerprint of the archive's signing key, obtained another way "
                        "(shown by `strongroom info --fingerprint` on the archive's machine)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify_export)
