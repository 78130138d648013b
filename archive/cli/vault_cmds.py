"""Commands about the vault as a whole: init, passwd, info, verify."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archive import passphrase as pw
from archive.cli import common as cli
from archive.cli.progressbar import ProgressBar
from archive.vault import Vault


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = pw.new_passphrase(args.passphrase_file)
    vault, recovery = Vault.create(args.vault, passphrase, examiner=args.examiner or "")
    vault.lock()
    cli.say(f"Created a vault at {args.vault}.")
    cli.say("")
    cli.say("RECOVERY KEY (shown this once; write it on paper and keep it apart from the laptop):")
    print(recovery)
    cli.say("")
    cli.say("Anyone with this key can open the vault; without it or the passphrase nobody can.")
    return cli.EXIT_OK


def cmd_examiner(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        if args.name is not None:
            vault.set_examiner(args.name, actor=args.actor)
        examiner = vault.examiner
        acting = vault.actor(args.actor)
    if args.json:
        cli.emit_json({"examiner": examiner, "acting": acting})
    elif examiner:
        print(examiner)
    else:
        cli.say(f"no examiner is set; events are recorded as {acting}")
    return cli.EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        new = pw.new_passphrase(args.new_passphrase_file, pw.ENV_NEW_PASSPHRASE)
        vault.change_passphrase(new)
    cli.say("Passphrase changed. The old passphrase no longer opens this vault; the recovery key "
         "still does.")
    return cli.EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    if args.fingerprint:
        return _fingerprint(args)
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
        cli.emit_json(data)
        return cli.EXIT_OK
    print(f"Strongroom vault, format version {facts.format_version}")
    print(f"Key derivation: Argon2id, {facts.kdf_opslimit} passes, "
          f"{facts.kdf_memlimit // (1024 * 1024)} MiB")
    print(f"Storage: {facts.pack_count} pack(s) of {facts.pack_bytes / 2**20:.1f} MiB, "
          f"catalog {facts.catalog_bytes / 2**20:.1f} MiB")
    print("This is all that can be learned from the folder without the passphrase.")
    return cli.EXIT_OK


def _fingerprint(args: argparse.Namespace) -> int:
    """The signing key's fingerprint needs the passphrase: the public key is kept encrypted, so
    that a seized vault cannot be matched to the packages it signed."""
    with cli.open_unlocked(args, cli.READ) as vault:
        fingerprint = vault.key_fingerprint()
    if args.json:
        cli.emit_json({"key_fingerprint": fingerprint})
        return cli.EXIT_OK
    print(f"Signing key fingerprint: {fingerprint}")
    print("Give it to recipients of exhibit packages by another way than the package (read it "
          "out, print it in a filing); they compare it with `strongroom verify-export "
          "--key-fingerprint`.")
    return cli.EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, cli.RECORD) as vault:
        report = vault.verify(progress=ProgressBar("Verifying"), actor=args.actor,
                              witnesses=[Path(w) for w in args.witness or ()])
    if args.json:
        cli.emit_json(report.as_json())
    for damage in report.damaged:
        cli.say(f"DAMAGED {damage.item_id}  {damage.original_name}: {damage.problem}")
    for problem in report.custody_problems:
        cli.say(f"CUSTODY {problem}")
    for problem in report.index_problems:
        cli.say(f"INDEX   {problem}")
    for problem in report.catalog_problems:
        cli.say(f"CATALOG {problem}")
    if report.ok:
        cli.say(f"verified: {report.items} original(s), {report.bytes:,} bytes, custody log and "
                "checkpoints intact")
        return cli.EXIT_OK
    cli.say(f"NOT CLEAN: {len(report.rollbacks)} rollback finding(s), "
            f"{len(report.damaged)} damaged item(s), "
            f"{len(report.custody_problems)} custody problem(s), "
            f"{len(report.catalog_problems)} catalog problem(s)")
    return cli.EXIT_DAMAGE


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create a new vault")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.add_argument("--examiner", metavar="NAME",
                   help="who works with this vault: the name its custody events carry")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("examiner", help="show or set the vault's examiner (who acts by default)")
    cli.add_vault_options(p)
    p.add_argument("name", nargs="?", help="the new name (\"\" to fall back to the login name)")
    p.set_defaults(func=cmd_examiner)

    p = sub.add_parser("passwd", help="change the passphrase")
    p.add_argument("vault")
    cli.add_unlock_options(p, recovery=True)
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help=f"read the new passphrase from FILE (else ${pw.ENV_NEW_PASSPHRASE}, "
                        "else a prompt)")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("info", help="what the vault folder shows without the passphrase")
    p.add_argument("vault")
    p.add_argument("--json", action="store_true")
    p.add_argument("--fingerprint", action="store_true",
                   help="unlock and show the signing key's fingerprint, for recipients of "
                        "exhibit packages to compare")
    cli.add_unlock_options(p)
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("verify", help="re-hash every original and check the custody log")
    p.add_argument("vault")
    cli.add_unlock_options(p)
    p.add_argument("--actor")
    p.add_argument("--json", action="store_true")
    p.add_argument("--witness", action="append", metavar="FILE",
                   help="also hold the log against this witness, exported checkpoint.txt or "
                        "exhibit package (may be given more than once)")
    p.set_defaults(func=cmd_verify)
