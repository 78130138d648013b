"""Round trips, random access, and every way of damaging stored objects."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import IntegrityError, Vault
from archive.storage.objects import PutResult
from archive.storage.packs import PACK_DIR, pack_name
from crypto.chunks import CHUNK_BYTES, SLOT_BYTES

SIZES = [0, 1, 65535, 65536, 65537, 3 * 65536 + 17]


@pytest.mark.parametrize("size", SIZES)
def test_round_trip(small_vault: Vault, size: int) -> None:
    data = os.urandom(size)
    result = small_vault.core.objects.put_bytes(data)
    assert result.size == size
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert b"".join(small_vault.core.objects.iter_plaintext(result.object_id)) == data
    assert small_vault.core.objects.open_reader(result.object_id).read() == data


@pytest.mark.slow
def test_round_trip_10_mib_spans_packs(small_vault: Vault) -> None:
    data = os.urandom(10 * 1024 * 1024)
    result = small_vault.core.objects.put_bytes(data)
    assert len({e.pack for e in result.extents}) >= 3  # 4 MiB packs
    assert b"".join(small_vault.core.objects.iter_plaintext(result.object_id)) == data


@pytest.mark.parametrize("hint", [0, 1, 40 * 1024 * 1024])
def test_large_stream_hashed_aside_keeps_digest_and_order(small_vault: Vault, hint: int) -> None:
    """Past 16 MiB (or when told the size up front) blocks are hashed on the helper thread: the
    digests and the bytes read back must be exactly those of a one-thread write."""
    data = os.urandom(3 * 1024 * 1024) * 7 + os.urandom(12345)  # about 21 MiB
    result = small_vault.core.objects.put_stream(io.BytesIO(data), size_hint=hint,
                                            extra_digests=("md5",))
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.digests["md5"] == hashlib.md5(data).hexdigest()  # noqa: S324 - as asked
    with small_vault.core.sessions.begin() as session:
        small_vault.core.objects.attach(session, result)
    assert small_vault.core.objects.open_reader(result.object_id).read() == data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(0, 5 * CHUNK_BYTES), offset=st.integers(0, 6 * CHUNK_BYTES),
       length=st.integers(0, 3 * CHUNK_BYTES))
def test_random_sizes_and_ranges(small_vault: Vault, size: int, offset: int, length: int) -> None:
    data = os.urandom(size)
    oid = small_vault.core.objects.put_bytes(data).object_id
    assert small_vault.core.objects.open_range(oid, offset, length) == data[offset : offset + length]


def test_ranges_at_chunk_edges(small_vault: Vault) -> None:
    data = os.urandom(4 * CHUNK_BYTES + 5)
    oid = small_vault.core.objects.put_bytes(data).object_id
    for edge in (CHUNK_BYTES, 2 * CHUNK_BYTES, 4 * CHUNK_BYTES):
        for delta in (-2, -1, 0, 1):
            start = edge + delta
            assert small_vault.core.objects.open_range(oid, start, 3) == data[start : start + 3]
    reader = small_vault.core.objects.open_reader(oid)
    reader.seek(-7, io.SEEK_END)
    assert reader.read() == data[-7:]


def test_extra_digests_in_same_pass(small_vault: Vault) -> None:
    data = os.urandom(200_000)
    result = small_vault.core.objects.put_stream(io.BytesIO(data), extra_digests=("md5", "sha1"))
    assert result.digests == {"md5": hashlib.md5(data).hexdigest(),  # noqa: S324
                              "sha1": hashlib.sha1(data).hexdigest()}  # noqa: S324
    small_vault.core.objects.release(result.extents)


def test_objects_survive_relock(vault_path: Path, small_vault: Vault) -> None:
    data = os.urandom(300_000)
    oid = small_vault.core.objects.put_bytes(data).object_id
    small_vault.lock()
    again = Vault.open(vault_path)
    again.unlock("correct horse battery staple")
    try:
        assert again.core.objects.open_range(oid, 0, len(data)) == data
    finally:
        again.lock()


def test_deleted_object_slots_are_reused(small_vault: Vault) -> None:
    first = small_vault.core.objects.put_bytes(os.urandom(5 * CHUNK_BYTES))
    with small_vault.core.sessions.begin() as session:
        freed = small_vault.core.objects.delete(session, first.object_id)
    small_vault.core.objects.release(freed)
    second = small_vault.core.objects.put_bytes(os.urandom(5 * CHUNK_BYTES))
    assert second.extents == first.extents
    with pytest.raises(Exception, match="not in the catalog"):
        small_vault.core.objects.open_range(first.object_id, 0, 1)


def test_concurrent_writers_never_share_a_slot(small_vault: Vault) -> None:
    """Writers seal and write side by side (the lock covers only the slot map): every object
    must still read back whole, no slot may be claimed twice, and every pack on disk must be
    complete (full size) once the writes are done."""
    from concurrent.futures import ThreadPoolExecutor

    store = small_vault.core.objects
    sizes = [1, CHUNK_BYTES, 5 * CHUNK_BYTES + 3, 70 * CHUNK_BYTES, 2 * CHUNK_BYTES] * 6
    payloads = [os.urandom(n) for n in sizes]

    def put(data: bytes) -> PutResult:
        return store.put_stream(io.BytesIO(data), size_hint=len(data), sync=False)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(put, payloads))
    store.flush()
    with small_vault.core.sessions.begin() as session:
        for result in results:
            store.attach(session, result)
    claimed = [(e.pack, e.first_slot + i) for r in results for e in r.extents
               for i in range(e.slot_count)]
    assert len(claimed) == len(set(claimed))
    store.wait_for_packs()
    slots = store._slots  # noqa: SLF001
    assert slots.used_count() == len(claimed)
    assert slots.free_count == len(slots.packs) * slots.slots_per_pack - len(claimed)
    for data, result in zip(payloads, results, strict=True):
        assert result.sha256 == hashlib.sha256(data).hexdigest()
        assert store.open_reader(result.object_id).read() == data
    folder = small_vault.path / PACK_DIR
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert {p.stat().st_size for p in folder.iterdir()} == {64 * SLOT_BYTES}


def test_next_pack_is_made_ahead_while_writes_use_up_free_slots(small_vault: Vault) -> None:
    """Writes that take free slots leave the next pack to a helper once less than half a pack
    is free: complete, in place and free, before anyone has to stop and make one."""
    store = small_vault.core.objects
    slots = store._slots  # noqa: SLF001
    first = store.put_bytes(os.urandom(CHUNK_BYTES))  # the first pack, made by the write itself
    assert len(slots.packs) == 1
    # Count the free slots of the first pack from what the writes took, not from the slot map:
    # the helper may add the next pack as soon as it starts, and a loop reading the map would
    # then go on writing into it and set off a third pack.
    free = slots.slots_per_pack - sum(e.slot_count for e in first.extents)
    while free >= slots.slots_per_pack // 2:
        result = store.put_bytes(os.urandom(4 * CHUNK_BYTES))
        assert {e.pack for e in result.extents} == {0}
        free -= sum(e.slot_count for e in result.extents)
    store.put_bytes(os.urandom(CHUNK_BYTES))  # takes a free slot: the helper starts
    store.wait_for_packs()
    assert len(slots.packs) == 2
    assert slots.free_count >= slots.slots_per_pack
    folder = small_vault.path / PACK_DIR
    assert sorted(p.name for p in folder.iterdir()) == [pack_name(0), pack_name(1)]
    assert (folder / pack_name(1)).stat().st_size == 64 * SLOT_BYTES


def test_failed_write_gives_back_every_slot_it_took(small_vault: Vault,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails half-way (a disk error) must leave the slot map as it found it."""
    store = small_vault.core.objects
    slots = store._slots  # noqa: SLF001
    puts = [store.put_bytes(os.urandom(n * CHUNK_BYTES)) for n in (3, 1, 3, 1, 3, 1)]
    for gone in puts[::2]:  # three separate runs of free slots
        with small_vault.core.sessions.begin() as session:
            freed = store.delete(session, gone.object_id)
        store.release(freed)
    before = (slots.used_count(), slots.free_count)
    calls = []
    real = store._packs.write_slots  # noqa: SLF001

    def fails_on_the_second(number: int, first_slot: int, data: list[bytes]) -> None:
        calls.append(first_slot)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real(number, first_slot, data)

    monkeypatch.setattr(store._packs, "write_slots", fails_on_the_second)  # noqa: SLF001
    with pytest.raises(OSError, match="Input/output"):
        store.put_stream(io.BytesIO(os.urandom(40 * CHUNK_BYTES)), sync=False)
    assert (slots.used_count(), slots.free_count) == before


