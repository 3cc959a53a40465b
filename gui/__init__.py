"""The Liaison desktop app and its command line.

Importing this package loads no Qt: ``gui.cli`` and ``gui.briefing`` run
headless, and only ``gui.app`` and the modules it pulls in touch PySide6.
"""

APP_NAME = "Liaison"  # the window title's last word, QSettings' organisation and application
