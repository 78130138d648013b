"""Full-text search over real imports: morphology, folding, scripts, query syntax, and the
index kept in step with the catalog, encrypted, and out of the temp folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from archive.intake.results import ImportOptions
from conftest import PASSPHRASE, vault_bytes
from search import QueryError

DOCS = {
    "report-2019.txt": "The sisters were enslaved for a decade in a Moscow shop basement. "
                       "Kasymova testified. Zhaksylykov drove the van at night.",
    "свидетель.txt": "Показания: нас держали в подвале магазина. Это было настоящее рабство. "
                     "Касымова работала без выходных. Ёлка стояла во дворе.",
    "жаксылыков.txt": "Водитель Жаксылыков приезжал ночью.",
    "uz-notes.txt": "Pasportimni olib qo'yishdi. Men Toshkentdan keldim.",
    "kk-statement.txt": "Көршінің айғағы: түнде фургон келді.",
    "cafe-note.txt": "Meeting at the Café Résistance, rue de la Paix.",
}


@pytest.fixture
def searchable(small_vault: Vault, tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "witness-cp1251.txt").write_bytes(fx.RU_TEXT.encode("cp1251"))
    (folder / "neighbour-utf16.txt").write_bytes(fx.KK_EN_TEXT.encode("utf-16"))
    (folder / "interview.srt").write_text(fx.SRT_TEXT, encoding="utf-8")
    fx.jpeg(folder / "door.jpg")
    report = small_vault.import_paths([folder], options=ImportOptions(case="Basement case",
                                                                        tags=("rescue",)))
    assert report.ok
    return {i.original_name: i.id for i in small_vault.items()}


def _found(vault: Vault, query: str) -> set[str]:
    names = {i.id: i.original_name for i in vault.items()}
    return {names[h.id] for h in vault.search(query)}


@pytest.mark.parametrize(("query", "expected"), [
    ("рабства", "свидетель.txt"),  # Russian morphology
    ("enslavement", "report-2019.txt"),  # English morphology
    ("елка", "свидетель.txt"),  # ё folded to е
    ("ЁЛКА", "свидетель.txt"),
    ("cafe resistance", "cafe-note.txt"),  # accents folded
    ("qo'yishdi", "uz-notes.txt"),  # Uzbek apostrophe kept inside the word
    ("qoʻyishdi", "uz-notes.txt"),  # ... whichever apostrophe was typed
    ("көршінің", "kk-statement.txt"),  # Kazakh letters, plain folding
    ("Kasymova", "свидетель.txt"),  # Latin finds Cyrillic
    ("Касымова", "report-2019.txt"),  # Cyrillic finds Latin
    ("Жаксылыков", "report-2019.txt"),
    ("Zhaksylykov", "жаксылыков.txt"),
])
def test_morphology_folding_and_scripts(small_vault: Vault, searchable: dict[str, str],
                                        query: str, expected: str) -> None:
    assert expected in _found(small_vault, query)


def test_file_names_are_found_without_a_field(small_vault: Vault,
                                              searchable: dict[str, str]) -> None:
    assert "door.jpg" in _found(small_vault, "door")
    assert "cafe-note.txt" in _found(small_vault, "cafe")
    assert _found(small_vault, "name:door") == {"door.jpg"}


def test_legacy_encodings_found_by_russian_word(small_vault: Vault,
                                                searchable: dict[str, str]) -> None:
    assert "witness-cp1251.txt" in _found(small_vault, "подвале")
    assert "neighbour-utf16.txt" in _found(small_vault, "айғағы")


def test_phrases_booleans_fields_and_dates(small_vault: Vault,
                                           searchable: dict[str, str]) -> None:
    # The phrase is in three of the files (the cp1251 statement and the SRT say it too).
    assert _found(small_vault, '"держали в подвале"') == {"свидетель.txt", "interview.srt",
                                                          "witness-cp1251.txt"}
    assert _found(small_vault, '"держали в подвале магазина"') == {"свидетель.txt",
                                                                   "witness-cp1251.txt"}
    assert _found(small_vault, '"подвале держали"') == set()
    assert _found(small_vault, "Касымова AND фургон") == set()
    assert _found(small_vault, "Касымова OR фургон") >= {"свидетель.txt", "kk-statement.txt"}
    assert "report-2019.txt" not in _found(small_vault, "Kasymova NOT basement")
    assert _found(small_vault, "kind:photo") == {"door.jpg"}
    assert "door.jpg" in _found(small_vault, 'case:"Basement case"')
    assert "door.jpg" in _found(small_vault, "tag:rescue")
    assert _found(small_vault, "captured:[2023-06-01 to 2023-06-30]") == {"door.jpg"}
    assert _found(small_vault, "captured:[2020-01-01 to 2020-12-31]") == set()


def test_snippets_and_timecodes(small_vault: Vault, searchable: dict[str, str]) -> None:
    hits = small_vault.search("подвале")
    srt = next(h for h in hits if h.id == searchable["interview.srt"])
    assert srt.timecode == 65.25
    # Hits are character spans into the snippet, not marks written into it.
    assert srt.marked_words() == ["подвале"] and "«" not in srt.snippet
    assert [srt.cue_text[s:e] for s, e in srt.cue_spans] == ["подвале"]
    plain = next(h for h in hits if h.id == searchable["свидетель.txt"])
    assert plain.timecode is None and plain.marked_words() == ["подвале"]


@pytest.mark.parametrize("query", ["", "   ", "unknownfield:x", "captured:[2023 to"])
def test_malformed_queries_are_clear(small_vault: Vault, searchable: dict[str, str],
                                     query: str) -> None:
    with pytest.raises(QueryError) as info:
        small_vault.search(query)
    assert str(info.value) and "Traceback" not in str(info.value)


def test_notes_and_tags_searchable_at_once_and_deletion_forgets(
        small_vault: Vault, searchable: dict[str, str]) -> None:
    item = searchable["door.jpg"]
    small_vault.add_note(item, "Служебный вход, где стоял охранник Нурланов")
    assert "door.jpg" in _found(small_vault, "охранник")
    assert "door.jpg" in _found(small_vault, "Nurlanov")
    small_vault.change_tags(item, add=["entrance"])
    assert "door.jpg" in _found(small_vault, "tag:entrance")
    small_vault.delete_item(searchable["жаксылыков.txt"], reason="duplicate scan")
    assert "жаксылыков.txt" not in _found(small_vault, "Водитель")
    assert small_vault.search("Водитель") == []
    assert any(e.action == "deletion-request" for e in small_vault.custody_events())


def test_rebuild_gives_the_same_results(small_vault: Vault, searchable: dict[str, str]) -> None:
    queries = ["рабства", "Kasymova", '"держали в подвале"', "tag:rescue", "kind:transcript"]
    before = {q: sorted(h.id for h in small_vault.search(q)) for q in queries}
    small_vault.rebuild_index()
    assert {q: sorted(h.id for h in small_vault.search(q)) for q in queries} == before


def test_index_survives_relock_and_is_repaired(vault_path: Path, small_vault: Vault,
                                                searchable: dict[str, str]) -> None:
    small_vault.lock()
    again = Vault.open(vault_path)
    again.unlock(PASSPHRASE)
    try:
        assert "свидетель.txt" in _found(again, "рабства")
        # Lose the index entirely (as a crash before its files were saved would): the next
        # unlock finds every catalog item missing from it and indexes them again.
        from sqlalchemy import delete

        from archive.catalog.models import IndexFile
        with again.core.sessions.begin() as session:
            session.execute(delete(IndexFile))
    finally:
        again.lock()
    third = Vault.open(vault_path)
    third.unlock(PASSPHRASE)
    try:
        assert "свидетель.txt" in _found(third, "рабства")
        assert len(third.search("kind:transcript", limit=100)) == 9
    finally:
        third.lock()


def test_no_plaintext_from_the_index(small_vault: Vault, tmp_path: Path) -> None:
    canary_words = ["КЕСТРЕЛЬНЫЙ", "kestrelword"]
    temp_before = set(Path(tempfile.gettempdir()).iterdir())
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(" ".join(canary_words * 50) + " рабство", encoding="utf-8")
    small_vault.import_paths([folder])
    small_vault.rebuild_index()
    assert small_vault.search("kestrelword")
    needles = []
    for word in canary_words:
        for form in {word, word.lower(), word.casefold()}:
            needles += [form.encode("utf-8"), form.encode("utf-16-le")]
    from search.analysis import analyze
    for word in canary_words + ["рабство"]:
        for kind in ("stem", "translit"):
            needles += [t.encode("utf-8") for t in analyze(word, kind) if len(t) > 4]
    live = vault_bytes(small_vault.path)
    small_vault.lock()
    for path, data in live + vault_bytes(small_vault.path):
        for needle in needles:
            assert needle not in data, f"{needle!r} in {path.name}"
    assert set(Path(tempfile.gettempdir()).iterdir()) - temp_before == set()


def test_cli_search_json(small_vault: Vault, searchable: dict[str, str], vault_path: Path,
                         monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["search", str(vault_path), "подвале", "--json", "--limit", "5"]) == 0
    import json
    hits = json.loads(capsys.readouterr().out)
    assert hits and set(hits[0]) == {"id", "score", "kind", "title", "snippet", "spans",
                                     "timecode"}
    assert all(h["snippet"][s:e].casefold() == "подвале" for h in hits for s, e in h["spans"])
    assert any(h["timecode"] == 65.25 for h in hits)
    assert main(["search", str(vault_path), "nosuchfield:x"]) == 2
    assert "unknown field" in capsys.readouterr().err
    assert main(["reindex", str(vault_path)]) == 0


def test_rebuilt_index_is_what_is_sealed_and_what_comes_back(
        small_vault: Vault, searchable: dict[str, str], vault_path: Path) -> None:
    from archive.catalog.models import IndexFile

    small_vault.add_note(searchable["door.jpg"], "охранник у двери")
    small_vault.rebuild_index()
    files = small_vault._indexer().index.storage.snapshot()  # noqa: SLF001
    with small_vault.core.sessions() as session:
        sealed = {row.name: row.object_id for row in session.query(IndexFile)}
    assert set(sealed) == set(files)
    for name, object_id in sealed.items():
        assert b"".join(small_vault.core.objects.iter_plaintext(object_id)) == files[name]
    before = sorted(h.id for h in small_vault.search("охранник OR рабства"))
    small_vault.lock()
    again = Vault.open(vault_path)
    again.unlock(PASSPHRASE)
    try:
        assert sorted(h.id for h in again.search("охранник OR рабства")) == before
    finally:
        again.lock()


def test_metadata_is_searchable_as_fields_and_free_text(small_vault: Vault,
                                                         searchable: dict[str, str]) -> None:
    assert _found(small_vault, "camera:testcam") == {"door.jpg"}
    assert _found(small_vault, 'camera:"field 7"') == {"door.jpg"}
    assert "door.jpg" in _found(small_vault, "testcam")
    assert _found(small_vault, "software:fieldtool") == {"door.jpg"}
    assert _found(small_vault, "has:gps") == {"door.jpg"}
    assert _found(small_vault, "has:timecodes") == {"interview.srt"}
    assert "witness-cp1251.txt" in _found(small_vault, "encoding:cp1251 OR encoding:windows")
    assert "neighbour-utf16.txt" in _found(small_vault, "encoding:utf")


def test_cli_pages_and_says_how_many(small_vault: Vault, searchable: dict[str, str],
                                     vault_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    total = len(small_vault.search("kind:transcript", limit=100))
    assert total == small_vault.search("kind:transcript", limit=2).total > 4
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["search", str(vault_path), "kind:transcript", "--limit", "2"]) == 0
    out = capsys.readouterr()
    assert f"2 of {total} result(s)" in out.err and "\x1b[" not in out.out
    assert main(["search", str(vault_path), "kind:transcript", "--limit", "2",
                 "--offset", "2"]) == 0
    assert f"3-4 of {total} result(s)" in capsys.readouterr().err
    assert main(["search", str(vault_path), "kind:photo AND"]) == 2
    assert "'AND' at character 12 has nothing after it" in capsys.readouterr().err


def test_cli_marks_hits_in_bold_only_on_a_terminal() -> None:
    from archive.cli.search_cmds import marked

    assert marked("нас в подвале", [(6, 13)], bold=True) == "нас в \x1b[1mподвале\x1b[0m"
    assert marked("нас в подвале", [(6, 13)], bold=False) == "нас в подвале"


def test_an_index_from_another_version_is_rebuilt_at_unlock(
        vault_path: Path, small_vault: Vault, searchable: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from archive.catalog.models import IndexFile

    small_vault.lock()
    monkeypatch.setattr("search.index.is_current", lambda schema: False)
    again = Vault.open(vault_path)
    again.unlock(PASSPHRASE)
    try:
        assert "свидетель.txt" in _found(again, "рабства")
        files = again._indexer().index.storage.snapshot()  # noqa: SLF001
        with again.core.sessions() as session:
            sealed = {row.name: row.object_id for row in session.query(IndexFile)}
        assert set(sealed) == set(files)
        for name, object_id in sealed.items():
            assert b"".join(again.core.objects.iter_plaintext(object_id)) == files[name]
    finally:
        again.lock()
