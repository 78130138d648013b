"""The bottom of the ``strongroom`` command: what every group of commands shares (output,
unlocking, options). Imports nothing of the command groups."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from archive import passphrase as pw
from archive.core import ENV_ACTOR, READ_ONLY_REFUSAL
from archive.custody.stamping import STAMPED, StampOutcome
from archive.errors import ExitCode, VaultReadOnly
from archive.opening import READ_ONLY_NOTICE
from archive.vault import Vault

EXIT_OK, EXIT_FAILED, EXIT_USAGE = ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE
EXIT_DAMAGE, EXIT_BAD_INPUT = ExitCode.DAMAGE, ExitCode.BAD_INPUT
Handler = Callable[[argparse.Namespace], int]


# Characters that would act on the terminal instead of being shown: C0 and C1 controls (escape
# sequences set the window title or clear the screen; a newline forges an extra row), DEL, the
# bidirectional overrides and isolates that reorder what follows, and the bytes of a file name
# that is not valid UTF-8 (carried as surrogate escapes).
_ACTIVE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with everything that would act on a terminal shown as an escape (``\\x1b``,
    ``\\n``, ``\\u202e``). For human output only; ``--json`` stays exact."""
    return _ACTIVE.sub(_escaped, text)
class CommandParser(argparse.ArgumentParser):
    """A command's parser that takes options between its arguments in any order
    (``custody VAULT --passphrase-file F ITEM`` as well as ``custody --passphrase-file F VAULT
    ITEM``); argparse alone hands ITEM to nothing when an optional argument follows an option."""

    _parsing = False

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self._parsing or any(isinstance(a, argparse._SubParsersAction)  # noqa: SLF001
                                for a in self._actions):
            return super().parse_known_args(args, namespace)
        self._parsing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._parsing = False


def say(message: str) -> None:
    """One line to stderr; whatever came from evidence in it cannot act on the terminal."""
    print(printable(message), file=sys.stderr)


def line(text: str) -> None:
    """One row of human output to stdout, escaped like :func:`say`."""
    print(printable(text))


def emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")


WRITE, RECORD, READ = "write", "record", "read"


@contextmanager
def open_unlocked(args: argparse.Namespace, mode: str = WRITE,
                  changes: bool = False) -> Iterator[Vault]:
    """The vault, unlocked for one command and locked after it, for a command that changes it
    (``WRITE``: refused on read-only media), one that records an event when it can (``RECORD``:
    ``cat``, ``verify``), or one that only reads (``READ``: nothing in the vault folder is
    written, not even its times). ``changes``: a command that writes; when it added custody
    events, the checkpoints waiting for a trusted time-stamp are sent before the vault locks
    (unlock itself never contacts an authority)."""
    vault = Vault.open(args.vault)
    if getattr(args, "recovery", False):
        vault.unlock_with_recovery(pw.recovery_key_prompt(), read_only=mode == READ)
    else:
        vault.unlock(pw.current_passphrase(args.passphrase_file), read_only=mode == READ)
    with vault:
        if vault.on_read_only_media:
            if mode == WRITE:
                raise VaultReadOnly(READ_ONLY_REFUSAL)
            say(f"{READ_ONLY_NOTICE} (the vault's folder cannot be written)")
        for warning in vault.trust.warnings:  # a rollback found at unlock, a witness not written
            say(f"WARNING {warning.message}")
        for notice in vault.notices:  # an interrupted export cleared, a damaged index rebuilt
            say(f"WARNING {notice}")
        size = vault.custody.size
        yield vault
        if changes and vault.custody.size > size and not vault.read_only:
            send_stamps(vault)


def send_stamps(vault: Vault) -> list[StampOutcome]:
    """Send the waiting time-stamp requests; say which could not be sent or were refused."""
    outcomes = vault.send_pending_stamps()
    for o in outcomes:
        if o.status != STAMPED:
            say(f"WARNING time-stamp of checkpoint {o.tree_size}: {o.message}")
    return outcomes


def add_unlock_options(p: argparse.ArgumentParser, recovery: bool = False) -> None:
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="read the passphrase from the first line of FILE "
                        f"(else ${pw.ENV_PASSPHRASE}, else a prompt)")
    if recovery:
        p.add_argument("--recovery", action="store_true",
                       help="unlock with the recovery key instead of the passphrase")


def add_vault_options(p: argparse.ArgumentParser, json: bool = True) -> None:
    """The vault argument, how to unlock it, who acts, and ``--json``."""
    p.add_argument("vault")
    add_unlock_options(p)
    p.add_argument("--actor", help="name recorded in the custody log (default: "
                                   f"${ENV_ACTOR}, else the vault's examiner, else the login "
                                   "name)")
    if json:
        p.add_argument("--json", action="store_true", help="machine-readable output")
