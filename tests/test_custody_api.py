"""Inclusion and consistency proofs from the archive API verify against signed checkpoints, with
nothing but the public key and standard RFC 6962 arithmetic."""

from __future__ import annotations

from pathlib import Path

import fixtures as fx
from archive import Vault
from archive.custody import checkpoint, merkle
from archive.custody.log import encode_entry


def test_proofs_verify_against_signed_checkpoints(small_vault: Vault, tmp_path: Path) -> None:
    for i in range(3):
        small_vault.import_paths([fx.jpeg(tmp_path / f"p{i}.jpg", seed=i)])
    early_note = small_vault.latest_checkpoint()
    assert early_note is not None
    public = small_vault.custody.public_key()
    origin = small_vault.custody.origin
    early = checkpoint.verify(early_note, origin, public)
    assert early.size == 6

    item = small_vault.items()[1].id
    small_vault.add_note(item, "later work")
    small_vault.change_tags(item, add=["x"])
    late = checkpoint.verify(small_vault.latest_checkpoint() or "", origin, public)
    assert late.size == 8

    # Every event proves its place in the latest checkpoint.
    from archive.catalog.models import CustodyEvent
    with small_vault.core.sessions() as session:
        entries = [row.entry for row in session.query(CustodyEvent).order_by(CustodyEvent.seq)]
    for seq, entry in enumerate(entries):
        proof = small_vault.inclusion_proof(seq, late.size)
        assert merkle.verify_inclusion(merkle.leaf_hash(entry), seq, late.size, proof, late.root)
        assert not merkle.verify_inclusion(merkle.leaf_hash(entry + b" "), seq, late.size, proof,
                                           late.root)
    # The later checkpoint extends the earlier one.
    proof = small_vault.consistency_proof(early.size, late.size)
    assert merkle.verify_consistency(early.size, late.size, early.root, late.root, proof)
    # Each stored checkpoint is signed by the vault key and no other.
    other = checkpoint.verifier_key(origin, public)
    assert other.startswith(origin + "+")
    assert small_vault.checkpoint_at(early.size) == early_note


def test_entries_are_canonical_and_salted(small_vault: Vault, tmp_path: Path) -> None:
    path = fx.jpeg(tmp_path / "same.jpg")
    small_vault.import_paths([path])
    events = small_vault.custody_events()
    from archive.catalog.models import CustodyEvent
    with small_vault.core.sessions() as session:
        raw = [row.entry for row in session.query(CustodyEvent).order_by(CustodyEvent.seq)]
    import json
    for entry in raw:
        fields = json.loads(entry)
        assert encode_entry(fields) == entry  # canonical: re-encoding gives the same bytes
        assert len(fields["salt"]) == 24  # 16 random bytes, base64
        assert fields["time"].endswith("Z")
    # Two events about the same file differ in their salt, so a leaf cannot confirm a guess.
    assert json.loads(raw[0])["salt"] != json.loads(raw[1])["salt"]
    assert events[0].sha256 == events[1].sha256
