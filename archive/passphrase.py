"""Where the CLI gets passphrases from: a no-echo prompt, a file, or an environment variable."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from .errors import StrongroomError

ENV_PASSPHRASE = "STRONGROOM_PASSPHRASE"  # noqa: S105 - a variable name
ENV_NEW_PASSPHRASE = "STRONGROOM_NEW_PASSPHRASE"  # noqa: S105


class PassphraseUnavailable(StrongroomError):
    pass


def _from_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PassphraseUnavailable(f"cannot read the passphrase file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise PassphraseUnavailable("the passphrase file is not UTF-8 text") from None
    line = text.splitlines()[0] if text else ""
    if not line:
        raise PassphraseUnavailable("the passphrase file is empty")
    return line


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise PassphraseUnavailable(
            f"no passphrase: give --passphrase-file or set {ENV_PASSPHRASE} "
            "(there is no terminal to ask on)"
        )
    return getpass.getpass(f"{label}: ")


def current_passphrase(file: str | None) -> str:
    if file:
        return _from_file(file)
    env = os.environ.get(ENV_PASSPHRASE)
    if env:
        return env
    return _prompt("Passphrase")


def new_passphrase(file: str | None, env_name: str = ENV_PASSPHRASE) -> str:
    """A passphrase being set: from a file or the variable, or typed twice."""
    if file:
        return _from_file(file)
    env = os.environ.get(env_name)
    if env:
        return env
    first = _prompt("New passphrase")
    if not first:
        raise PassphraseUnavailable("the passphrase is empty")
    if _prompt("Repeat the new passphrase") != first:
        raise PassphraseUnavailable("the two passphrases differ; nothing was changed")
    return first


def recovery_key_prompt() -> str:
    if not sys.stdin.isatty():
        raise PassphraseUnavailable("no recovery key: there is no terminal to ask on")
    return getpass.getpass("Recovery key: ")
