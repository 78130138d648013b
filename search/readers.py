"""Searchers kept open across changes, and when small segments are merged.

Opening a reader over a segment costs more than most queries, so a searcher is refreshed after a
change by opening only the segments that changed and keeping the readers of the others. Whoosh's
own ``Searcher.refresh`` cannot be used for this: it puts the old searcher's segments back into
the new reader's list even when a merge removed them (a removed document comes back), reuses a
segment's reader when only the segment's deletions changed (a replaced document is found twice),
and fails on an empty index. Here a reader is kept only for a segment that is still in the index
with the same deletions.
"""

from __future__ import annotations

from typing import Any

from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher
from whoosh.writing import MERGE_SMALL, SegmentWriter

# A commit of fewer documents than this (a note or a tag saved, a batch of an import) makes a
# small segment; once there are MERGE_AT small segments their documents are indexed again
# together (each segment adds a little to every query).
SMALL_SEGMENT = 50
MERGE_AT = 10
MERGE_LIMIT = 3 * MERGE_AT  # beyond this, merged by Whoosh whatever the cost


def _same_deletions(a: Any, b: Any) -> bool:
    return bool(a.deleted_count() == b.deleted_count()
                and set(a.deleted_docs()) == set(b.deleted_docs()))


def refreshed(ix: Any, old: Searcher | None, weighting: Any) -> Searcher:
    """A searcher over the index as it is now, with the readers of ``old`` that are still
    valid (``old`` must not be used afterwards)."""
    toc = ix._read_toc()  # noqa: SLF001 - the segments and generation in one read
    kept: dict[str, Any] = {}
    if old is not None:
        for reader, _base in old.reader().leaf_readers():
            segment = reader.segment()
            if segment is not None:
                kept[segment.segment_id()] = reader
    readers = []
    for segment in toc.segments:
        reader = kept.get(segment.segment_id())
        if reader is not None and _same_deletions(reader.segment(), segment):
            del kept[segment.segment_id()]
            reader._gen = toc.generation  # noqa: SLF001 - now a reader of this generation
        else:
            reader = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
        readers.append(reader)
    for unused in kept.values():
        unused.close()
    if not readers:
        whole: Any = EmptyReader(toc.schema)
    elif len(readers) == 1:
        whole = readers[0]
    else:
        whole = MultiReader(readers, generation=toc.generation)
    return Searcher(whole, fromindex=ix, weighting=weighting)


def _live(segments: list[Any]) -> list[Any]:
    # A segment whose every document was replaced or removed is dropped without reading it
    # (its files go with it at the commit).
    return [s for s in segments if s.doc_count() > 0]


def merge_small_segments(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy for a commit of a few documents: nothing merged (a merge reads every
    posting back, which a save should not wait for) until there are ``MERGE_LIMIT`` small
    segments, then the small ones. The owner normally puts them together long before, by
    indexing their documents again (see ``SearchIndex.small_segment_ids``)."""
    segments = _live(segments)
    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT]
    if len(small) + 1 < MERGE_LIMIT:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s.doc_count_all() >= SMALL_SEGMENT]


def keep_segments(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy for a save that puts small segments together: empty segments
    dropped, nothing merged. A note saved never waits for a merge of large segments, which
    reads every posting back (tens of seconds once an import has left a dozen of them)."""
    return _live(segments)


def merge_into_large(writer: SegmentWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy for a large commit (an import, a rebuild): empty segments dropped,
    then Whoosh's own policy (the smallest segments merged, so that the number of segments
    grows with the logarithm of the documents)."""
    return list(MERGE_SMALL(writer, _live(segments)))
