"""``liaison``: run a headless command, or start the app.

Kept tiny on purpose: the GUI path must reach a visible window before any heavy
module (SQLModel, Alembic, ReportLab) loads.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from gui import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    if args.command:
        return cli.run(args)
    from gui import app

    target = args.database_url or args.catalog or str(cli.default_catalog_path())
    return app.main(target, default=not (args.database_url or args.catalog),
                    language=args.ui_language)


if __name__ == "__main__":
    sys.exit(main())
