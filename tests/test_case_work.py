"""Case work through the Vault: cases made, renamed, described and deleted, items put in and
taken out, the examiner as the default actor, and transcripts linked by hand. Every change is
checked in the catalog and in the custody log."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import Vault
from archive.cases import CaseNotFound
from archive.errors import BadInput
from archive.intake.results import ImportOptions
from conftest import PASSPHRASE
from fixtures import SRT_TEXT, jpeg, wav


def _import(vault: Vault, *paths: Path, case: str | None = None) -> dict[str, str]:
    report = vault.import_paths(list(paths), options=ImportOptions(case=case))
    return {r.path.name: r.item_id for r in report.results if r.item_id}


@pytest.fixture
def photos(small_vault: Vault, tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    return _import(small_vault, *(jpeg(folder / f"p{i}.jpg", seed=i) for i in range(3)))


def _members(vault: Vault, case: str) -> set[str]:
    return {i.id for i in vault.items(case=case)}


def _events(vault: Vault, action: str) -> list:  # type: ignore[type-arg]
    return [e for e in vault.custody_events() if e.action == action]


def test_cases_made_renamed_described_and_deleted_with_their_events(
        small_vault: Vault, photos: dict[str, str]) -> None:
    assert small_vault.create_case("  Basement ", "the flat on Lenina st.") == "Basement"
    small_vault.create_case("Shop")
    assert [c[0] for c in small_vault.cases()] == ["Basement", "Shop"]
    with pytest.raises(BadInput, match="already a case"):
        small_vault.create_case("Shop")
    with pytest.raises(BadInput):
        small_vault.create_case("two\nlines")

    change = small_vault.add_to_case("Basement", [photos["p0.jpg"], photos["p1.jpg"][:8],
                                                  photos["p0.jpg"]])
    assert set(change.changed) == {photos["p0.jpg"], photos["p1.jpg"]}
    assert _members(small_vault, "Basement") == {photos["p0.jpg"], photos["p1.jpg"]}
    again = small_vault.add_to_case("Basement", [photos["p0.jpg"], photos["p2.jpg"]])
    assert again.changed == (photos["p2.jpg"],) and again.unchanged == (photos["p0.jpg"],)

    small_vault.remove_from_case("Basement", [photos["p1.jpg"]])
    assert _members(small_vault, "Basement") == {photos["p0.jpg"], photos["p2.jpg"]}
    assert small_vault.item_count() == 3  # taken out of the case, not out of the vault

    assert small_vault.rename_case("Basement", "Cellar") == "Cellar"
    assert _members(small_vault, "Cellar") == {photos["p0.jpg"], photos["p2.jpg"]}
    assert [h.id for h in small_vault.search("case:Cellar")] != []
    small_vault.describe_case("Cellar", "under the shop")
    assert ("Cellar", "under the shop", 2) in small_vault.cases()

    held = small_vault.delete_case("Cellar")
    assert set(held) == {photos["p0.jpg"], photos["p2.jpg"]}
    assert [c[0] for c in small_vault.cases()] == ["Shop"]
    assert small_vault.item_count() == 3
    assert small_vault.search("case:Cellar") == []
    with pytest.raises(CaseNotFound):
        small_vault.add_to_case("Cellar", [photos["p0.jpg"]])

    assert [e.details["case"] for e in _events(small_vault, "case-create")] == ["Basement", "Shop"]
    adds = _events(small_vault, "case-add")
    assert {(e.item, e.details["case"]) for e in adds} == {
        (photos[n], "Basement") for n in ("p0.jpg", "p1.jpg", "p2.jpg")}
    assert all(e.sha256 for e in adds)
    (rename,) = _events(small_vault, "case-rename")
    assert rename.details == {"case": "Cellar", "previous_case": "Basement"}
    assert _events(small_vault, "case-describe")[0].details["case"] == "Cellar"
    removes = _events(small_vault, "case-remove")
    assert [(e.item, e.details["case"]) for e in removes][0] == (photos["p1.jpg"], "Basement")
    assert {e.item for e in removes[1:]} == {photos["p0.jpg"], photos["p2.jpg"]}
    (deleted,) = _events(small_vault, "case-delete")
    assert deleted.details == {"case": "Cellar", "items": 2} and deleted.item is None
    assert small_vault.check_custody() == []


def test_an_unknown_item_changes_nothing(small_vault: Vault, photos: dict[str, str]) -> None:
    small_vault.create_case("Shop")
    before = len(small_vault.custody_events())
    with pytest.raises(BadInput):
        small_vault.add_to_case("Shop", [photos["p0.jpg"], "ffffffffffff"])
    assert _members(small_vault, "Shop") == set()
    assert len(small_vault.custody_events()) == before


def test_the_examiner_acts_unless_another_name_is_given(
        vault_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRONGROOM_ACTOR", raising=False)
    vault, _key = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64,
                               examiner="Anna Petrova")
    try:
        vault.create_case("Shop")
        (tmp_path / "in").mkdir()
        ids = _import(vault, jpeg(tmp_path / "in" / "a.jpg"))
        vault.add_note(ids["a.jpg"], "seen", actor="Boris")
        monkeypatch.setenv("STRONGROOM_ACTOR", "Clerk")
        vault.change_tags(ids["a.jpg"], add=["x"])
        monkeypatch.delenv("STRONGROOM_ACTOR")
        vault.set_examiner("Anna Sidorova")
        vault.create_case("Second")
    finally:
        vault.lock()
    reopened = Vault.open(vault_path)
    reopened.unlock(PASSPHRASE)
    try:
        assert reopened.examiner == "Anna Sidorova"
        actors = [(e.action, e.actor) for e in reopened.custody_events()]
        assert actors == [("case-create", "Anna Petrova"), ("import", "Anna Petrova"),
                          ("extract", "Anna Petrova"), ("note", "Boris"), ("tag", "Clerk"),
                          ("examiner-change", "Anna Petrova"),
                          ("case-create", "Anna Sidorova")]
        assert reopened.item_detail(ids["a.jpg"]).imported_by == "Anna Petrova"
        assert reopened.custody_events()[5].details == {"examiner": "Anna Sidorova"}
    finally:
        reopened.lock()


def test_transcripts_linked_by_hand_and_by_near_names(small_vault: Vault,
                                                      tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    wav(a / "interview-7.wav")
    wav(b / "call.wav", seconds=1.0)
    (a / "Interview 7 transcript.srt").write_text(SRT_TEXT, encoding="utf-8")
    (a / "interview-8.srt").write_text(SRT_TEXT + "\n", encoding="utf-8")
    (b / "notes-by-phone.srt").write_text(SRT_TEXT + "\n\n", encoding="utf-8")
    ids = _import(small_vault, a, b)
    near = ids["Interview 7 transcript.srt"]
    assert [s.id for s in small_vault.related_recordings(near)] == [ids["interview-7.wav"]]
    assert small_vault.related_recordings(ids["interview-8.srt"]) == []  # another number
    assert small_vault.related_recordings(ids["notes-by-phone.srt"]) == []

    # by hand, in either order, and undone
    assert small_vault.link_items(ids["call.wav"], ids["notes-by-phone.srt"]) == (
        ids["notes-by-phone.srt"], ids["call.wav"])
    assert [s.id for s in small_vault.related_recordings(ids["notes-by-phone.srt"])] == [
        ids["call.wav"]]
    assert [s.id for s in small_vault.related_recordings(ids["call.wav"])] == [
        ids["notes-by-phone.srt"]]
    assert small_vault.linked_items(ids["call.wav"]) == [ids["notes-by-phone.srt"]]
    with pytest.raises(BadInput, match="already linked"):
        small_vault.link_items(ids["notes-by-phone.srt"], ids["call.wav"])
    with pytest.raises(BadInput, match="transcript"):
        small_vault.link_items(ids["call.wav"], ids["interview-7.wav"])
    small_vault.unlink_items(ids["notes-by-phone.srt"], ids["call.wav"])
    assert small_vault.related_recordings(ids["notes-by-phone.srt"]) == []
    with pytest.raises(BadInput, match="not linked"):
        small_vault.unlink_items(ids["notes-by-phone.srt"], ids["call.wav"])

    links = [(e.action, e.item) for e in small_vault.custody_events()
             if e.action in ("link", "unlink")]
    assert links == [("link", ids["notes-by-phone.srt"]), ("link", ids["call.wav"]),
                     ("unlink", ids["notes-by-phone.srt"]), ("unlink", ids["call.wav"])]

    # a link goes with a deleted item
    small_vault.link_items(ids["call.wav"], ids["notes-by-phone.srt"])
    small_vault.delete_item(ids["call.wav"], "recorded twice")
    assert small_vault.linked_items(ids["notes-by-phone.srt"]) == []


def test_a_transcript_paired_with_a_recording_of_a_near_name_in_the_same_folder(
        small_vault: Vault, tmp_path: Path) -> None:
    """Dated names as phones and recorders write them: "interview-2024-03-11" and
    "interview 2024-03-11 transcript" pair; another day, or another folder, does not."""
    here, elsewhere = tmp_path / "day", tmp_path / "other"
    here.mkdir()
    elsewhere.mkdir()
    wav(here / "interview-2024-03-11.m4a")  # WAV bytes: the kind comes from the content
    (here / "interview 2024-03-11 transcript.srt").write_text(SRT_TEXT, encoding="utf-8")
    (here / "interview 2024-03-12 transcript.srt").write_text(SRT_TEXT + "\n",
                                                            encoding="utf-8")
    (elsewhere / "Interview_2024-03-11 transcript.srt").write_text(SRT_TEXT + "\n\n",
                                                                  encoding="utf-8")
    ids = _import(small_vault, here, elsewhere)
    recording = ids["interview-2024-03-11.m4a"]
    same_day = ids["interview 2024-03-11 transcript.srt"]
    assert small_vault.item_detail(recording).kind == "audio"
    assert [s.id for s in small_vault.related_recordings(same_day)] == [recording]
    assert [s.id for s in small_vault.related_recordings(recording)] == [same_day]
    assert small_vault.related_recordings(ids["interview 2024-03-12 transcript.srt"]) == []
    assert small_vault.related_recordings(ids["Interview_2024-03-11 transcript.srt"]) == []


def test_list_rows_are_those_of_the_items_themselves(small_vault: Vault,
                                                     photos: dict[str, str]) -> None:
    """The rows of a list, read as columns, say what the items read whole say (cases sorted,
    tags in order), in every page and filter."""
    from archive.catalog.models import Item
    from archive.catalog.records import summary_of

    small_vault.create_case("Shop")
    small_vault.create_case("Basement")
    small_vault.add_to_case("Shop", list(photos.values()))
    small_vault.add_to_case("Basement", [photos["p1.jpg"]])
    small_vault.change_tags(photos["p1.jpg"], add=["passport", "Zhaksylykov", "подвал"])
    with small_vault.core.sessions() as session:
        whole = [summary_of(item) for item in session.query(Item)
                 .order_by(Item.imported_at, Item.id)]
    assert small_vault.items() == whole
    assert small_vault.items(offset=1, limit=1) == whole[1:2]
    assert small_vault.items(case="Basement") == [s for s in whole if "Basement" in s.cases]
    assert next(s for s in whole if s.id == photos["p1.jpg"]).cases == ("Basement", "Shop")
