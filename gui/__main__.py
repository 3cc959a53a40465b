"""``liaison``: run a headless command, or start the app.

Kept tiny on purpose: the GUI path must reach a visible window before any heavy
module (SQLModel, Alembic, ReportLab) loads. A plain start (``liaison``,
``liaison --catalog PATH``, ``--database-url URL``, ``--language vi``) does not
even build the command-line parser, whose command modules cost a start tens of
milliseconds (issue 16); anything else (a command, ``--help``, a mistake) is
read by the parser (:mod:`gui.cli`), which says what is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from gui.paths import default_catalog_path

# The options a start of the app takes (as gui.cli.build_parser declares them), and the
# keyword of app.main each one becomes; the app's languages (db.i18n.LANGUAGES).
APP_OPTIONS = {"--catalog": "catalog", "--database-url": "database_url",
               "--language": "language"}
APP_LANGUAGES = ("en", "vi")


def app_start(words: Sequence[str]) -> dict[str, str] | None:
    """The options of a plain start of the app, or None when *words* are anything else."""
    found: dict[str, str] = {}
    rest = list(words)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in APP_OPTIONS or APP_OPTIONS[name] in found:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        found[APP_OPTIONS[name]] = value
    if ("catalog" in found and "database_url" in found) or (
            found.get("language", "en") not in APP_LANGUAGES):
        return None
    return found


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    start = app_start(words)
    if start is None:
        from gui import cli

        args = cli.parse(words)
        if args.command:
            return cli.run(args)
        start = {key: value for key, value in (("catalog", args.catalog),
                                               ("database_url", args.database_url),
                                               ("language", args.ui_language)) if value}
    from gui import app

    target = start.get("database_url") or start.get("catalog")
    if target is None:
        target = str(default_catalog_path())
    return app.main(target, default="catalog" not in start and "database_url" not in start,
                    language=start.get("language"))


if __name__ == "__main__":
    sys.exit(main())
