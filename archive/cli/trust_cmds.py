"""Commands about trust over time: witness folders (``witness add/remove/list/acknowledge``) and
trusted time-stamps of checkpoints (``timestamp``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archive.cli import common as cli
from archive.custody.stamping import STAMPED
from archive.custody.timestamp import load_roots


def cmd_witness(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args) as vault:
        trust = vault.trust
        if args.action == "add":
            problems = trust.witnesses.add_folder(Path(args.folder))
            for problem in problems:
                cli.say(f"WARNING {problem.message}")
            cli.say(f"{args.folder} now holds a witness of this vault, brought up to date after "
                    "every change" + (" (once it can be written)" if problems else ""))
            return cli.EXIT_OK if not problems else cli.EXIT_FAILED
        if args.action == "remove":
            trust.witnesses.remove_folder(Path(args.folder))
            cli.say(f"{args.folder} no longer holds a witness of this vault")
            return cli.EXIT_OK
        if args.action == "acknowledge":
            if not trust.rollback_found:
                cli.say("there is no rollback warning to acknowledge")
                return cli.EXIT_OK
            for problem in vault.acknowledge_rollback():
                cli.say(f"WARNING {problem.message}")
            cli.say("acknowledged: the witnesses now remember the custody log as it is")
            return cli.EXIT_OK
        places = trust.witnesses.places()
        file_name = trust.witnesses.file_name
    if args.json:
        cli.emit_json({"file_name": file_name,
                       "folders": [{"folder": str(p), "default": n == 0}
                                   for n, p in enumerate(places)]})
        return cli.EXIT_OK
    for n, place in enumerate(places):
        print(f"{place}{'  (default)' if n == 0 else ''}")
    cli.say(f"each folder holds the file {file_name}")
    return cli.EXIT_OK


def cmd_timestamp(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args) as vault:
        stamps = vault.trust.stamps
        if args.add_authority:
            if not args.roots:
                cli.say("strongroom: --add-authority needs --roots PEM, the authority's root "
                        "certificate as it publishes it (no roots are bundled, and the system's "
                        "web roots are not used for time-stamps)")
                return cli.EXIT_USAGE
            roots = Path(args.roots).read_text(encoding="ascii", errors="replace")
            stamps.add_authority(args.add_authority, roots)
            cli.say(f"checkpoints of this vault will be time-stamped by {args.add_authority} "
                    "(only each checkpoint's SHA-256 is sent)")
            return cli.EXIT_OK
        if args.remove_authority:
            stamps.remove_authority(args.remove_authority)
            cli.say(f"{args.remove_authority} is no longer asked")
            return cli.EXIT_OK
        if args.list:
            authorities = stamps.authorities()
            tokens = stamps.tokens()
            pending = stamps.pending()
            if args.json:
                cli.emit_json({"authorities": [u for u, _ in authorities],
                               "waiting": pending,
                               "stamps": [{"tree_size": t.tree_size, "authority": t.authority,
                                           "time": t.gen_time.strftime("%Y-%m-%dT%H:%M:%SZ")}
                                          for t in tokens]})
                return cli.EXIT_OK
            for url, roots in authorities:
                print(f"authority {url}  ({len(load_roots(roots))} trust root(s))")
            for t in tokens:
                print(f"checkpoint {t.tree_size}  {t.gen_time:%Y-%m-%d %H:%M:%S} UTC  "
                      f"{t.authority}")
            cli.say(f"{len(tokens)} time-stamp(s); {len(pending)} checkpoint(s) waiting")
            return cli.EXIT_OK
        if not stamps.enabled:
            cli.say("no time-stamping authority was added to this vault (opt-in: asking one "
                    "tells it that you are active); add one with --add-authority URL")
            return cli.EXIT_USAGE
        if vault.trust.rollback_found:
            cli.say("strongroom: nothing was sent: a trusted time is not given to a custody log "
                    "found shorter than its witnesses; acknowledge the warning first "
                    "(`strongroom witness acknowledge VAULT`)")
            return cli.EXIT_DAMAGE
        outcomes = vault.send_pending_stamps()
    if args.json:
        cli.emit_json([o.as_json() for o in outcomes])
    for o in outcomes:
        when = f" at {o.gen_time:%Y-%m-%d %H:%M:%S} UTC" if o.gen_time else ""
        cli.say(f"checkpoint {o.tree_size}: {o.authority}: {o.message}{when}")
    if not outcomes:
        cli.say("every checkpoint is already time-stamped")
    return cli.EXIT_OK if all(o.status == STAMPED for o in outcomes) else cli.EXIT_FAILED


def register(sub: Any) -> None:
    p = sub.add_parser("witness", help="folders that remember how far the custody log had grown")
    p.add_argument("action", choices=["add", "remove", "list", "acknowledge"],
                   help="acknowledge: a rollback warning was seen; the witnesses may move on")
    p.add_argument("vault")
    p.add_argument("folder", nargs="?", help="for add and remove: the folder")
    cli.add_unlock_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_witness_with_folder)

    p = sub.add_parser("timestamp", help="trusted RFC 3161 time-stamps of checkpoints (opt-in)")
    cli.add_vault_options(p)
    p.add_argument("--add-authority", metavar="URL", help="ask this time-stamping authority")
    p.add_argument("--roots", metavar="PEM", help="with --add-authority (required): the "
                   "authority's root certificate(s), the only roots its tokens are checked "
                   "against")
    p.add_argument("--remove-authority", metavar="URL")
    p.add_argument("--list", action="store_true", help="authorities, stamps and the queue")
    p.set_defaults(func=cmd_timestamp)


def _witness_with_folder(args: argparse.Namespace) -> int:
    if args.action in ("add", "remove") and not args.folder:
        cli.say(f"strongroom: witness {args.action} needs a FOLDER")
        return cli.EXIT_USAGE
    return cmd_witness(args)
