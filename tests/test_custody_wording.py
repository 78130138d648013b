"""Custody events as sentences: every action has one, and each names what it was about."""

from __future__ import annotations

from typing import Any

import pytest

from archive.catalog.models import ACTIONS
from archive.custody.log import Event
from archive.custody.wording import SENTENCES, event_sentence


def _event(action: str, item: str | None = "ab" * 16, **details: Any) -> Event:
    return Event(7, "2026-01-01T00:00:00.000000Z", action, item, None, None, "Anna", details)


@pytest.mark.parametrize(("event", "source", "sentence"), [
    (_event("import", original_name="a.jpg"), "/cards/DCIM/a.jpg",
     "Imported from /cards/DCIM/a.jpg by Anna"),
    (_event("import", original_name="a.jpg", case="Basement", tags=["rescue", "door"]), None,
     "Imported «a.jpg» by Anna; into case «Basement»; tagged «rescue», «door»"),
    (_event("case-add", case="Basement"), None, "Added to case «Basement» by Anna"),
    (_event("tag", added=["rescue"]), None, "Tag «rescue» added by Anna"),
    (_event("untag", removed=["a", "b"]), None, "Tags «a», «b» removed by Anna"),
    (_event("export", exhibit="EX-001", file="EX-001_a.jpg", case="", package="bag",
            destination="/out"), None, "Exported as EX-001 in package bag to /out by Anna"),
    (_event("export", exhibit="EX-002", file="x", case=""), None, "Exported as EX-002 by Anna"),
    (_event("verify", None, items=12, bytes=100, result="clean"), None,
     "Verified: clean, 12 items, by Anna"),
    (_event("deletion-request", reason="duplicate scan"), None,
     "Deleted (crypto-erasure) by Anna; reason: duplicate scan"),
    (_event("case-rename", None, case="Cellar", previous_case="Basement"), None,
     "Case «Basement» renamed to «Cellar» by Anna"),
    (_event("extract", fields=["camera", "gps_lat"], problems=[]), None,
     "Metadata and text read (camera, gps_lat) by Anna"),
    (_event("open", via="cli cat"), None, "Original handed out (cli cat) by Anna"),
    (_event("examiner-change", None, examiner=""), None,
     "Examiner cleared (the login name acts) by Anna"),
])
def test_sentences_name_what_was_done(event: Event, source: str | None, sentence: str) -> None:
    assert event_sentence(event, source) == sentence


def test_every_action_has_a_sentence_without_gaps() -> None:
    for action in ACTIONS:
        text = event_sentence(_event(action))
        assert "Anna" in text and action not in ("", text.split()[0]), action
        assert action in SENTENCES or action in ("import",), action


def test_other_templates_are_used_and_unknown_fields_do_not_fail() -> None:
    russian = {"case-add": "Добавлено в дело «{case}» ({actor})"}
    assert event_sentence(_event("case-add", case="Подвал"), templates=russian) == \
        "Добавлено в дело «Подвал» (Анна)".replace("Анна", "Anna")
    assert event_sentence(_event("view"), templates=russian) == "Viewed by Anna"
    assert event_sentence(_event("case-add")) == "Added to case «?» by Anna"
