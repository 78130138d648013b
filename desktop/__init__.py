"""The desktop app (the only package that imports Qt)."""

from desktop.native_logs import quiet_native_logs

quiet_native_logs()  # before any QApplication reads the logging rules
