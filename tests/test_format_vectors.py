"""An independent reader written from docs/FORMAT.md alone: libsodium (through PyNaCl's raw
bindings), hashlib and SQLCipher. It uses none of Strongroom's code, so if the implementation drifts
from the document, these tests fail. Only the last two use the product: one opens the vector with
it, the other has it make a vault whose extracted-text objects the reader then reads.
What the vector holds and what tiny-vault.json says about it: FORMAT.md section 11.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
import re
import shutil
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nacl.bindings as sodium
import nacl.pwhash.argon2id as argon2id
import pytest
import sqlcipher3.dbapi2 as sqlcipher

VECTORS = Path(__file__).parent / "vectors"
SLOT = 65600
CHUNK = 65536
EM_DASH = "\u2014"  # U+2014, three bytes in UTF-8: e2 80 94
ENTRY_KEYS = {"v", "seq", "time", "action", "item", "sha256", "size", "actor", "details", "salt"}
ACTIONS = {"import", "intake-again", "extract", "view", "open", "note", "tag", "untag", "case-add",
           "case-remove", "export", "publication-copy", "verify", "redaction", "deletion-request",
           "passphrase-change", "case-create", "case-rename", "case-describe", "case-delete",
           "link", "unlink", "examiner-change"}
HEX32 = re.compile(r"[0-9a-f]{32}")
HEX64 = re.compile(r"[0-9a-f]{64}")


# ---------------------------------------------------------------------- sections 2 to 5
def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def unseal(key: bytes, sealed: bytes, ad: bytes) -> bytes:
    return sodium.crypto_aead_aegis256_decrypt(sealed[32:], ad, sealed[:32], key)


def crypto_kdf(key: bytes, subkey_id: int, ctx: bytes) -> bytes:
    return hashlib.blake2b(b"", digest_size=32, key=key, salt=subkey_id.to_bytes(8, "little") +
                           bytes(8), person=ctx + bytes(8)).digest()


def keyslot_ad(body: dict, slot: str) -> bytes:
    kdf = body[f"{slot}_slot"]["kdf"]
    return b"strongroom keyslot v1\n" + canonical({
        "magic": body["magic"], "version": body["version"], "pack": body["pack"],
        "slot": slot, "kdf": kdf})


def master_from_passphrase(body: dict, passphrase: str) -> bytes:
    kdf = body["passphrase_slot"]["kdf"]
    assert kdf["alg"] == "argon2id13"
    assert 1 <= kdf["opslimit"] <= 16 and 8192 <= kdf["memlimit"] <= 2**31
    kek = argon2id.kdf(32, unicodedata.normalize("NFC", passphrase).encode(),
                       base64.b64decode(kdf["salt"]), opslimit=kdf["opslimit"],
                       memlimit=kdf["memlimit"])
    return unseal(kek, base64.b64decode(body["passphrase_slot"]["wrapped_master_key"]),
                  keyslot_ad(body, "passphrase"))


def master_from_recovery(body: dict, typed: str) -> bytes:
    cleaned = typed.replace("-", "").upper()
    raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    assert base64.b32encode(raw).decode().rstrip("=") == cleaned  # the canonical spelling
    secret, check = raw[:32], raw[32:]
    assert hashlib.blake2b(secret, digest_size=2, person=b"SRrecov1" + bytes(8)).digest() == check
    kek = crypto_kdf(secret, 1, b"SRrecov1")
    return unseal(kek, base64.b64decode(body["recovery_slot"]["wrapped_master_key"]),
                  keyslot_ad(body, "recovery"))


def read_object(folder: Path, slots_per_pack: int, size: int, data_key: bytes, object_id: bytes,
                extents: Sequence[tuple[int, int, int]]) -> bytes:
    n = max(1, -(-size // CHUNK))
    slots = [(pack, first + k) for pack, first, count in extents for k in range(count)]
    assert len(slots) == n
    out = []
    for i, (pack, slot) in enumerate(slots):
        assert 0 <= slot < slots_per_pack
        with open(folder / "packs" / f"{pack:08d}.pack", "rb") as f:
            f.seek(slot * SLOT)
            raw = f.read(SLOT)
        final = i == n - 1
        ad = b"SRCK" + (1).to_bytes(2, "big") + object_id + i.to_bytes(8, "big") + bytes([final])
        plain = unseal(data_key, raw, ad)
        keep = size - i * CHUNK if final else CHUNK
        assert plain[keep:] == bytes(CHUNK - keep)
        out.append(plain[:keep])
    return b"".join(out)


# ---------------------------------------------------------------------- section 7: custody log
def merkle_root(leaves: Sequence[bytes]) -> bytes:
    """RFC 6962 MTH over leaf hashes: split at the largest power of two below n."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + merkle_root(leaves[:k]) + merkle_root(leaves[k:])).digest()


