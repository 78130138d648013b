"""``strongroom case ...``: make, rename, describe and delete cases, put items in and take them
out, list them. Every change is a custody event naming the case."""

from __future__ import annotations

import argparse
from typing import Any

from archive.cli import common as cli


def cmd_list(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, cli.READ) as vault:
        cases = vault.cases()
    if args.json:
        cli.emit_json([{"name": n, "description": d, "items": c} for n, d, c in cases])
        return cli.EXIT_OK
    for name, description, count in cases:
        cli.line(f"{count:>6}  {name}" + (f"  ({description})" if description else ""))
    cli.say(f"{len(cases)} case(s)")
    return cli.EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        name = vault.create_case(args.name, args.description or "", actor=args.actor)
    cli.say(f"case «{name}» made")
    return cli.EXIT_OK


def cmd_rename(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        name = vault.rename_case(args.name, args.new_name, actor=args.actor)
    cli.say(f"case «{args.name}» is now «{name}»")
    return cli.EXIT_OK


def cmd_describe(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        vault.describe_case(args.name, args.description, actor=args.actor)
    cli.say(f"description of «{args.name}» saved")
    return cli.EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        held = vault.delete_case(args.name, actor=args.actor)
    cli.say(f"case «{args.name}» deleted; its {len(held)} item(s) stay in the vault")
    return cli.EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        change = vault.add_to_case(args.name, args.items, actor=args.actor)
    cli.say(f"{len(change.changed)} item(s) added to «{change.case}»"
            + (f", {len(change.unchanged)} already in it" if change.unchanged else ""))
    return cli.EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        change = vault.remove_from_case(args.name, args.items, actor=args.actor)
    cli.say(f"{len(change.changed)} item(s) taken out of «{change.case}» (they stay in the "
            "vault)" + (f", {len(change.unchanged)} were not in it" if change.unchanged else ""))
    return cli.EXIT_OK


def register(sub: Any) -> None:
    group = sub.add_parser("case", help="make, rename, describe, delete cases; put items in and "
                                        "take them out")
    cases = group.add_subparsers(dest="case_command", required=True, metavar="ACTION",
                                 parser_class=cli.CommandParser)

    def command(name: str, help: str, func: cli.Handler, json: bool = False) -> Any:
        p = cases.add_parser(name, help=help)
        cli.add_vault_options(p, json=json)
        p.set_defaults(func=func)
        return p

    command("list", "the cases, with their number of items", cmd_list, json=True)
    p = command("new", "make an empty case", cmd_new)
    p.add_argument("name")
    p.add_argument("--description")
    p = command("rename", "give a case another name", cmd_rename)
    p.add_argument("name")
    p.add_argument("new_name")
    p = command("describe", "replace a case's description", cmd_describe)
    p.add_argument("name")
    p.add_argument("description")
    p = command("delete", "delete a case (its items stay in the vault)", cmd_delete)
    p.add_argument("name")
    p = command("add", "put items in a case", cmd_add)
    p.add_argument("name")
    p.add_argument("items", nargs="+", metavar="ITEM", help="item ids or unique prefixes")
    p = command("remove", "take items out of a case (they stay in the vault)", cmd_remove)
    p.add_argument("name")
    p.add_argument("items", nargs="+", metavar="ITEM")
