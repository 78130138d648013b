"""``strongroom``: the command line. Exit codes: see :class:`archive.errors.ExitCode` and the
README; each class of failure has its own.

Messages go to stderr; expected errors print one sentence, never a traceback. ``--json`` output
goes to stdout with stable field names.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from archive.cli import (
    case_cmds,
    evidence,
    exhibit_cmds,
    item_cmds,
    search_cmds,
    trust_cmds,
    vault_cmds,
)
from archive.cli.common import CommandParser, Handler, say
from archive.errors import DiskFull, ExitCode, StrongroomError
from archive.storage.fsio import is_disk_full
from archive.verify import database_reason
from crypto.errors import AuthenticationFailed, CryptoError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="strongroom",
                                     description="Encrypted evidence archive.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=CommandParser)
    for group in (vault_cmds, evidence, item_cmds, case_cmds, search_cmds, exhibit_cmds,
                  trust_cmds):
        group.register(sub)
    return parser


def exit_code_of(exc: BaseException) -> ExitCode:
    """The exit code for an error that reached the top of a command."""
    if isinstance(exc, StrongroomError):
        return exc.exit_code
    if isinstance(exc, AuthenticationFailed):
        return ExitCode.DAMAGE
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    return ExitCode.FAILED


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return ExitCode.USAGE if exc.code else ExitCode.OK
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    handler: Handler = args.func
    try:
        return handler(args)
    except (StrongroomError, CryptoError) as exc:
        say(f"strongroom: {exc}")
        return exit_code_of(exc)
    except KeyboardInterrupt as exc:
        say("strongroom: interrupted; nothing half-done was kept")
        return exit_code_of(exc)
    except DatabaseError as exc:  # SQLite's own failure, said in words, never a traceback
        if is_disk_full(exc, getattr(args, "vault", None) and Path(args.vault)):
            say(f"strongroom: {DiskFull()}")
            return DiskFull.exit_code
        say(f"strongroom: the catalog cannot be read ({database_reason(exc)}); it is damaged. "
            "Nothing was changed; `strongroom verify` lists what it can")
        return ExitCode.DAMAGE
    except OSError as exc:
        if is_disk_full(exc):
            say(f"strongroom: {DiskFull()}")
            return DiskFull.exit_code
        # a vanished folder, a permission: not a program error
        where = f" ({exc.filename})" if exc.filename else ""
        say(f"strongroom: {exc.strerror or exc}{where}; nothing half-done was kept")
        return ExitCode.FAILED


if __name__ == "__main__":
    sys.exit(main())
