"""Where the CLI gets passphrases from: a no-echo prompt, a file, or an environment variable."""

from __future__ import annotations

import getpass
import math
import os
import sys
from pathlib import Path

from archive.errors import UsageError

ENV_PASSPHRASE = "STRONGROOM_PASSPHRASE"  # noqa: S105 - a variable name
ENV_NEW_PASSPHRASE = "STRONGROOM_NEW_PASSPHRASE"  # noqa: S105


class PassphraseUnavailable(UsageError):
    pass


def _from_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PassphraseUnavailable(f"cannot read the passphrase file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise PassphraseUnavailable("the passphrase file is not UTF-8 text") from None
    text = text.removeprefix("\ufeff")  # the byte-order mark Notepad writes is not typed
    line = text.splitlines()[0] if text else ""
    if not line:
        raise PassphraseUnavailable("the passphrase file is empty")
    return line


_FILE_OPTIONS = {ENV_PASSPHRASE: "--passphrase-file",
                 ENV_NEW_PASSPHRASE: "--new-passphrase-file"}


def _prompt(label: str, env_name: str = ENV_PASSPHRASE) -> str:
    if not sys.stdin.isatty():
        raise PassphraseUnavailable(
            f"no {label.lower()}: give {_FILE_OPTIONS.get(env_name, '--passphrase-file')} or "
            f"set {env_name} (there is no terminal to ask on)"
        )
    try:
        return getpass.getpass(f"{label}: ")
    except UnicodeDecodeError:
        raise PassphraseUnavailable("what was typed is not valid text for this terminal's "
                                    "encoding; nothing was changed") from None


def _from_environment(env_name: str) -> str | None:
    env = os.environ.get(env_name)
    if not env:
        return None
    try:
        env.encode("utf-8")
    except UnicodeEncodeError:  # the system handed over bytes that are not UTF-8
        raise PassphraseUnavailable(f"{env_name} is not valid UTF-8 text; set it again in "
                                    "UTF-8, or use a passphrase file") from None
    return env


def current_passphrase(file: str | None) -> str:
    if file:
        return _from_file(file)
    env = _from_environment(ENV_PASSPHRASE)
    if env is not None:
        return env
    return _prompt("Passphrase")


def _refuse_blank(passphrase: str) -> str:
    if not passphrase.strip():
        raise PassphraseUnavailable("the new passphrase is empty or only spaces; "
                                    "nothing was changed")
    return passphrase


def new_passphrase(file: str | None, env_name: str = ENV_PASSPHRASE) -> str:
    """A passphrase being set: from a file or the variable, or typed twice. One that is empty
    or only whitespace is refused."""
    if file:
        return _refuse_blank(_from_file(file))
    env = _from_environment(env_name)
    if env is not None:
        return _refuse_blank(env)
    first = _refuse_blank(_prompt("New passphrase", env_name))
    if _prompt("Repeat the new passphrase", env_name) != first:
        raise PassphraseUnavailable("the two passphrases differ; nothing was changed")
    return first


def recovery_key_prompt() -> str:
    if not sys.stdin.isatty():
        raise PassphraseUnavailable("no recovery key: there is no terminal to ask on")
    return getpass.getpass("Recovery key: ")


# Guesses an attacker with a seized disk can afford per bit of strength, roughly: Argon2id at the
# default cost makes each guess about half a second of one core.
STRENGTH_LEVELS = (28, 40, 56, 72)  # bits: below the first is very weak, above the last very strong


def estimated_bits(passphrase: str) -> float:
    """A deliberately modest estimate of a passphrase's strength in bits: the alphabet it draws
    from times its length, counting repeated and sequential characters once."""
    text = passphrase.strip()
    if not text:
        return 0.0
    pool = 0
    if any(c.islower() and c.isascii() for c in text):
        pool += 26
    if any(c.isupper() and c.isascii() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() and c.isascii() for c in text):
        pool += 33
    if any(not c.isascii() for c in text):
        pool += 66  # Cyrillic and other scripts
    effective = 1
    for before, after in zip(text, text[1:], strict=False):
        if after != before and abs(ord(after) - ord(before)) != 1:
            effective += 1
    bits = effective * math.log2(max(pool, 2))
    words = [w for w in text.split() if len(w) >= 3]
    if len(words) >= 4:  # a passphrase of several words: count it as words from a large list
        bits = max(bits * 0.6, len(words) * 12.9)
    return round(bits, 1)


def strength_level(passphrase: str) -> int:
    """0 (very weak) to 4 (very strong)."""
    bits = estimated_bits(passphrase)
    return sum(1 for limit in STRENGTH_LEVELS if bits >= limit)