# ---------------------------------------------------------------------- tampering
def _slot_offset(vault: Vault, oid: str, chunk: int) -> tuple[Path, int]:
    info = vault.core.objects.info(oid)
    seen = 0
    for ext in info.extents:
        if chunk < seen + ext.slot_count:
            path = vault.path / PACK_DIR / pack_name(ext.pack)
            return path, (ext.first_slot + chunk - seen) * SLOT_BYTES
        seen += ext.slot_count
    raise AssertionError("chunk not found")


def _flip(path: Path, offset: int) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x01]))


def _read_all(vault: Vault, oid: str) -> bytes:
    vault.core.objects.forget_cached()
    return b"".join(vault.core.objects.iter_plaintext(oid))


@pytest.mark.parametrize("where", ["nonce", "ciphertext", "tag"])
def test_flipped_byte_detected(small_vault: Vault, where: str) -> None:
    oid = small_vault.core.objects.put_bytes(os.urandom(3 * CHUNK_BYTES)).object_id
    path, start = _slot_offset(small_vault, oid, 1)
    offset = {"nonce": start + 5, "ciphertext": start + 32 + 1000, "tag": start + SLOT_BYTES - 3}
    _flip(path, offset[where])
    with pytest.raises(IntegrityError, match=f"object {oid}: chunk 1 failed authentication"):
        _read_all(small_vault, oid)


