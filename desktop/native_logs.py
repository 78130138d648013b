"""Native loggers kept quiet. Qt's FFmpeg backend logs what it reads when it opens a recording
(the container's title, the place it was recorded) to stderr, which a desktop session keeps in
its journal. Its logging categories are turned off before Qt reads its rules (when the first
QCoreApplication is made), after any rules the user set, so nothing turns them back on."""

from __future__ import annotations

import os

QUIET_RULES = "qt.multimedia.ffmpeg*=false"


def quiet_native_logs() -> None:
    rules = os.environ.get("QT_LOGGING_RULES", "")
    if QUIET_RULES not in rules.split(";"):
        os.environ["QT_LOGGING_RULES"] = ";".join(filter(None, [rules, QUIET_RULES]))
