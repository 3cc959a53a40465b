"""The interface language: chosen in Preferences (or the system's), applied at start.

Our own words come from the headless text layer (:mod:`db.i18n`); this module only sets
its language and installs Qt's translator for the strings Qt draws itself (OK, Cancel,
the line edit's context menu, the file and print dialogs). PySide6 ships no
``qtbase_vi.qm``, so ours is in ``assets/translations`` (``make translations``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from db import i18n
from gui import settings as registry

QT_CATALOG = i18n.TRANSLATIONS_DIR / "qtbase_{language}.qm"


def chosen_language(settings: registry.Settings) -> i18n.Language:
    """The language the user picked, or the system's when they picked none."""
    return i18n.parse_language(settings.value(registry.LANGUAGE)) or i18n.system_language()


def apply(app: QCoreApplication, language: i18n.Language) -> QTranslator | None:
    """Write the interface in ``language``: our catalog, Qt's strings and the locale.

    Returns the installed translator, which must live as long as the application.
    """
    i18n.set_language(language)
    QLocale.setDefault(QLocale(i18n.locale_name(language)))
    path = QT_CATALOG.with_name(QT_CATALOG.name.format(language=language))
    if language == "en" or not path.exists():
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return None
    app.installTranslator(translator)
    return translator