def test_dropped_last_chunk_detected(small_vault: Vault) -> None:
    """The last slot replaced by random bytes (what a freed slot looks like)."""
    oid = small_vault.core.objects.put_bytes(os.urandom(3 * CHUNK_BYTES - 10)).object_id
    path, start = _slot_offset(small_vault, oid, 2)
    with open(path, "r+b") as f:
        f.seek(start)
        f.write(os.urandom(SLOT_BYTES))
    with pytest.raises(IntegrityError, match=oid):
        _read_all(small_vault, oid)


def test_swapped_chunks_of_one_object_detected(small_vault: Vault) -> None:
    oid = small_vault.core.objects.put_bytes(os.urandom(3 * CHUNK_BYTES)).object_id
    path, a = _slot_offset(small_vault, oid, 0)
    _, b = _slot_offset(small_vault, oid, 1)
    raw = bytearray(path.read_bytes())
    raw[a : a + SLOT_BYTES], raw[b : b + SLOT_BYTES] = raw[b : b + SLOT_BYTES], raw[a : a + SLOT_BYTES]
    path.write_bytes(bytes(raw))
    with pytest.raises(IntegrityError, match=f"object {oid}: chunk 0"):
        _read_all(small_vault, oid)


def test_chunk_moved_between_objects_detected(small_vault: Vault) -> None:
    one = small_vault.core.objects.put_bytes(os.urandom(2 * CHUNK_BYTES)).object_id
    two = small_vault.core.objects.put_bytes(os.urandom(2 * CHUNK_BYTES)).object_id
    path, a = _slot_offset(small_vault, one, 0)
    _, b = _slot_offset(small_vault, two, 0)
    raw = bytearray(path.read_bytes())
    raw[b : b + SLOT_BYTES] = raw[a : a + SLOT_BYTES]
    path.write_bytes(bytes(raw))
    assert _read_all(small_vault, one)  # the source is untouched
    with pytest.raises(IntegrityError, match=f"object {two}: chunk 0"):
        _read_all(small_vault, two)


def test_truncated_pack_detected(small_vault: Vault) -> None:
    oid = small_vault.core.objects.put_bytes(os.urandom(3 * CHUNK_BYTES)).object_id
    path, start = _slot_offset(small_vault, oid, 2)
    os.truncate(path, start + 100)
    small_vault.core.objects._packs.close()  # noqa: SLF001 - reopen to see the shorter file
    with pytest.raises(IntegrityError, match=f"object {oid}: chunk 2 is missing"):
        _read_all(small_vault, oid)


def test_missing_pack_detected(small_vault: Vault) -> None:
    oid = small_vault.core.objects.put_bytes(os.urandom(2 * CHUNK_BYTES)).object_id
    path, _ = _slot_offset(small_vault, oid, 0)
    small_vault.core.objects._packs.close()  # noqa: SLF001
    path.unlink()
    with pytest.raises(IntegrityError, match=f"object {oid}: chunk 0 is missing"):
        _read_all(small_vault, oid)
