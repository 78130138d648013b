"""Commands that change an item beyond notes and tags: delete (crypto-erasure), and link or
unlink a transcript and its recording."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from archive.cli import common as cli


def _confirmed(name: str, item_id: str) -> bool:
    cli.say(f"Delete «{cli.printable(name)}» ({item_id[:12]})? Its original becomes unreadable "
            "for good (crypto-erasure) and its thumbnail, text, metadata and search entry are "
            "removed. The custody record keeps the deletion, the reason and the SHA-256.")
    cli.say("Type yes to delete: ")
    answer = sys.stdin.readline()
    return answer.strip().casefold() == "yes"


def cmd_delete(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        cli.say("strongroom: say why the item is deleted (--reason); the reason is kept in the "
                "custody record")
        return cli.EXIT_USAGE
    with cli.open_unlocked(args, changes=True) as vault:
        detail = vault.item_detail(args.item)
        if not args.yes and not _confirmed(detail.original_name, detail.id):
            cli.say("nothing was deleted")
            return cli.EXIT_FAILED
        vault.delete_item(detail.id, args.reason, actor=args.actor)
    cli.say(f"deleted {detail.id[:12]}; the custody record keeps the deletion and its reason")
    return cli.EXIT_OK


def cmd_link(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        transcript, recording = vault.link_items(args.first, args.second, actor=args.actor)
    cli.say(f"transcript {transcript[:12]} linked to recording {recording[:12]}")
    return cli.EXIT_OK


def cmd_unlink(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        transcript, recording = vault.unlink_items(args.first, args.second, actor=args.actor)
    cli.say(f"transcript {transcript[:12]} unlinked from recording {recording[:12]}")
    return cli.EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("delete", help="delete an item for good (crypto-erasure), with a reason")
    cli.add_vault_options(p, json=False)
    p.add_argument("item", help="item id or a unique prefix")
    p.add_argument("--reason", required=True, help="why; kept in the custody record")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_delete)

    for name, func, help in (
            ("link", cmd_link, "link a transcript to its recording by hand"),
            ("unlink", cmd_unlink, "undo a link made by hand")):
        p = sub.add_parser(name, help=help)
        cli.add_vault_options(p, json=False)
        p.add_argument("first", metavar="TRANSCRIPT", help="the transcript (or the recording)")
        p.add_argument("second", metavar="RECORDING", help="the recording (or the transcript)")
        p.set_defaults(func=func)
