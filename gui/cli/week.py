"""``liaison brief week``: the week's programme as PDF (what the Upcoming section shows).

    liaison brief week -o week.pdf                  # this week, from Monday
    liaison brief week --from 2031-03-03 --days 14 -o fortnight.pdf

Headless: no Qt. The start day is ISO (``2031-03-03``) or ``today``; the week
starts on the Monday of today's week when none is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from db.i18n import _
from gui.cli.common import EXIT_OK, UserError, catalog_target, open_or_create_default


def first_day(text: str | None, today: dt.date | None = None) -> dt.date:
    """The programme's first day: ISO, ``today``, or (none given) this week's Monday."""
    from db.reads.agenda import week_of

    now = today or dt.date.today()
    if not text:
        return week_of(now)
    if text.strip().lower() == "today":
        return now
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(_("{text!r} is not a date: write it as 2031-03-03.").format(
            text=text)) from None


def cmd_week(args: argparse.Namespace, output: Path) -> int:
    """Print the programme of ``--days`` days (7 unless given) into *output*."""
    from gui.briefing.agenda import write_week
    from gui.briefing.document import SheetOptions
    from gui.briefing.styles import Paper
    from gui.briefing.text import clean

    if args.id is not None or args.all or args.pack:
        raise UserError(_("The week's programme takes --from DATE, not an id, --all or --pack."))
    days = args.days if args.days is not None else 7
    if not 1 <= days <= 366:
        raise UserError(_("--days must be between 1 and 366."))
    first = first_day(args.first)
    options = SheetOptions(paper=Paper(args.paper),
                           classification=clean(args.classification) or None,
                           language=getattr(args, "sheet_language", None))
    catalog = open_or_create_default(catalog_target(args), reading=True)
    with catalog:
        write_week(catalog, first, output, options, days)
    print(output)
    return EXIT_OK
