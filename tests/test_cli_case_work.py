"""Case work through the ``strongroom`` command: cases, deletion with its confirmation, the
examiner, links, the custody sentences, and options given between the arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fixtures as fx
from archive.cli.main import main
from conftest import PASSPHRASE

BIN = Path(sys.executable).parent / "strongroom"


@pytest.fixture
def cli_vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("STRONGROOM_ACTOR", raising=False)
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["init", str(vault_path), "--examiner", "Anna Petrova"]) == 0
    return vault_path


def _json(capfd: pytest.CaptureFixture[str], argv: list[str]) -> object:
    capfd.readouterr()
    assert main(argv) == 0
    return json.loads(capfd.readouterr().out)


def _ids(capfd: pytest.CaptureFixture[str], v: str) -> dict[str, str]:
    rows = _json(capfd, ["list", v, "--json"])
    assert isinstance(rows, list)
    return {r["original_name"]: r["id"] for r in rows}


def test_cases_from_the_command_line(cli_vault: Path, tmp_path: Path,
                                     capfd: pytest.CaptureFixture[str]) -> None:
    v = str(cli_vault)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        fx.jpeg(folder / f"p{i}.jpg", seed=i)
    assert main(["import", v, str(folder)]) == 0
    ids = _ids(capfd, v)
    assert main(["case", "new", v, "Basement", "--description", "the flat"]) == 0
    assert main(["case", "new", v, "Shop"]) == 0
    assert main(["case", "add", v, "Basement", ids["p0.jpg"][:8], ids["p1.jpg"]]) == 0
    assert main(["case", "add", v, "--actor", "Boris", "Shop", ids["p1.jpg"]]) == 0
    assert main(["case", "remove", v, "Basement", ids["p1.jpg"]]) == 0
    assert main(["case", "rename", v, "Shop", "Shop front"]) == 0
    assert main(["case", "describe", v, "Shop front", "window and door"]) == 0
    cases = _json(capfd, ["case", "list", v, "--json"])
    assert cases == [{"name": "Basement", "description": "the flat", "items": 1},
                     {"name": "Shop front", "description": "window and door", "items": 1}]
    assert main(["case", "delete", v, "Basement"]) == 0
    assert [c["name"] for c in _json(capfd, ["case", "list", v, "--json"])] == ["Shop front"]
    assert len(_ids(capfd, v)) == 3

    capfd.readouterr()
    assert main(["case", "add", v, "Nowhere", ids["p0.jpg"]]) == 6
    assert "no case 'Nowhere'" in capfd.readouterr().err
    assert main(["case", "new", v, "Shop front"]) == 6

    capfd.readouterr()
    assert main(["custody", v, ids["p1.jpg"]]) == 0
    lines = capfd.readouterr().out.splitlines()
    assert "Added to case «Basement» by Anna Petrova" in lines[2]
    assert "Added to case «Shop» by Boris" in lines[3]
    assert "Taken out of case «Basement» by Anna Petrova" in lines[4]
    assert main(["custody", v]) == 0
    out = capfd.readouterr().out
    assert f"Imported from {folder / 'p0.jpg'} by Anna Petrova" in out
    assert "Case «Shop» renamed to «Shop front» by Anna Petrova" in out
    assert "Case «Basement» deleted by Anna Petrova; its 1 item(s) stay in the vault" in out


def test_options_between_the_arguments(cli_vault: Path, tmp_path: Path,
                                       capfd: pytest.CaptureFixture[str]) -> None:
    v = str(cli_vault)
    fx.jpeg(tmp_path / "a.jpg")
    assert main(["import", v, str(tmp_path / "a.jpg")]) == 0
    item = next(iter(_ids(capfd, v).values()))
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n")
    os.environ.pop("STRONGROOM_PASSPHRASE")
    for argv in (["custody", v, "--passphrase-file", str(secret), item],
                 ["custody", "--passphrase-file", str(secret), v, item],
                 ["custody", v, item, "--passphrase-file", str(secret)],
                 ["show", v, "--passphrase-file", str(secret), item]):
        capfd.readouterr()
        assert main(argv) == 0, argv
        assert item[:12] in capfd.readouterr().out
    assert main(["custody", v, "--passphrase-file", str(secret), item, "extra"]) == 2


def test_examiner_shown_set_and_overridden(cli_vault: Path, tmp_path: Path,
                                           capfd: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    v = str(cli_vault)
    assert _json(capfd, ["examiner", v, "--json"]) == {"examiner": "Anna Petrova",
                                                       "acting": "Anna Petrova"}
    monkeypatch.setenv("STRONGROOM_ACTOR", "Clerk")
    assert _json(capfd, ["examiner", v, "--json"])["acting"] == "Clerk"  # type: ignore[index]
    assert main(["case", "new", v, "By the clerk"]) == 0
    monkeypatch.delenv("STRONGROOM_ACTOR")
    assert main(["examiner", v, "Anna Sidorova"]) == 0
    capfd.readouterr()
    assert main(["examiner", v]) == 0
    assert capfd.readouterr().out.strip() == "Anna Sidorova"
    assert main(["case", "new", v, "By Anna"]) == 0
    events = _json(capfd, ["custody", v, "--json"])["events"]  # type: ignore[index]
    assert [(e["action"], e["actor"]) for e in events] == [
        ("case-create", "Clerk"), ("examiner-change", "Anna Petrova"),
        ("case-create", "Anna Sidorova")]
    assert events[1]["sentence"] == "Examiner set to Anna Sidorova by Anna Petrova"


def test_link_and_unlink(cli_vault: Path, tmp_path: Path,
                         capfd: pytest.CaptureFixture[str]) -> None:
    v = str(cli_vault)
    fx.wav(tmp_path / "call.wav")
    (tmp_path / "what was said.srt").write_text(fx.SRT_TEXT, encoding="utf-8")
    assert main(["import", v, str(tmp_path / "call.wav"), str(tmp_path / "what was said.srt")]) == 0
    ids = _ids(capfd, v)
    assert main(["link", v, ids["what was said.srt"], ids["call.wav"]]) == 0
    assert main(["link", v, ids["what was said.srt"], ids["call.wav"]]) == 6
    assert main(["unlink", v, ids["call.wav"], ids["what was said.srt"]]) == 0
    events = _json(capfd, ["custody", v, ids["call.wav"], "--json"])["events"]  # type: ignore[index]
    assert [e["sentence"] for e in events][-2:] == [
        f"Transcript {ids['what was said.srt'][:12]} linked to recording {ids['call.wav'][:12]}"
        " by Anna Petrova",
        f"Transcript {ids['what was said.srt'][:12]} unlinked from recording "
        f"{ids['call.wav'][:12]} by Anna Petrova"]


def test_delete_asks_first_through_the_installed_command(cli_vault: Path, tmp_path: Path,
                                                         capfd: pytest.CaptureFixture[str]
                                                         ) -> None:
    v = str(cli_vault)
    fx.jpeg(tmp_path / "mistake.jpg")
    assert main(["import", v, str(tmp_path / "mistake.jpg")]) == 0
    item = _ids(capfd, v)["mistake.jpg"]
    env = {**os.environ, "STRONGROOM_PASSPHRASE": PASSPHRASE}

    def run(*args: str, answer: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(BIN), "delete", v, item, *args], input=answer, env=env,
                              capture_output=True, text=True, check=False, timeout=120)

    refused = run("--reason", "imported by mistake", answer="no\n")
    assert refused.returncode == 1 and "nothing was deleted" in refused.stderr
    assert "crypto-erasure" in refused.stderr and "mistake.jpg" in refused.stderr
    assert run("--reason", "  ", answer="yes\n").returncode == 2
    assert run(answer="yes\n").returncode == 2  # no reason
    assert item in _ids(capfd, v).values()
    done = run("--reason", "imported by mistake", answer="yes\n")
    assert done.returncode == 0, done.stderr
    assert _ids(capfd, v) == {}
    events = _json(capfd, ["custody", v, "--json"])["events"]  # type: ignore[index]
    assert events[-1]["action"] == "deletion-request"
    assert events[-1]["sentence"] == ("Deleted (crypto-erasure) by Anna Petrova; reason: "
                                      "imported by mistake")
    assert events[-1]["sha256"] == events[0]["sha256"]
