"""RFC 6962 Merkle tree against the Certificate Transparency reference vectors (data only), and
exhaustive checks that proofs verify and that altered proofs do not."""

from __future__ import annotations

import hashlib

import pytest

from archive.custody import merkle

ENTRIES = [bytes.fromhex(h) for h in ("", "00", "10", "2021", "3031", "40414243",
                                      "5051525354555657", "606162636465666768696a6b6c6d6e6f")]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = [
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
]
CONSISTENCY = [
    (2, 8, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]
LEAVES = [merkle.leaf_hash(e) for e in ENTRIES]


def test_reference_roots() -> None:
    assert merkle.root([]).hex() == hashlib.sha256(b"").hexdigest()
    frontier = merkle.Frontier()
    for n in range(1, 9):
        assert merkle.root(LEAVES[:n]).hex() == ROOTS[n - 1]
        frontier.append(LEAVES[n - 1])
        assert frontier.root().hex() == ROOTS[n - 1]


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION)
def test_reference_inclusion(index: int, size: int, proof: list[str]) -> None:
    assert [p.hex() for p in merkle.inclusion_proof(LEAVES, index, size)] == proof
    assert merkle.verify_inclusion(LEAVES[index], index, size, [bytes.fromhex(p) for p in proof],
                                   bytes.fromhex(ROOTS[size - 1]))


@pytest.mark.parametrize(("old", "new", "proof"), CONSISTENCY)
def test_reference_consistency(old: int, new: int, proof: list[str]) -> None:
    assert [p.hex() for p in merkle.consistency_proof(LEAVES, old, new)] == proof
    assert merkle.verify_consistency(old, new, bytes.fromhex(ROOTS[old - 1]),
                                     bytes.fromhex(ROOTS[new - 1]),
                                     [bytes.fromhex(p) for p in proof])


MANY = [merkle.leaf_hash(i.to_bytes(4, "big")) for i in range(40)]
MANY_ROOTS = [merkle.root(MANY[:n]) for n in range(41)]


def test_every_inclusion_proof_and_no_altered_one() -> None:
    for n in range(1, 41):
        for i in range(n):
            proof = merkle.inclusion_proof(MANY, i, n)
            assert merkle.verify_inclusion(MANY[i], i, n, proof, MANY_ROOTS[n])
            assert not merkle.verify_inclusion(MANY[(i + 1) % 40], i, n, proof, MANY_ROOTS[n]) \
                or MANY[(i + 1) % 40] == MANY[i]
            if proof:
                bad = list(proof)
                bad[-1] = bytes([bad[-1][0] ^ 1]) + bad[-1][1:]
                assert not merkle.verify_inclusion(MANY[i], i, n, bad, MANY_ROOTS[n])
                assert not merkle.verify_inclusion(MANY[i], i, n, proof[:-1], MANY_ROOTS[n])
            assert not merkle.verify_inclusion(MANY[i], i, n, [*proof, bytes(32)], MANY_ROOTS[n])


def test_every_consistency_proof_and_no_altered_one() -> None:
    for new in range(0, 41):
        for old in range(0, new + 1):
            proof = merkle.consistency_proof(MANY, old, new)
            assert merkle.verify_consistency(old, new, MANY_ROOTS[old], MANY_ROOTS[new], proof)
            if proof:
                bad = list(proof)
                bad[0] = bytes([bad[0][0] ^ 0x80]) + bad[0][1:]
                assert not merkle.verify_consistency(old, new, MANY_ROOTS[old], MANY_ROOTS[new],
                                                     bad)
                assert not merkle.verify_consistency(old, new, MANY_ROOTS[old], MANY_ROOTS[new],
                                                     proof[:-1])
            if 0 < old < new:
                # A log rewritten after `old` entries does not extend the old head.
                forked = MANY[: old - 1] + [merkle.leaf_hash(b"forged")] + MANY[old:new]
                assert not merkle.verify_consistency(old, new, MANY_ROOTS[old],
                                                     merkle.root(forked), proof)