def verify_checkpoint(note: str, origin: str, public_key: bytes) -> tuple[int, bytes]:
    """Parse a signed note, check its one signature line with libsodium; return (size, root)."""
    body, blank, signatures = note.partition("\n\n")
    assert blank, "no blank line between body and signatures"
    body += "\n"
    lines = body.split("\n")
    assert len(lines) == 4 and lines[0] == origin and lines[3] == ""
    size, root = int(lines[1]), base64.b64decode(lines[2], validate=True)
    assert lines[1] == str(size) and len(root) == 32
    key_id = hashlib.sha256(origin.encode() + b"\n" + b"\x01" + public_key).digest()[:4]
    assert signatures.endswith("\n")
    found = 0
    for line in signatures[:-1].split("\n"):
        dash, name, blob_b64 = line.split(" ")
        assert dash == EM_DASH and name == origin
        blob = base64.b64decode(blob_b64, validate=True)
        assert len(blob) == 68 and blob[:4] == key_id
        sodium.crypto_sign_open(blob[4:] + body.encode(), public_key)  # raises if it fails
        found += 1
    assert found == 1
    return size, root


# ---------------------------------------------------------------------- fixtures
@pytest.fixture
def expected() -> dict[str, Any]:
    return json.loads((VECTORS / "tiny-vault.json").read_text(encoding="utf-8"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "tiny-vault"
    shutil.copytree(VECTORS / "tiny-vault", copy)
    return copy


def header_body(folder: Path) -> dict[str, Any]:
    outer = json.loads((folder / "header.json").read_bytes())
    body = outer["body"]
    assert hashlib.sha256(canonical(body)).hexdigest() == outer["sha256"]
    assert body["magic"] == "strongroom-vault" and body["version"] == 1
    return body


def take_vault_lock(folder: Path) -> int:
    """Section 1.1: opening the catalog in place needs the vault lock."""
    fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise
    return fd


@contextmanager
def open_catalog(folder: Path, master: bytes) -> Iterator[sqlite3.Connection]:
    lock = take_vault_lock(folder)
    conn = sqlcipher.connect(str(folder / "catalog.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{crypto_kdf(master, 1, b'SRvault1').hex()}'\"")
        yield conn
    finally:
        conn.close()
        os.close(lock)


@pytest.fixture
def catalog(folder: Path, expected: dict[str, Any]) -> Iterator[sqlite3.Connection]:
    master = master_from_passphrase(header_body(folder), expected["passphrase"])
    with open_catalog(folder, master) as conn:
        yield conn


@pytest.fixture
def public_key(folder: Path, expected: dict[str, Any]) -> bytes:
    body = header_body(folder)
    master = master_from_passphrase(body, expected["passphrase"])
    seed = unseal(crypto_kdf(master, 5, b"SRvault1"), base64.b64decode(body["signing_key"]),
                  b"strongroom signing key v1")
    public, _secret = sodium.crypto_sign_seed_keypair(seed)
    return public


def entries(catalog: sqlite3.Connection) -> list[tuple[int, str, str, str | None, bytes]]:
    return catalog.execute("SELECT seq, occurred_at, action, item_id, entry FROM custody_events "
                           "ORDER BY seq").fetchall()


def text_objects(catalog: sqlite3.Connection) -> set[str]:
    """Extracted-text objects (section 6.5): named by item_texts.object_id from revision
    0008_derived_objects; before it, the text is in the row and there are none."""
    columns = {r[1] for r in catalog.execute("PRAGMA table_info(item_texts)")}
    if "object_id" not in columns:
        return set()
    return {r[0] for r in catalog.execute("SELECT object_id FROM item_texts")}


# ---------------------------------------------------------------------- tests
@pytest.mark.parametrize("how", ["passphrase", "recovery"])
def test_both_keyslots_open_the_catalog(folder: Path, expected: dict[str, Any], how: str) -> None:
    body = header_body(folder)
    master = (master_from_passphrase(body, expected["passphrase"]) if how == "passphrase"
              else master_from_recovery(body, expected["recovery_key"]))
    assert body["pack"]["slots_per_pack"] == expected["slots_per_pack"]
    with open_catalog(folder, master) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            expected["catalog_revision"]
        rows = conn.execute("SELECT id, vault_id, format_version FROM vault").fetchall()
        assert rows == [(1, expected["vault_id"], 1)]
    # Closed cleanly, the catalog leaves no WAL behind (section 6.1).
    assert not (folder / "catalog.db-wal").exists()


def test_signing_key_is_the_expected_one(public_key: bytes, expected: dict[str, Any]) -> None:
    assert base64.b64encode(public_key).decode() == expected["public_key"]


def test_every_object_decrypts_and_every_original_matches_its_sha256(
        folder: Path, catalog: sqlite3.Connection, expected: dict[str, Any]) -> None:
    slots_per_pack = header_body(folder)["pack"]["slots_per_pack"]

    def plaintext(object_id: str) -> bytes:
        assert HEX32.fullmatch(object_id)
        size, data_key = catalog.execute("SELECT size, data_key FROM objects WHERE id = ?",
                                         (object_id,)).fetchone()
        assert isinstance(data_key, bytes) and len(data_key) == 32
        extents = catalog.execute("SELECT pack, first_slot, slot_count FROM object_extents "
                                  "WHERE object_id = ? ORDER BY seq", (object_id,)).fetchall()
        return read_object(folder, slots_per_pack, size, data_key, bytes.fromhex(object_id),
                           extents)

    rows = catalog.execute("SELECT id, object_id, sha256, size, original_name, md5, thumbnail_id "
                           "FROM items").fetchall()
    assert {r[0] for r in rows} == {i["id"] for i in expected["items"]}
    thumbnails = 0
    for item_id, object_id, sha256, size, name, md5, thumbnail_id in rows:
        want = next(i for i in expected["items"] if i["id"] == item_id)
        assert HEX32.fullmatch(item_id) and HEX64.fullmatch(sha256)
        data = plaintext(object_id)
        assert len(data) == size == want["size"]
        assert hashlib.sha256(data).hexdigest() == sha256 == want["sha256"]
        assert hashlib.md5(data).hexdigest() == md5 == want["md5"]  # noqa: S324
        assert name == want["original_name"]
        if thumbnail_id is not None:
            assert plaintext(thumbnail_id).startswith(b"\xff\xd8\xff")  # a JPEG
            thumbnails += 1
    assert thumbnails == 1
    # Every other object (the search index files) decrypts as well, and nothing is left over.
    named = {r[0] for r in catalog.execute(
        "SELECT object_id FROM items UNION SELECT thumbnail_id FROM items "
        "WHERE thumbnail_id IS NOT NULL UNION SELECT object_id FROM index_files")}
    named |= text_objects(catalog)  # from revision 0008_derived_objects (section 5.1)
    assert named == {r[0] for r in catalog.execute("SELECT id FROM objects")}
    for (object_id,) in catalog.execute("SELECT object_id FROM index_files").fetchall():
        plaintext(object_id)
    # The deleted original is gone from the catalog; only the log remembers it.
    for gone in expected["deleted"]:
        assert catalog.execute("SELECT count(*) FROM items WHERE id = ? OR sha256 = ?",
                               (gone["id"], gone["sha256"])).fetchone() == (0,)


def test_custody_root_is_recomputed_from_the_events(catalog: sqlite3.Connection,
                                                    expected: dict[str, Any]) -> None:
    leaves = []
    actions = []
    for seq, occurred_at, action, item_id, entry in entries(catalog):
        assert isinstance(entry, bytes)
        fields = json.loads(entry)
        assert canonical(fields) == entry  # the stored bytes are canonical JSON
        assert set(fields) == ENTRY_KEYS and fields["v"] == 1
        assert fields["seq"] == seq == len(leaves)
        assert (fields["action"], fields["item"]) == (action, item_id) and action in ACTIONS
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", fields["time"])
        assert occurred_at == fields["time"].replace("T", " ").removesuffix("Z")
        assert len(base64.b64decode(fields["salt"], validate=True)) == 16
        assert isinstance(fields["details"], dict)
        if item_id is None:
            assert fields["sha256"] is None and fields["size"] is None
        else:
            assert HEX32.fullmatch(item_id) and HEX64.fullmatch(fields["sha256"])
        leaves.append(hashlib.sha256(b"\x00" + entry).digest())
        actions.append(action)
    custody = expected["custody"]
    assert actions == custody["actions"] and len(leaves) == custody["tree_size"]
    assert merkle_root(leaves).hex() == custody["root"]
    # The latest checkpoint (greatest tree_size) covers the whole log; each one its prefix.
    rows = catalog.execute("SELECT tree_size, root_hash FROM checkpoints "
                           "ORDER BY tree_size").fetchall()
    assert len(rows) == custody["checkpoints"]
    assert rows[-1] == (len(leaves), merkle_root(leaves))
    for size, root in rows:
        assert isinstance(root, bytes) and root == merkle_root(leaves[:size])


def test_every_checkpoint_signature_verifies(catalog: sqlite3.Connection, public_key: bytes,
                                             expected: dict[str, Any]) -> None:
    (vault_id,) = catalog.execute("SELECT vault_id FROM vault").fetchone()
    origin = f"strongroom/{vault_id}"
    assert origin == expected["custody"]["origin"]
    rows = catalog.execute("SELECT tree_size, root_hash, note FROM checkpoints").fetchall()
    assert rows
    for tree_size, root_hash, note in rows:
        assert f"\n\n{EM_DASH} {origin} " in note and "\\u2014" not in note
        assert verify_checkpoint(note, origin, public_key) == (tree_size, root_hash)
    # A changed byte in the body makes the signature fail.
    tree_size, _root, note = rows[-1]
    forged = note.replace(f"\n{tree_size}\n", f"\n{tree_size + 1}\n", 1)
    with pytest.raises(Exception, match="ignature"):
        verify_checkpoint(forged, origin, public_key)


def test_notes_tags_and_cases(catalog: sqlite3.Connection, expected: dict[str, Any]) -> None:
    cases = dict(catalog.execute("SELECT id, name FROM cases").fetchall())
    assert sorted(cases.values()) == expected["cases"]
    events = [json.loads(e[4]) for e in entries(catalog)]
    for want in expected["items"]:
        item = want["id"]
        notes = catalog.execute("SELECT id, body, author FROM notes WHERE item_id = ? "
                                "ORDER BY created_at", (item,)).fetchall()
        assert [n[1] for n in notes] == [n["body"] for n in want["notes"]]
        note_events = {e["details"]["note_id"]: e["details"]["note_sha256"] for e in events
                       if e["action"] == "note" and e["item"] == item}
        assert len(note_events) == len(notes)
        for note_id, body, author in notes:  # the note hash: SHA-256 of the body's UTF-8
            assert note_events[note_id] == hashlib.sha256(body.encode("utf-8")).hexdigest()
            assert author == events[0]["actor"]
        tags = [r[0] for r in catalog.execute("SELECT name FROM item_tags WHERE item_id = ? "
                                              "ORDER BY name", (item,))]
        in_cases = sorted(cases[r[0]] for r in catalog.execute(
            "SELECT case_id FROM item_cases WHERE item_id = ?", (item,)))
        assert tags == want["tags"] and in_cases == want["cases"]
        # The log alone tells the same story (section 7.2: what each action means).
        replayed_tags: set[str] = set()
        replayed_cases: set[str] = set()
        for e in (e for e in events if e["item"] == item):
            d = e["details"]
            if e["action"] == "import":
                replayed_tags |= set(d.get("tags", []))
                replayed_cases |= {d["case"]} if "case" in d else set()
            elif e["action"] == "tag":
                replayed_tags |= set(d["added"])
            elif e["action"] == "untag":
                replayed_tags -= set(d["removed"])
            elif e["action"] == "case-add":
                replayed_cases.add(d["case"])
        assert sorted(replayed_tags) == want["tags"] and sorted(replayed_cases) == want["cases"]
        intakes = catalog.execute("SELECT count(*) FROM intakes WHERE item_id = ?",
                                  (item,)).fetchone()[0]
        assert intakes == want["intakes"] == 1 + sum(
            e["action"] == "intake-again" for e in events if e["item"] == item)
    for gone in expected["deleted"]:
        last = [e for e in events if e["item"] == gone["id"]][-1]
        assert last["action"] == "deletion-request" and last["sha256"] == gone["sha256"]


def test_the_reader_notices_a_changed_event_and_a_changed_slot(
        folder: Path, catalog: sqlite3.Connection, expected: dict[str, Any]) -> None:
    seq, _at, _action, _item, entry = entries(catalog)[3]
    catalog.execute("UPDATE custody_events SET entry = ? WHERE seq = ?",
                    (entry.replace(b'"actor":"', b'"actor":"x'), seq))
    leaves = [hashlib.sha256(b"\x00" + e[4]).digest() for e in entries(catalog)]
    (latest,) = catalog.execute("SELECT root_hash FROM checkpoints "
                                "ORDER BY tree_size DESC LIMIT 1").fetchone()
    assert merkle_root(leaves) != latest
    assert merkle_root(leaves).hex() != expected["custody"]["root"]

    item = expected["items"][0]
    size, data_key, object_id = catalog.execute(
        "SELECT o.size, o.data_key, o.id FROM objects o JOIN items i ON i.object_id = o.id "
        "WHERE i.id = ?", (item["id"],)).fetchone()
    extents = catalog.execute("SELECT pack, first_slot, slot_count FROM object_extents "
                              "WHERE object_id = ? ORDER BY seq", (object_id,)).fetchall()
    pack, first, _count = extents[0]
    with open(folder / "packs" / f"{pack:08d}.pack", "r+b") as f:
        f.seek(first * SLOT + 100)
        byte = f.read(1)
        f.seek(first * SLOT + 100)
        f.write(bytes([byte[0] ^ 1]))
    with pytest.raises(Exception, match="(?i)decrypt|forged|corrupt"):
        read_object(folder, expected["slots_per_pack"], size, data_key,
                    bytes.fromhex(object_id), extents)


def test_current_code_still_opens_vector(folder: Path, expected: dict[str, Any]) -> None:
    from archive import Vault

    vault = Vault.open(folder)
    vault.unlock(expected["passphrase"])
    try:
        with pytest.raises(BlockingIOError):  # section 1.1: the reader is kept out
            take_vault_lock(folder)
        assert vault.check_custody() == []
        for want in expected["items"]:
            with vault.open_original(want["id"], actor="reader") as reader:
                assert hashlib.sha256(reader.read()).hexdigest() == want["sha256"]
    finally:
        vault.lock()


def test_extracted_text_objects_read_by_the_spec_alone(tmp_path: Path) -> None:
    """Section 5.1 on a vault the product makes here (the vector predates text objects): the
    text and cues of a transcript come back from its extracted-text object with nothing but
    libsodium and SQLCipher, and hash to item_texts.sha256."""
    from archive import Vault
    from archive.intake.results import ImportOptions

    srt = ("1\n00:00:01,000 --> 00:00:03,500\nНас держали в подвале.\n\n"
           "2\n00:00:04,000 --> 00:00:06,000\nThree days, no water.\n")
    source = tmp_path / "interview.srt"
    source.write_text(srt, encoding="utf-8")
    folder = tmp_path / "vault"
    vault, _recovery = Vault.create(folder, "spec reader", slots_per_pack=4)
    report = vault.import_paths([source], options=ImportOptions(actor="reader"))
    item_id = report.results[0].item_id
    vault.lock()

    body = header_body(folder)
    with open_catalog(folder, master_from_passphrase(body, "spec reader")) as catalog:
        assert catalog.execute("SELECT version_num FROM alembic_version").fetchone()[0] >= "0008"
        assert {r[1] for r in catalog.execute("PRAGMA table_info(item_texts)")} == {
            "item_id", "encoding", "object_id", "sha256", "cue_count"}
        object_id, sha256, cue_count = catalog.execute(
            "SELECT object_id, sha256, cue_count FROM item_texts WHERE item_id = ?",
            (item_id,)).fetchone()
        size, data_key = catalog.execute("SELECT size, data_key FROM objects WHERE id = ?",
                                         (object_id,)).fetchone()
        extents = catalog.execute("SELECT pack, first_slot, slot_count FROM object_extents "
                                  "WHERE object_id = ? ORDER BY seq", (object_id,)).fetchall()
        plain = read_object(folder, body["pack"]["slots_per_pack"], size, data_key,
                            bytes.fromhex(object_id), extents)
    assert hashlib.sha256(plain).hexdigest() == sha256
    text = json.loads(plain.decode("utf-8"))
    assert set(text) == {"v", "text", "cues"} and text["v"] == 1
    assert "Нас держали в подвале." in text["text"] and "Three days" in text["text"]
    assert len(text["cues"]) == cue_count == 2
    assert text["cues"][0]["start"] == 1.0 and text["cues"][0]["end"] == 3.5
    assert text["cues"][1]["text"] == "Three days, no water."
