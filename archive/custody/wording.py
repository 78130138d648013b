"""Custody events as sentences a person reads: what was done, to what, by whom ("Added to case
«Basement» by Anna Petrova"). One function, :func:`event_sentence`, serves the ``custody``
command, the PDF report and the desktop timeline; a caller that speaks another language passes
its own templates (same keys, same ``{placeholders}``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archive.custody.log import Event

SENTENCES: Mapping[str, str] = {
    "import": "Imported «{name}» by {actor}",
    "import-from": "Imported from {source} by {actor}",
    "into-case": "into case «{case}»",
    "with-tags": "tagged {tags}",
    "extract": "Metadata and text read ({fields}) by {actor}",
    "extract-nothing": "Nothing could be read from the file (by {actor})",
    "intake-again": "Presented again as «{name}» by {actor}",
    "view": "Viewed by {actor}",
    "open": "Original handed out ({via}) by {actor}",
    "note": "Note added by {actor}",
    "tag": "Tag {tags} added by {actor}",
    "tags": "Tags {tags} added by {actor}",
    "untag": "Tag {tags} removed by {actor}",
    "untags": "Tags {tags} removed by {actor}",
    "case-add": "Added to case «{case}» by {actor}",
    "case-remove": "Taken out of case «{case}» by {actor}",
    "case-create": "Case «{case}» created by {actor}",
    "case-rename": "Case «{previous_case}» renamed to «{case}» by {actor}",
    "case-describe": "Description of case «{case}» changed by {actor}",
    "case-delete": "Case «{case}» deleted by {actor}; its {items} item(s) stay in the vault",
    "export": "Exported as {exhibit} in package {package} to {destination} by {actor}",
    "export-plain": "Exported as {exhibit} by {actor}",
    "publication-copy": "Publication copy {file} written by {actor}",
    "verify": "Verified: {result}, {items} items, by {actor}",
    "deletion-request": "Deleted (crypto-erasure) by {actor}; reason: {reason}",
    "passphrase-change": "Passphrase changed by {actor}",
    "link": "Transcript {transcript} linked to recording {recording} by {actor}",
    "unlink": "Transcript {transcript} unlinked from recording {recording} by {actor}",
    "examiner-change": "Examiner set to {examiner} by {actor}",
    "examiner-cleared": "Examiner cleared (the login name acts) by {actor}",
    "redaction": "Redacted by {actor}",
    "other": "{action} by {actor}",
}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def _quoted(names: Any) -> str:
    return ", ".join(f"«{n}»" for n in names) if isinstance(names, list) else f"«{names}»"


def _template_key(event: Event, source: str | None) -> str:
    d, action = event.details, event.action
    if action == "import":
        return "import-from" if source else "import"
    if action in ("tag", "untag"):
        many = len(d.get("added" if action == "tag" else "removed", [])) > 1
        return action + "s" if many else action
    if action == "export":
        return "export" if "package" in d else "export-plain"
    if action == "extract" and not d.get("fields"):
        return "extract-nothing"
    if action == "examiner-change" and not d.get("examiner"):
        return "examiner-cleared"
    return action


def event_sentence(event: Event, source: str | None = None,
                   templates: Mapping[str, str] = SENTENCES) -> str:
    """One sentence for ``event``. ``source`` is where an imported original was taken from
    (the item's first intake), which the event itself does not hold."""
    d = event.details
    values = _Blank(d)
    values.update(actor=event.actor, action=event.action, source=source or "",
                  name=d.get("original_name", ""),
                  tags=_quoted(d.get("added", d.get("removed", d.get("tags", [])))),
                  fields=", ".join(str(f) for f in d.get("fields", [])),
                  transcript=str(d.get("transcript", ""))[:12],
                  recording=str(d.get("recording", ""))[:12])
    key = _template_key(event, source)
    template = templates.get(key) or SENTENCES.get(key) or templates.get(
        "other", SENTENCES["other"])
    sentence = template.format_map(values)
    if event.action == "import":
        clauses = [(templates.get(k) or SENTENCES[k]).format_map(values)
                   for k, present in (("into-case", "case" in d), ("with-tags", "tags" in d))
                   if present]
        sentence = "; ".join([sentence, *clauses])
    return sentence
