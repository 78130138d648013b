"""Encrypted full-text search: analysis for Russian, English, Uzbek and Kazakh with
transliteration across scripts, and an index that lives in memory and is persisted sealed by the
archive. No Qt, and nothing from ``archive``."""

from .index import Hit, IndexDocument, ResultPage, SearchIndex
from .query import QueryError

__all__ = ["Hit", "IndexDocument", "QueryError", "ResultPage", "SearchIndex"]
