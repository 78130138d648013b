"""The README names every command and every option of ``strongroom`` and the package list
``scripts/setup-system`` installs, and the user guide the layout table promises is there."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from archive.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions  # noqa: SLF001 - argparse has no public walk
               if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    return dict(sub.choices)


def test_readme_lists_every_command_and_option() -> None:
    commands = _commands()
    assert len(commands) >= 15
    cli = README[README.index("## Command line"):]
    for name, parser in commands.items():
        assert re.search(rf"strongroom {re.escape(name)}\b", cli), name
        for action in parser._actions:  # noqa: SLF001
            for option in action.option_strings:
                if option in ("-h", "--help"):
                    continue
                assert option in cli, f"{name} {option}"


def test_readme_lists_the_system_packages() -> None:
    listed = (ROOT / "scripts" / "system-packages").read_text(encoding="utf-8")
    names = [line.split("#")[0].split("|")[-1].strip() for line in listed.splitlines()]
    qt = README[README.index("### System packages"):]
    for name in filter(None, names):
        if name.startswith(("lib", "python3", "fonts-")) or name == "openssl":
            assert f"`{name}`" in qt, name


def test_the_user_guide_is_there() -> None:
    guide = ROOT / "docs" / "USER_GUIDE.md"
    assert guide.exists()
    text = guide.read_text(encoding="utf-8")
    for topic in ("recovery key", "Ctrl+E", "verify-export", "Ctrl+L"):
        assert topic in text, topic
