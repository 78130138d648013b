"""``strongroom``: the command line. Exit codes: 0 ok, 1 the operation failed, 2 usage error.

Messages go to stderr; expected errors print one sentence, never a traceback. ``--json`` output
goes to stdout with stable field names.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from archive import passphrase as pw
from archive.errors import StrongroomError
from archive.vault import Vault
from crypto.errors import CryptoError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
Handler = Callable[[argparse.Namespace], int]


def say(message: str) -> None:
    print(message, file=sys.stderr)


def emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def open_unlocked(args: argparse.Namespace) -> Vault:
    vault = Vault.open(args.vault)
    if getattr(args, "recovery", False):
        vault.unlock_with_recovery(pw.recovery_key_prompt())
    else:
        vault.unlock(pw.current_passphrase(args.passphrase_file))
    return vault


# ---------------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    passphrase = pw.new_passphrase(args.passphrase_file)
    vault, recovery = Vault.create(args.vault, passphrase)
    vault.lock()
    say(f"Created a vault at {args.vault}.")
    say("")
    say("RECOVERY KEY (shown this once; write it on paper and keep it apart from the laptop):")
    print(recovery)
    say("")
    say("Anyone with this key can open the vault; without it or the passphrase nobody can.")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_unlocked(args) as vault:
        new = pw.new_passphrase(args.new_passphrase_file, pw.ENV_NEW_PASSPHRASE)
        vault.change_passphrase(new)
    say("Passphrase changed. The old passphrase no longer opens this vault; the recovery key "
         "still does.")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    facts = Vault.open(args.vault).public_facts()
    data = {
        "format_version": facts.format_version,
        "kdf": {"algorithm": "argon2id", "opslimit": facts.kdf_opslimit,
                "memlimit": facts.kdf_memlimit},
        "packs": facts.pack_count,
        "pack_bytes": facts.pack_bytes,
        "catalog_bytes": facts.catalog_bytes,
        "total_bytes": facts.total_bytes,
    }
    if args.json:
        emit_json(data)
        return EXIT_OK
    print(f"Strongroom vault, format version {facts.format_version}")
    print(f"Key derivation: Argon2id, {facts.kdf_opslimit} passes, "
          f"{facts.kdf_memlimit // (1024 * 1024)} MiB")
    print(f"Storage: {facts.pack_count} pack(s) of {facts.pack_bytes / 2**20:.1f} MiB, "
          f"catalog {facts.catalog_bytes / 2**20:.1f} MiB")
    print("This is all that can be learned from the folder without the passphrase.")
    return EXIT_OK


# ---------------------------------------------------------------------- parser
def add_unlock_options(p: argparse.ArgumentParser, recovery: bool = False) -> None:
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="read the passphrase from the first line of FILE "
                        f"(else ${pw.ENV_PASSPHRASE}, else a prompt)")
    if recovery:
        p.add_argument("--recovery", action="store_true",
                       help="unlock with the recovery key instead of the passphrase")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="strongroom",
                                     description="Encrypted evidence archive.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create a new vault")
    p.add_argument("vault")
    add_unlock_options(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("passwd", help="change the passphrase")
    p.add_argument("vault")
    add_unlock_options(p, recovery=True)
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help=f"read the new passphrase from FILE (else ${pw.ENV_NEW_PASSPHRASE}, "
                        "else a prompt)")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("info", help="what the vault folder shows without the passphrase")
    p.add_argument("vault")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    for register in _extra_commands():
        register(sub)
    return parser


def _extra_commands() -> list[Callable[[Any], None]]:
    from archive.cli import evidence as cli_evidence

    return [cli_evidence.register, cli_evidence.register_search, cli_evidence.register_verify,
            cli_evidence.register_export]


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    handler: Handler = args.func
    try:
        return handler(args)
    except pw.PassphraseUnavailable as exc:
        say(f"strongroom: {exc}")
        return EXIT_USAGE
    except (StrongroomError, CryptoError) as exc:
        say(f"strongroom: {exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        say("strongroom: interrupted; nothing half-done was kept")
        return EXIT_FAILED
    except OSError as exc:  # a full disk, a vanished folder: not a program error
        where = f" ({exc.filename})" if exc.filename else ""
        say(f"strongroom: {exc.strerror or exc}{where}; nothing half-done was kept")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
