"""The custody sentences in the user's language: the templates of
:func:`archive.custody.wording.event_sentence`, translated. The archive decides what a sentence
says; this module only gives the words."""

from __future__ import annotations

from PySide6.QtCore import QObject


class CustodyText(QObject):
    def templates(self) -> dict[str, str]:
        """The same keys and ``{placeholders}`` as ``archive.custody.wording.SENTENCES``."""
        return {
            "import": self.tr("Imported «{name}» by {actor}"),
            "import-from": self.tr("Imported from {source} by {actor}"),
            "into-case": self.tr("into case «{case}»"),
            "with-tags": self.tr("tagged {tags}"),
            "extract": self.tr("Metadata and text read ({fields}) by {actor}"),
            "extract-nothing": self.tr("Nothing could be read from the file (by {actor})"),
            "intake-again": self.tr("Presented again as «{name}» by {actor}"),
            "view": self.tr("Viewed by {actor}"),
            "open": self.tr("Original handed out ({via}) by {actor}"),
            "note": self.tr("Note added by {actor}"),
            "tag": self.tr("Tag {tags} added by {actor}"),
            "tags": self.tr("Tags {tags} added by {actor}"),
            "untag": self.tr("Tag {tags} removed by {actor}"),
            "untags": self.tr("Tags {tags} removed by {actor}"),
            "case-add": self.tr("Added to case «{case}» by {actor}"),
            "case-remove": self.tr("Taken out of case «{case}» by {actor}"),
            "case-create": self.tr("Case «{case}» created by {actor}"),
            "case-rename": self.tr("Case «{previous_case}» renamed to «{case}» by {actor}"),
            "case-describe": self.tr("Description of case «{case}» changed by {actor}"),
            "case-delete": self.tr("Case «{case}» deleted by {actor}; its {items} item(s) stay "
                                   "in the vault"),
            "export": self.tr("Exported as {exhibit} in package {package} to {destination} by "
                              "{actor}"),
            "export-plain": self.tr("Exported as {exhibit} by {actor}"),
            "publication-copy": self.tr("Publication copy {file} written by {actor}"),
            "verify": self.tr("Verified: {result}, {items} items, by {actor}"),
            "deletion-request": self.tr("Deleted (crypto-erasure) by {actor}; reason: {reason}"),
            "passphrase-change": self.tr("Passphrase changed by {actor}"),
            "link": self.tr("Transcript {transcript} linked to recording {recording} by "
                            "{actor}"),
            "unlink": self.tr("Transcript {transcript} unlinked from recording {recording} by "
                              "{actor}"),
            "examiner-change": self.tr("Examiner set to {examiner} by {actor}"),
            "examiner-cleared": self.tr("Examiner cleared (the login name acts) by {actor}"),
            "redaction": self.tr("Redacted by {actor}"),
            "other": self.tr("{action} by {actor}"),
        }
