"""argparse's own words (``usage:``, ``options:``, ``show this help message and exit``,
its error messages) in the language of the command line.

argparse takes them from :mod:`gettext`'s process-wide default domain, which follows
the environment, not ``--language``. They come instead from our ``argparse`` catalog
(``assets/translations/vi/LC_MESSAGES/argparse.po``, extracted from Python's own
``argparse.py``) in the current language of :mod:`db.i18n`, looked up at the moment
argparse writes them: the two names argparse translates through (its module-level
``_`` and ``ngettext``) are pointed at that catalog once, before a parser is built.
"""

from __future__ import annotations

import argparse
from typing import Final

from db.i18n import dgettext, dngettext

DOMAIN: Final = "argparse"


def argparse_gettext(message: str) -> str:
    """One of argparse's messages in the current language."""
    return dgettext(DOMAIN, message)


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    """One of argparse's counted messages in the current language."""
    return dngettext(DOMAIN, singular, plural, n)


def install() -> None:
    """Make argparse write its words through :func:`argparse_gettext` (idempotent)."""
    setattr(argparse, "_", argparse_gettext)  # noqa: B010 - argparse's private name
    setattr(argparse, "ngettext", argparse_ngettext)  # noqa: B010
